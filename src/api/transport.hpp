// Where a Connection's bytes come from and go to. Implementations: a file descriptor
// (fd_transport), an in-memory channel pair (memory_pair), the application's own functions
// (callback_transport). With no transport at all the Connection is sans-IO.
#pragma once

#include <string>

#include <tls/io.hpp>

#include "common/bytes.hpp"

namespace tls {

class Transport {
 public:
  virtual ~Transport() = default;
  // ok with bytes > 0; ok with bytes == 0 at the end of the stream; want_read when nothing is
  // there yet; syscall on failure (error() says why).
  virtual IoResult read(MutableByteView buffer) = 0;
  // ok with bytes > 0 (maybe fewer than given); want_write when nothing can be taken now;
  // syscall on failure.
  virtual IoResult write(ByteView data) = 0;
  virtual std::string error() const { return {}; }
  virtual int fd() const { return -1; }
};

}  // namespace tls
