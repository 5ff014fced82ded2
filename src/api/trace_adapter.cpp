#include "api/trace_adapter.hpp"

#include "handshake/config.hpp"

#include <array>

namespace tls {

TraceEvent to_public_event(const handshake::TraceEvent &event) {
  TraceEvent out;
  out.kind = static_cast<TraceEvent::Kind>(event.kind);
  out.from_client = event.from_client;
  out.state = static_cast<HandshakeState>(event.state);
  out.state_name = handshake::state_name(event.state);
  if (event.message_type) {
    out.message_type = static_cast<int>(*event.message_type);
    const char *name = handshake::handshake_type_name(*event.message_type);
    out.message_name = name != nullptr ? name : "";
  }
  out.raw = event.raw;
  out.fields.reserve(event.fields.size());
  for (const auto &field : event.fields)
    out.fields.push_back({field.name, field.offset, field.length, field.bytes, field.meaning});
  out.secret_name = event.secret_name;
  out.alert_level = static_cast<AlertLevel>(event.alert_level);
  out.alert = event.alert;
  out.text = event.text;
  return out;
}

handshake::TraceCallback make_trace_dispatch(TraceCallback trace, StateCallback state,
                                             MessageCallback message) {
  if (!trace && !state && !message) return {};
  return [trace = std::move(trace), state = std::move(state),
          message = std::move(message)](const handshake::TraceEvent &event) {
    using Kind = handshake::TraceEvent::Kind;
    if (trace) trace(to_public_event(event));
    if (state && event.kind == Kind::state)
      state(event.from_client, static_cast<HandshakeState>(event.state),
            handshake::state_name(event.state));
    if (!message) return;
    switch (event.kind) {
      case Kind::message_sent:
      case Kind::message_received:
        message(event.kind == Kind::message_sent, 22, event.raw);
        break;
      case Kind::change_cipher_spec_sent:
      case Kind::change_cipher_spec_received:
        message(event.kind == Kind::change_cipher_spec_sent, 20, event.raw);
        break;
      case Kind::alert_sent:
      case Kind::alert_received: {
        const std::array<std::uint8_t, 2> alert = {event.alert_level,
                                                   static_cast<std::uint8_t>(event.alert)};
        message(event.kind == Kind::alert_sent, 21, alert);
        break;
      }
      default:
        break;
    }
  };
}

}  // namespace tls

// The public enums mirror the internal ones value for value.
static_assert(static_cast<int>(tls::HandshakeState::sw_finished) ==
              static_cast<int>(tls::handshake::State::sw_finished));
static_assert(static_cast<int>(tls::HandshakeState::cr_finished) ==
              static_cast<int>(tls::handshake::State::cr_finished));
static_assert(static_cast<int>(tls::HandshakeState::sw_hello_req) ==
              static_cast<int>(tls::handshake::State::sw_hello_req));
static_assert(static_cast<int>(tls::TraceEvent::Kind::note) ==
              static_cast<int>(tls::handshake::TraceEvent::Kind::note));
static_assert(static_cast<int>(tls::Role::server) ==
              static_cast<int>(tls::handshake::Role::server));
static_assert(static_cast<int>(tls::VerifyMode::require_peer_cert) ==
              static_cast<int>(tls::handshake::VerifyMode::require_peer_cert));
