#include "api/fd_transport.hpp"

#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace tls {
namespace {

class FdTransport final : public Transport {
 public:
  FdTransport(int read_fd, int write_fd) : read_fd_(read_fd), write_fd_(write_fd) {}

  IoResult read(MutableByteView buffer) override {
    for (;;) {
      const ssize_t n = ::read(read_fd_, buffer.data(), buffer.size());
      if (n >= 0) return {IoCode::ok, static_cast<std::size_t>(n)};
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return {IoCode::want_read, 0};
      return fail("read", errno);
    }
  }

  IoResult write(ByteView data) override {
    for (;;) {
      ssize_t n;
      if (is_socket_) {
        n = ::send(write_fd_, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK) {
          is_socket_ = false;
          continue;
        }
      } else {
        n = ::write(write_fd_, data.data(), data.size());
      }
      if (n >= 0) return {IoCode::ok, static_cast<std::size_t>(n)};
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return {IoCode::want_write, 0};
      return fail("write", errno);
    }
  }

  std::string error() const override { return error_; }
  int fd() const override { return read_fd_; }

 private:
  IoResult fail(const char *what, int err) {
    error_ = std::string(what) + " on fd " + std::to_string(what[0] == 'r' ? read_fd_ : write_fd_) +
             ": " + std::strerror(err);
    return {IoCode::syscall, 0};
  }

  int read_fd_;
  int write_fd_;
  bool is_socket_ = true;  // until send() says ENOTSOCK
  std::string error_;
};

}  // namespace

std::unique_ptr<Transport> make_fd_transport(int read_fd, int write_fd) {
  return std::make_unique<FdTransport>(read_fd, write_fd);
}

}  // namespace tls
