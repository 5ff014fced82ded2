// A non-blocking TLS echo server: one thread, poll(), many clients, each a tls::Connection on a
// non-blocking socket; want_read / want_write say what poll() waits for.
//   echo_server PORT CHAIN_PEM KEY_PEM [MAX_CLIENTS]
// PORT 0 picks a free port; the server prints "listening on PORT". With MAX_CLIENTS it exits
// after serving that many clients.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include <tls/tls.hpp>

struct Client {
  explicit Client(const tls::Context &ctx) : conn(ctx) {}
  tls::Connection conn;
  std::vector<std::uint8_t> unsent;  // read, not yet echoed
  tls::IoCode waiting = tls::IoCode::want_read;
  bool closing = false;
};

static int listen_on(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr *>(&addr), len) != 0 || listen(fd, 64) != 0) return -1;
  getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
  std::printf("listening on %d\n", ntohs(addr.sin_port));
  std::fflush(stdout);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  return fd;
}

// Runs the client as far as it goes now; false when it is finished (closed or failed). An
// HTTP-style request (ending in an empty line) gets its echo, then close_notify.
static bool serve(Client &c) {
  std::uint8_t buffer[16384];
  for (;;) {
    tls::IoResult r;
    if (!c.conn.handshake_done()) {
      r = c.conn.accept();
    } else if (!c.unsent.empty()) {
      if ((r = c.conn.write(c.unsent))) c.unsent.clear();
    } else if (c.closing) {
      if ((r = c.conn.shutdown())) return false;
    } else if ((r = c.conn.read(buffer))) {
      c.unsent.assign(buffer, buffer + r.bytes);
      c.closing = std::string_view(reinterpret_cast<char *>(buffer), r.bytes).ends_with("\r\n\r\n");
    } else if (r.code == tls::IoCode::zero_return) {
      c.closing = true;
      continue;
    }
    if (r.would_block()) {
      c.waiting = r.code;
      return true;
    }
    if (!r.ok()) {
      std::cerr << "client failed: " << c.conn.error_text() << "\n";
      return false;
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 4) {
    std::cerr << "usage: " << argv[0] << " PORT CHAIN_PEM KEY_PEM [MAX_CLIENTS]\n";
    return 2;
  }
  tls::Context ctx = tls::Context::server();
  if (auto s = ctx.add_certificate_files(argv[2], argv[3]); !s) {
    std::cerr << "certificate: " << s.error().reason << "\n";
    return 1;
  }
  const int listener = listen_on(std::atoi(argv[1]));
  if (listener < 0) return 1;
  const long max_clients = argc > 4 ? std::atol(argv[4]) : -1;
  long served = 0;
  std::map<int, std::unique_ptr<Client>> clients;

  while (max_clients < 0 || served < max_clients || !clients.empty()) {
    std::vector<pollfd> fds{{listener, POLLIN, 0}};
    for (auto &[fd, c] : clients)
      fds.push_back(
          {fd, static_cast<short>(c->waiting == tls::IoCode::want_write ? POLLOUT : POLLIN), 0});
    if (poll(fds.data(), fds.size(), -1) < 0) return 1;
    if (fds[0].revents & POLLIN) {
      const int fd = accept(listener, nullptr, nullptr);
      if (fd >= 0) {
        fcntl(fd, F_SETFL, O_NONBLOCK);
        auto c = std::make_unique<Client>(ctx);
        (void)c->conn.set_fd(fd);
        clients.emplace(fd, std::move(c));
        ++served;
      }
    }
    for (std::size_t i = 1; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      if (!serve(*clients[fds[i].fd])) {
        clients.erase(fds[i].fd);
        close(fds[i].fd);
      }
    }
  }
  return close(listener);
}
