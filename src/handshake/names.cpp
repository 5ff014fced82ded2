// Names of the small handshake enums, for traces and error texts.
#include "handshake/config.hpp"
#include "handshake/machine.hpp"
#include "handshake/trace.hpp"

namespace tls::handshake {

const char *role_name(Role role) noexcept {
  return role == Role::client ? "client" : "server";
}

const char *trace_kind_name(TraceEvent::Kind kind) noexcept {
  switch (kind) {
    case TraceEvent::Kind::state:
      return "state";
    case TraceEvent::Kind::message_sent:
      return "message_sent";
    case TraceEvent::Kind::message_received:
      return "message_received";
    case TraceEvent::Kind::change_cipher_spec_sent:
      return "change_cipher_spec_sent";
    case TraceEvent::Kind::change_cipher_spec_received:
      return "change_cipher_spec_received";
    case TraceEvent::Kind::alert_sent:
      return "alert_sent";
    case TraceEvent::Kind::alert_received:
      return "alert_received";
    case TraceEvent::Kind::secret:
      return "secret";
    case TraceEvent::Kind::keys_installed:
      return "keys_installed";
    case TraceEvent::Kind::note:
      return "note";
  }
  return "unknown";
}

const char *step_result_name(StepResult result) noexcept {
  switch (result) {
    case StepResult::advanced:
      return "advanced";
    case StepResult::need_input:
      return "need_input";
    case StepResult::need_flush:
      return "need_flush";
    case StepResult::done:
      return "done";
    case StepResult::failed:
      return "failed";
  }
  return "unknown";
}

}  // namespace tls::handshake
