// The pieces of a tls-client run: the Context made from the options, one connection (TCP
// connect, handshake, summary), and the relay between stdin/stdout and the connection.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <tls/tls.hpp>

#include "../common/keylog_file.hpp"
#include "../common/observer.hpp"
#include "../common/summary.hpp"
#include "options.hpp"

namespace tls::tools {

// What every connection of one run shares.
struct ClientSetup {
  ClientOptions options;
  Context context = Context::client();
  Observer observer;
  KeylogFile keylog;
  VerifyOverride verify_override;  // -noverify: the first error overridden
};

// Builds setup.context from setup.options; false with `error` set when an option is refused.
bool make_client_context(ClientSetup &setup, std::string &error);

// A TCP connection with a finished handshake.
struct Established {
  int fd = -1;
  std::unique_ptr<Connection> conn;
};

// Connects, runs the handshake (offering `session` when valid) and prints what the options ask
// for: "CONNECTED", the summary, or the failure. nullopt when anything failed (already printed).
std::optional<Established> connect_and_handshake(ClientSetup &setup, const Session &session);

// Copies stdin to the connection and the connection to stdout until either side ends. The
// process exit code: 0 on a clean end, 1 on an error.
int relay(ClientSetup &setup, Established &link);

// Waits on `fd` as an IoResult asks (want_read: readable, want_write: writable).
void wait_as_asked(int fd, const IoResult &r);

}  // namespace tls::tools
