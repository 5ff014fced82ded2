// tls-server: a TLS server for the command line, in the manner of `openssl s_server`.
//
//   tls-server -accept 4433 -cert server.chain.pem -key server.key [-cert ec.pem -key ec.key]
//              [-www | -echo] [-min_protocol SSLv3] [-msg] [-state] [-trace] [-naccept n] ...
//
// Serves many clients at once over the non-blocking API; SIGINT / SIGTERM stop it cleanly.
// `tls-server -help` lists the options; docs/tools.md shows sessions.
#include <cstdio>

#include "../common/net.hpp"
#include "server.hpp"

int main(int argc, char **argv) {
  using namespace tls::tools;
  std::string error;
  auto options = parse_server_options(argc, argv, error);
  if (!options) {
    if (!error.empty()) std::fprintf(stderr, "tls-server: %s\n", error.c_str());
    std::fprintf(stderr, kServerUsage, VersionFlags::kUsage);
    return error.empty() ? 0 : 2;
  }
  ServerSetup setup;
  setup.options = std::move(*options);
  if (!make_server_contexts(setup, error)) {
    std::fprintf(stderr, "tls-server: %s\n", error.c_str());
    return 2;
  }
  int port = 0;
  const int fd = tcp_listen(setup.options.host, setup.options.port, port, error);
  if (fd < 0) {
    std::fprintf(stderr, "tls-server: %s\n", error.c_str());
    return 1;
  }
  // Always printed (also with -quiet): scripts started with -accept 0 read the port here.
  std::printf("ACCEPT %s:%d\n", setup.options.host.empty() ? "*" : setup.options.host.c_str(),
              port);
  std::fflush(stdout);
  const int rc = serve(setup, fd);
  std::fflush(stdout);
  return rc;
}
