// The pieces of a tls-server run: the Contexts made from the options (one for -cert, one for
// -servername's -cert2), the -www page, and the poll loop that serves many clients at once.
#pragma once

#include <optional>
#include <string>

#include <tls/tls.hpp>

#include "../common/keylog_file.hpp"
#include "../common/observer.hpp"
#include "options.hpp"

namespace tls::tools {

struct ServerSetup {
  ServerOptions options;
  Context context = Context::server();
  std::optional<Context> sni_context;  // -servername / -cert2 / -key2
  Observer observer;
  KeylogFile keylog;
};

// Builds the contexts from setup.options; false with `error` set when an option is refused.
bool make_server_contexts(ServerSetup &setup, std::string &error);

// The -www answer: an HTTP/1.0 response whose HTML page describes the connection — version,
// suite, the suites and extensions the client offered, the session, the client's chain.
std::string www_response(const Connection &conn, const Context &context, const std::string &peer,
                         const std::string &request);

// Serves on `listen_fd` until -naccept connections are done or SIGINT / SIGTERM. The process
// exit code.
int serve(ServerSetup &setup, int listen_fd);

}  // namespace tls::tools
