// A file descriptor as a transport: blocking or non-blocking (O_NONBLOCK: EAGAIN becomes
// want_read / want_write), sockets written with MSG_NOSIGNAL so that a vanished peer is an
// error and not a SIGPIPE.
#pragma once

#include <memory>

#include "api/transport.hpp"

namespace tls {

std::unique_ptr<Transport> make_fd_transport(int read_fd, int write_fd);

}  // namespace tls
