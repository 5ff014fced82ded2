// The server loop: one thread, poll() over the listening socket, stdin, a signal pipe and every
// client's non-blocking socket. Each client moves through handshake → data → closing
// (close_notify) → draining (until the client hangs up, so that closing the socket does not
// reset data it has yet to read); a call that would block leaves the client waiting on what
// the call asked for.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "../common/net.hpp"
#include "../common/summary.hpp"
#include "server.hpp"

namespace tls::tools {
namespace {

using Clock = std::chrono::steady_clock;

int g_signal_pipe[2] = {-1, -1};

void on_signal(int) {
  const char byte = 1;
  (void)!::write(g_signal_pipe[1], &byte, 1);
}

std::string prefixed(const std::string &text, const std::string &prefix) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    out += prefix;
    out.append(text, start, stop - start);
    start = stop;
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

struct Client {
  enum class Phase { handshake, data, closing, draining };
  int id = 0;
  int fd = -1;
  std::string peer;
  std::unique_ptr<Connection> conn;
  std::string last_state;
  Phase phase = Phase::handshake;
  short events = POLLIN;
  std::string request;            // -www: the request so far
  std::string inflight;           // being written (a retry passes exactly these bytes)
  std::string queued;             // to write after it
  bool close_after_send = false;  // -www: close once the page left
  Clock::time_point drain_deadline;
};

class Server {
 public:
  Server(ServerSetup &setup, int listen_fd)
      : setup_(setup), o_(setup.options), listen_(listen_fd) {}

  int run() {
    bool stdin_open = !o_.www && !o_.echo;
    std::vector<pollfd> fds;
    for (;;) {
      if (listen_ < 0 && clients_.empty()) {
        if (!o_.quiet) say("", "served " + std::to_string(accepted_) + " connections, exiting");
        return 0;
      }
      fds.clear();
      fds.push_back({g_signal_pipe[0], POLLIN, 0});
      fds.push_back({listen_, static_cast<short>(listen_ >= 0 ? POLLIN : 0), 0});
      fds.push_back({stdin_open ? 0 : -1, POLLIN, 0});
      for (const auto &c : clients_)
        fds.push_back({c->fd, c->events, 0});
      const int rc = poll(fds.data(), fds.size(), 200);
      if (rc < 0 && errno != EINTR) {
        std::perror("poll");
        return 1;
      }
      if ((fds[0].revents & POLLIN) != 0) {
        stop_all();
        return 0;
      }
      if (listen_ >= 0 && (fds[1].revents & POLLIN) != 0) accept_clients();
      if (stdin_open && (fds[2].revents & (POLLIN | POLLHUP)) != 0) stdin_open = from_stdin();
      // Clients that are ready (by index into fds; clients accepted just now were driven on
      // accept and are not in fds).
      const std::size_t polled = fds.size() - 3;
      const auto now = Clock::now();
      for (std::size_t i = 0; i < polled && i < clients_.size(); ++i) {
        Client &c = *clients_[i];
        const bool ready = fds[i + 3].revents != 0;
        const bool expired = c.phase == Client::Phase::draining && now >= c.drain_deadline;
        if ((ready || expired) && !drive(c)) finish(c);
      }
      std::erase_if(clients_, [](const std::unique_ptr<Client> &c) { return c->fd < 0; });
    }
  }

 private:
  void say(const std::string &prefix, const std::string &line) {
    std::printf("%s%s\n", prefix.c_str(), line.c_str());
    std::fflush(stdout);
  }

  void accept_clients() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd =
          accept4(listen_, reinterpret_cast<sockaddr *>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN: all taken; other errors: try again on the next poll
      auto c = std::make_unique<Client>();
      c->id = ++accepted_;
      c->fd = fd;
      c->peer = address_text(addr);
      c->conn = std::make_unique<Connection>(setup_.context);
      (void)c->conn->set_fd(fd);
      if (!o_.quiet) say(tag(*c), "connection from " + c->peer);
      clients_.push_back(std::move(c));
      Client &client = *clients_.back();
      if (!drive(client)) finish(client);
      if (o_.naccept > 0 && accepted_ >= o_.naccept) {
        close(listen_);
        listen_ = -1;
        return;
      }
    }
  }

  static std::string tag(const Client &c) { return "[" + std::to_string(c.id) + "] "; }

  // Runs whatever the client's phase allows now. False when the client is done with.
  bool drive(Client &c) {
    Observer &obs = setup_.observer;
    obs.current = c.conn.get();
    obs.last_state = &c.last_state;
    obs.prefix = tag(c);
    const bool keep = drive_phases(c);
    obs.current = nullptr;
    obs.last_state = nullptr;
    obs.prefix.clear();
    return keep;
  }

