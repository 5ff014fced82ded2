// Session resumption against OpenSSL through the public API: tlspp's client resuming with
// `openssl s_server` (by session id and by ticket), and `openssl s_client -reconnect` resuming
// with tlspp's server (with and without tickets).
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/peer.hpp"

namespace tls::test {
namespace {

constexpr auto kSocketTimeout = 15s;

// One tlspp client connection to `port`, offering `offer` when it is valid.
struct ClientRun {
  bool ok = false;
  bool resumed = false;
  Session session;
  std::string error;
};

ClientRun connect_once(Context &context, std::uint16_t port, const Session &offer) {
  ClientRun run;
  UniqueFd fd = connect_loopback(port);
  if (!fd) {
    run.error = "connect failed";
    return run;
  }
  set_io_timeout(fd.get(), kSocketTimeout);
  Connection conn(context);
  (void)conn.set_fd(fd.get());
  (void)conn.set_hostname("localhost");
  if (offer.valid()) (void)conn.set_session(offer);
  const IoResult hs = conn.connect();
  run.ok = hs.ok();
  run.error = conn.error_text();
  run.resumed = conn.session_resumed();
  run.session = conn.session();
  (void)conn.shutdown();
  return run;
}

void our_client_resumes(const std::vector<std::string> &server_args) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.extra_args = server_args;
  options.extra_args.insert(options.extra_args.end(), {"-naccept", "2"});
  std::string error;
  auto server = Peer::start_server(PeerTool::openssl, options, &error);
  ASSERT_TRUE(server) << error;
  Context context(Role::client);
  ASSERT_TRUE(context.load_verify_file(data_file("root-ca.pem")).ok());
  const ClientRun first = connect_once(context, server->port(), Session());
  ASSERT_TRUE(first.ok) << first.error << "\n" << server->describe();
  EXPECT_FALSE(first.resumed);
  ASSERT_TRUE(first.session.valid());
  const ClientRun second = connect_once(context, server->port(), first.session);
  ASSERT_TRUE(second.ok) << second.error << "\n" << server->describe();
  EXPECT_TRUE(second.resumed) << server->describe();
}

TEST(SessionsInterop, OurClientResumesWithOpenSslByTicket) {
  our_client_resumes({});
}

TEST(SessionsInterop, OurClientResumesWithOpenSslBySessionId) {
  our_client_resumes({"-no_ticket"});
}

void openssl_reconnect_resumes(bool tickets) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  Context context(Role::server);
  ASSERT_TRUE(context
                  .add_certificate_files(data_file("server-rsa2048.chain.pem"),
                                         data_file("server-rsa2048.key"))
                  .ok());
  Listener listener;
  ASSERT_TRUE(listener.valid());
  PeerOptions options;
  options.port = listener.port();
  options.extra_args = {"-reconnect"};
  if (!tickets) options.extra_args.push_back("-no_ticket");
  std::string error;
  auto client = Peer::start_client(PeerTool::openssl, options, &error);
  ASSERT_TRUE(client) << error;
  // s_client -reconnect: the first connection, then five more offering its session.
  for (int i = 0; i < 6; ++i) {
    UniqueFd fd = listener.accept(kSocketTimeout);
    ASSERT_TRUE(fd) << "connection " << i << "\n" << client->describe();
    set_io_timeout(fd.get(), kSocketTimeout);
    Connection conn(context);
    ASSERT_TRUE(conn.set_fd(fd.get()).ok());
    const IoResult hs = conn.accept();
    ASSERT_TRUE(hs.ok()) << "connection " << i << ": " << conn.error_text() << "\n"
                         << client->describe();
    EXPECT_EQ(conn.session_resumed(), i > 0) << "connection " << i;
    (void)conn.shutdown();
  }
  // (-brief hides s_client's own "Reused" lines; an abbreviated handshake completed on our side
  // is the proof that it offered and took the session.)
}

TEST(SessionsInterop, OpenSslReconnectResumesWithOurServerByTicket) {
  openssl_reconnect_resumes(true);
}

TEST(SessionsInterop, OpenSslReconnectResumesWithOurServerBySessionId) {
  openssl_reconnect_resumes(false);
}

}  // namespace
}  // namespace tls::test

#endif
