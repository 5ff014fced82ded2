// What the trace callbacks of a tls::Context receive: every state a handshake machine enters,
// every handshake message and alert sent or received, and (when asked) every derived secret.
// The views in an event are valid only during the callback.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tls/alert.hpp>
#include <tls/handshake_state.hpp>

namespace tls {

struct TraceField {
  std::string name;        // "random.gmt_unix_time", "extensions[2].server_name.host_name"
  std::size_t offset = 0;  // in the message, header included
  std::size_t length = 0;
  std::string bytes;    // lower-case hex
  std::string meaning;  // "TLSv1.2", "x25519", ...
};

struct TraceEvent {
  enum class Kind : std::uint8_t {
    state,                    // a state is about to run
    message_sent,             // a handshake message was queued
    message_received,         // a handshake message was accepted
    change_cipher_spec_sent,  // ChangeCipherSpec
    change_cipher_spec_received,
    alert_sent,
    alert_received,
    secret,          // a derived secret (Context::set_trace_secrets(true) only)
    keys_installed,  // a direction switched protection
    note,            // a decision worth telling
  };

  Kind kind = Kind::state;
  bool from_client = true;  // the side that emitted the event
  HandshakeState state = HandshakeState::before;
  const char *state_name = "";        // "SSL3_ST_CR_SRVR_HELLO"
  std::optional<int> message_type;    // handshake message type number
  const char *message_name = "";      // "client_hello", ... (empty when none)
  std::span<const std::uint8_t> raw;  // message bytes (header included), CCS payload, or secret
  std::vector<TraceField> fields;     // field by field (Context::set_trace_fields(true))
  std::string_view secret_name;       // "master_secret", ...
  AlertLevel alert_level = AlertLevel::warning;
  AlertDescription alert = AlertDescription::close_notify;
  std::string_view text;  // a one-line human summary
};

// "state", "message_sent", ...
const char *trace_kind_name(TraceEvent::Kind kind) noexcept;

using TraceCallback = std::function<void(const TraceEvent &)>;

}  // namespace tls