  bool drive_phases(Client &c) {
    Connection &conn = *c.conn;
    if (c.phase == Client::Phase::handshake) {
      const IoResult r = conn.accept();
      if (r.would_block()) {
        c.events = r.code == IoCode::want_write ? POLLOUT : POLLIN;
        return true;
      }
      if (!r.ok()) {
        std::fputs(prefixed(failure_text(conn, c.last_state), tag(c)).c_str(), stdout);
        std::fflush(stdout);
        // The alert is on its way; closing now, with the client's flight unread, would reset
        // the connection and the client could lose the alert. Drain first.
        return start_draining(c);
      }
      c.phase = Client::Phase::data;
      if (!o_.quiet) {
        std::fputs(prefixed(session_summary(conn), tag(c)).c_str(), stdout);
        std::fflush(stdout);
      }
    }
    if (c.phase == Client::Phase::data) {
      c.events = POLLIN;
      std::uint8_t buffer[16384];
      for (;;) {
        const IoResult r = conn.read(buffer);
        if (r.ok()) {
          on_data(c, std::string(reinterpret_cast<const char *>(buffer), r.bytes));
          continue;
        }
        if (r.code == IoCode::want_read) break;
        if (r.code == IoCode::want_write) {
          c.events = POLLOUT;
          break;
        }
        if (r.code == IoCode::zero_return) {
          if (!o_.quiet) say(tag(c), "the client sent close_notify");
          c.queued.clear();
          c.inflight.clear();
          c.phase = Client::Phase::closing;
          break;
        }
        say(tag(c), "read failed: " + conn.error_text());
        return false;
      }
      if (c.phase == Client::Phase::data) {
        if (!flush(c)) return false;
        if (c.close_after_send && c.inflight.empty() && c.queued.empty())
          c.phase = Client::Phase::closing;
      }
    }
    if (c.phase == Client::Phase::closing) {
      const IoResult r = conn.shutdown();
      if (r.code == IoCode::want_write) {
        c.events = POLLOUT;
        return true;
      }
      if (!r.ok() && r.code != IoCode::want_read) return false;
      return start_draining(c);
    }
    if (c.phase == Client::Phase::draining) {
      char sink[4096];
      for (;;) {
        const ssize_t n = ::read(c.fd, sink, sizeof sink);
        if (n > 0) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
          return Clock::now() < c.drain_deadline;
        if (n < 0 && errno == EINTR) continue;
        return false;  // the client hung up (or the socket failed): done
      }
    }
    return true;
  }

  // Half-closes the socket and reads (and drops) what the client still sends until it hangs
  // up or 2 s pass.
  static bool start_draining(Client &c) {
    ::shutdown(c.fd, SHUT_WR);
    c.phase = Client::Phase::draining;
    c.events = POLLIN;
    c.drain_deadline = Clock::now() + std::chrono::seconds(2);
    return true;
  }

  void on_data(Client &c, const std::string &data) {
    if (o_.www) {
      if (c.close_after_send) return;  // the page is on its way; ignore the rest
      c.request += data;
      const bool complete = c.request.find("\r\n\r\n") != std::string::npos ||
                            c.request.find("\n\n") != std::string::npos || c.request.size() > 65536;
      if (complete) {
        c.queued += www_response(*c.conn, setup_.context, c.peer, c.request);
        c.close_after_send = true;
      }
    } else if (o_.echo) {
      c.queued += data;
    } else {
      std::fwrite(data.data(), 1, data.size(), stdout);
      std::fflush(stdout);
    }
  }

  // Writes what is waiting. False when the connection failed.
  bool flush(Client &c) {
    for (;;) {
      if (c.inflight.empty()) {
        if (c.queued.empty()) return true;
        c.inflight.swap(c.queued);
      }
      const IoResult r = c.conn->write(
          {reinterpret_cast<const std::uint8_t *>(c.inflight.data()), c.inflight.size()});
      if (r.ok()) {
        c.inflight.clear();
        continue;
      }
      if (r.would_block()) {
        c.events = r.code == IoCode::want_write ? static_cast<short>(POLLIN | POLLOUT) : POLLIN;
        return true;
      }
      say(tag(c), "write failed: " + c.conn->error_text());
      return false;
    }
  }

  // stdin goes to every client past its handshake. False at the end of stdin.
  bool from_stdin() {
    char buffer[16384];
    const ssize_t n = ::read(0, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) return false;
    for (auto &c : clients_) {
      if (c->fd < 0 || c->phase != Client::Phase::data) continue;
      c->queued.append(buffer, static_cast<std::size_t>(n));
      if (!drive(*c)) finish(*c);
    }
    return true;
  }

  void finish(Client &c) {
    if (c.fd < 0) return;
    close(c.fd);
    c.fd = -1;
  }

  // SIGINT / SIGTERM: close_notify to every client that finished its handshake, then close.
  void stop_all() {
    if (!o_.quiet)
      say("", "tls-server: signal received, closing " + std::to_string(clients_.size()) +
                  " connections");
    for (auto &c : clients_) {
      if (c->fd < 0) continue;
      if (c->phase == Client::Phase::data || c->phase == Client::Phase::closing) {
        setup_.observer.current = c->conn.get();
        (void)c->conn->shutdown();
        setup_.observer.current = nullptr;
      }
      finish(*c);
    }
    clients_.clear();
    if (listen_ >= 0) close(listen_);
    listen_ = -1;
  }

  ServerSetup &setup_;
  const ServerOptions &o_;
  int listen_;
  int accepted_ = 0;
  std::vector<std::unique_ptr<Client>> clients_;
};

}  // namespace

int serve(ServerSetup &setup, int listen_fd) {
  if (pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    std::perror("pipe");
    return 1;
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
  set_nonblocking(listen_fd);
  Server server(setup, listen_fd);
  const int rc = server.run();
  close(g_signal_pipe[0]);
  close(g_signal_pipe[1]);
  return rc;
}

}  // namespace tls::tools
