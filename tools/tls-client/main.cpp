// tls-client: a TLS client for the command line, in the manner of `openssl s_client`.
//
//   tls-client -connect host:port [-CAfile ca.pem] [-servername name] [-alpn h2,http/1.1]
//              [-tls1_2 | -min_protocol TLSv1 ...] [-msg] [-state] [-trace] [-keylogfile f] ...
//
// Prints what the handshake settled (or, when it fails, the state, the alert and why), then
// copies stdin to the connection and the connection to stdout. `tls-client -help` lists the
// options; docs/tools.md shows sessions.
#include <unistd.h>

#include <cstdio>

#include "client.hpp"
#include "session_file.hpp"

int main(int argc, char **argv) {
  using namespace tls::tools;
  std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
  std::string error;
  auto options = parse_client_options(argc, argv, error);
  if (!options) {
    if (!error.empty()) std::fprintf(stderr, "tls-client: %s\n", error.c_str());
    std::fprintf(stderr, kClientUsage, VersionFlags::kUsage);
    return error.empty() ? 0 : 2;
  }
  ClientSetup setup;
  setup.options = std::move(*options);
  const ClientOptions &o = setup.options;
  if (!make_client_context(setup, error)) {
    std::fprintf(stderr, "tls-client: %s\n", error.c_str());
    return 2;
  }

  tls::Session offered;
  if (!o.sess_in.empty()) {
    auto loaded = load_session(o.sess_in);
    if (!loaded) {
      std::fprintf(stderr, "tls-client: %s\n", loaded.error().reason.c_str());
      return 2;
    }
    offered = *loaded;
  }

  auto link = connect_and_handshake(setup, offered);
  if (!link) return 1;
  if (!o.sess_out.empty()) {
    if (auto s = save_session(link->conn->session(), o.sess_out); !s)
      std::fprintf(stderr, "tls-client: %s\n", s.error().reason.c_str());
  }

  // -reconnect: five more connections offering the first one's session, as s_client does.
  if (o.reconnect) {
    const tls::Session first = link->conn->session();
    for (int i = 0; i < 5; ++i) {
      (void)link->conn->shutdown();
      close(link->fd);
      if (!o.quiet) std::printf("drop connection and then reconnect\n");
      link = connect_and_handshake(setup, first);
      if (!link) return 1;
      if (o.quiet) std::fprintf(stderr, "%s\n", link->conn->session_resumed() ? "Reused" : "New");
    }
  }
  std::fflush(stdout);

  const int rc = relay(setup, *link);
  setup.observer.current = nullptr;
  close(link->fd);
  std::fflush(stdout);
  return rc;
}
