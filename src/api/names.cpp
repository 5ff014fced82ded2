// Names of the public API's enums, for messages and logs.
#include <tls/context.hpp>
#include <tls/io.hpp>
#include <tls/trace.hpp>

#include "handshake/trace.hpp"
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

// The public Kind mirrors the handshake's one value for value (checked in trace_adapter.cpp).
const char *trace_kind_name(TraceEvent::Kind kind) noexcept {
  return handshake::trace_kind_name(static_cast<handshake::TraceEvent::Kind>(kind));
}

const char *verify_error_string(long error) noexcept {
  return x509::verify_error_text(static_cast<x509::VerifyError>(error));
}

}  // namespace tls
