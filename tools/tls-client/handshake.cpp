// One connection: TCP connect, the handshake over the non-blocking socket, then what the
// options ask to print about it.
#include <cstdio>

#include "../common/net.hpp"
#include "client.hpp"

namespace tls::tools {

void wait_as_asked(int fd, const IoResult &r) {
  wait_for(fd, r.code == IoCode::want_write ? POLLOUT : POLLIN);
}

std::optional<Established> connect_and_handshake(ClientSetup &setup, const Session &session) {
  const ClientOptions &o = setup.options;
  std::string error;
  const int fd = tcp_connect(o.host, o.port, error);
  if (fd < 0) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return std::nullopt;
  }
  if (!o.quiet) std::printf("CONNECTED(%08X)\n", static_cast<unsigned>(fd));
  std::fflush(stdout);
  set_nonblocking(fd);

  Established link;
  link.fd = fd;
  link.conn = std::make_unique<Connection>(setup.context);
  Connection &conn = *link.conn;
  (void)conn.set_fd(fd);
  const std::string name = o.verify_hostname ? *o.verify_hostname
                           : o.servername    ? *o.servername
                           : o.no_servername ? std::string()
                                             : o.host;
  if (!name.empty()) (void)conn.set_hostname(name);
  if (session.valid()) {
    if (auto s = conn.set_session(session); !s)
      std::fprintf(stderr, "cannot offer the session: %s\n", s.error().reason.c_str());
  }

  std::string last_state;
  setup.observer.current = &conn;
  setup.observer.last_state = &last_state;
  setup.verify_override.error.reset();
  for (;;) {
    const IoResult r = conn.connect();
    if (r.ok()) break;
    if (r.would_block()) {
      wait_as_asked(fd, r);
      continue;
    }
    std::fputs(failure_text(conn, last_state).c_str(), stderr);
    std::fflush(stderr);
    setup.observer.current = nullptr;
    setup.observer.last_state = nullptr;
    close(fd);
    return std::nullopt;
  }
  setup.observer.last_state = nullptr;
  if (!o.quiet) {
    std::fputs(session_summary(conn, setup.verify_override, o.show_certs).c_str(), stdout);
    std::fflush(stdout);
  }
  return link;
}

}  // namespace tls::tools
