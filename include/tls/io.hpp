// What an I/O call on a tls::Connection did: the OpenSSL SSL_ERROR_* outcomes as values.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tls {

enum class IoCode : std::uint8_t {
  ok,           // done; IoResult::bytes says how many bytes (read / write)
  want_read,    // the transport has nothing to read yet: call again when it is readable
  want_write,   // the transport cannot take more yet: call again when it is writable
  zero_return,  // the peer closed the connection cleanly (close_notify)
  syscall,      // the transport failed or the peer vanished without close_notify
  failed,       // a protocol error (SSL_ERROR_SSL): Connection::error_text() says which
};

// "ok", "want_read", ...
const char *io_code_name(IoCode code) noexcept;

struct IoResult {
  IoCode code = IoCode::ok;
  std::size_t bytes = 0;

  bool ok() const { return code == IoCode::ok; }
  explicit operator bool() const { return ok(); }
  // True for want_read / want_write: nothing is wrong, call again later.
  bool would_block() const { return code == IoCode::want_read || code == IoCode::want_write; }
};

}  // namespace tls
