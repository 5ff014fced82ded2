// Names of the public API's enums, for messages and logs.
#include <tls/context.hpp>
#include <tls/io.hpp>
#include <tls/trace.hpp>

#include "x509/verify_error.hpp"

namespace tls {

const char *io_code_name(IoCode code) noexcept {
  switch (code) {
    case IoCode::ok:
      return "ok";
    case IoCode::want_read:
      return "want_read";
    case IoCode::want_write:
      return "want_write";
    case IoCode::zero_return:
      return "zero_return";
    case IoCode::syscall:
      return "syscall";
    case IoCode::failed:
      return "failed";
  }
  return "unknown";
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

const char *verify_error_string(long error) noexcept {
  return x509::verify_error_text(static_cast<x509::VerifyError>(error));
}

}  // namespace tls
