// Trace events: every transition of a handshake machine reports what happened, for the trace
// and message callbacks, the key log, `tls-client -state/-msg/-trace` and `tls-step`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tls/alert.hpp>

#include "common/bytes.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/state.hpp"

namespace tls::handshake {

struct TraceEvent {
  enum class Kind : std::uint8_t {
    state,                    // a state is about to run: `state`
    message_sent,             // a handshake message was queued: type, raw, fields
    message_received,         // a handshake message was accepted: type, raw, fields
    change_cipher_spec_sent,  // raw is the payload {1}
    change_cipher_spec_received,
    alert_sent,  // alert_level / alert
    alert_received,
    secret,          // secret_name / raw (only with Config::trace_secrets)
    keys_installed,  // text says which direction switched to which protection
    note,            // a decision worth telling ("resuming session ...")
  };

  Kind kind = Kind::state;
  bool from_client = true;  // the side that emitted the event
  State state = State::before;
  std::optional<HandshakeType> message_type;
  ByteView raw;               // message bytes (header included), CCS payload, or secret
  std::vector<Field> fields;  // field-by-field decoding (Config::trace_fields)
  std::string secret_name;    // "pre_master_secret", "master_secret", "client_write_key"
  std::uint8_t alert_level = 0;
  AlertDescription alert = AlertDescription::close_notify;
  std::string text;  // a one-line human summary
};

using TraceCallback = std::function<void(const TraceEvent &)>;

const char *trace_kind_name(TraceEvent::Kind kind) noexcept;

}  // namespace tls::handshake
