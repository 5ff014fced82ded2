// Loopback sockets for tests that talk to real peers: a free port, "is someone listening there",
// a client connection and a listening socket, all on 127.0.0.1, all closed on scope exit.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tls::test {

// A file descriptor closed when it goes out of scope.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd &&other) noexcept : fd_(other.release()) {}
  UniqueFd &operator=(UniqueFd &&other) noexcept;
  UniqueFd(const UniqueFd &) = delete;
  UniqueFd &operator=(const UniqueFd &) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release();
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// A TCP port on 127.0.0.1 that nobody listens on now (the kernel's choice of an ephemeral port;
// a peer started right after gets it unless another process races for it).
std::uint16_t free_port();

// Whether a socket listens on `port` (any address, IPv4 or IPv6), read from /proc/net/tcp{,6}
// so that the check does not open a connection the peer would count as a client.
bool port_listening(std::uint16_t port);

// A blocking TCP connection to 127.0.0.1:port; invalid on failure (errno says why).
UniqueFd connect_loopback(std::uint16_t port);

// Send and receive timeouts on a blocking socket, so that a silent peer fails the test instead of
// hanging it.
void set_io_timeout(int fd, std::chrono::milliseconds timeout);

// A listening socket on 127.0.0.1 with a kernel-chosen port, for tlspp servers under test.
class Listener {
 public:
  Listener();  // check valid()
  bool valid() const { return static_cast<bool>(fd_); }
  std::uint16_t port() const { return port_; }
  // The next connection, or invalid after `timeout` with nobody connecting.
  UniqueFd accept(std::chrono::milliseconds timeout);

 private:
  UniqueFd fd_;
  std::uint16_t port_ = 0;
};

}  // namespace tls::test
