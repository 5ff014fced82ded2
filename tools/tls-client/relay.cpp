// stdin → connection, connection → stdout, with poll() on both. The end of stdin sends
// close_notify and stops (unless -ign_eof / -quiet: then the connection is read to its end);
// the peer's close_notify or a dropped connection ends it too.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "client.hpp"

namespace tls::tools {
namespace {

bool write_stdout(std::span<const std::uint8_t> data) {
  while (!data.empty()) {
    const ssize_t n = ::write(1, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data = data.subspan(static_cast<std::size_t>(n));
  }
  return true;
}

// Sends all of `data`, waiting on the socket when it is full.
IoResult send_all(Connection &conn, int fd, std::span<const std::uint8_t> data) {
  for (;;) {
    const IoResult r = conn.write(data);
    if (!r.would_block()) return r;
    wait_as_asked(fd, r);
  }
}

// Sends close_notify (waiting for the socket as needed).
void close_notify(Connection &conn, int fd) {
  for (int i = 0; i < 100; ++i) {
    const IoResult r = conn.shutdown();
    if (!r.would_block()) return;
    if (r.code == IoCode::want_read) return;  // sent; we do not wait for the peer's
    wait_as_asked(fd, r);
  }
}

}  // namespace

int relay(ClientSetup &setup, Established &link) {
  Connection &conn = *link.conn;
  const int fd = link.fd;
  const bool quiet = setup.options.quiet;
  bool stdin_open = true;
  std::uint8_t buffer[16384];
  for (;;) {
    // Everything the connection has for us, first.
    for (;;) {
      const IoResult r = conn.read(buffer);
      if (r.ok()) {
        if (!write_stdout({buffer, r.bytes})) return 1;
        continue;
      }
      if (r.code == IoCode::want_read) break;
      if (r.code == IoCode::want_write) {
        wait_as_asked(fd, r);
        continue;
      }
      if (r.code == IoCode::zero_return) {
        if (!quiet) std::fprintf(stderr, "closed: the server sent close_notify\n");
        close_notify(conn, fd);
        return 0;
      }
      std::fprintf(stderr, "read failed: %s\n", conn.error_text().c_str());
      return 1;
    }

    pollfd fds[2] = {{fd, POLLIN, 0}, {0, static_cast<short>(stdin_open ? POLLIN : 0), 0}};
    const int rc = poll(fds, stdin_open ? 2 : 1, -1);
    if (rc < 0) {
      if (errno == EINTR) continue;
      std::perror("poll");
      return 1;
    }
    if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t n = ::read(0, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        stdin_open = false;
        if (!setup.options.ign_eof) {
          close_notify(conn, fd);
          if (!quiet) std::fprintf(stderr, "DONE\n");
          return 0;
        }
        continue;
      }
      const IoResult w = send_all(conn, fd, {buffer, static_cast<std::size_t>(n)});
      if (!w.ok()) {
        std::fprintf(stderr, "write failed: %s\n", conn.error_text().c_str());
        return 1;
      }
    }
  }
}

}  // namespace tls::tools
