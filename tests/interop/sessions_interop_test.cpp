// Sessions and renegotiation against OpenSSL through the public API: tlspp's client resuming
// with `openssl s_server` (by session id and by ticket), `openssl s_client -reconnect` resuming
// with tlspp's server (with and without tickets), and s_client's `R` renegotiation against
// tlspp's server (refused by default, completed when allowed).
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <string>
#include <thread>
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

// ---- Renegotiation ---------------------------------------------------------------------------

std::string read_until(Connection &conn, std::string_view needle) {
  std::string got;
  std::uint8_t buf[4096];
  while (got.find(needle) == std::string::npos) {
    const IoResult r = conn.read(buf);
    if (!r.ok()) break;
    got.append(reinterpret_cast<const char *>(buf), r.bytes);
  }
  return got;
}

// openssl s_client's `R` command against tlspp's server; returns our server's handshake count
// after the client's next line arrived (or did not).
void openssl_client_renegotiates(bool allowed) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  Context context(Role::server);
  context.set_allow_client_renegotiation(allowed);
  std::string states;
  context.set_state_callback(
      [&states](bool, HandshakeState, const char *name) { states += std::string(name) + " "; });
  ASSERT_TRUE(context
                  .add_certificate_files(data_file("server-rsa2048.chain.pem"),
                                         data_file("server-rsa2048.key"))
                  .ok());
  Listener listener;
  ASSERT_TRUE(listener.valid());
  PeerOptions options;
  options.port = listener.port();
  std::string error;
  auto client = Peer::start_client(PeerTool::openssl, options, &error);
  ASSERT_TRUE(client) << error;
  UniqueFd fd = listener.accept(kSocketTimeout);
  ASSERT_TRUE(fd) << client->describe();
  set_io_timeout(fd.get(), kSocketTimeout);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.accept().ok()) << conn.error_text();
  ASSERT_TRUE(client->wait_handshake()) << client->describe();
  ASSERT_TRUE(client->send("before\n"));
  EXPECT_NE(read_until(conn, "before").find("before"), std::string::npos);
  ASSERT_TRUE(client->send("R\n"));
  std::this_thread::sleep_for(300ms);  // s_client takes "R" as a command only when read alone
  ASSERT_TRUE(client->send("after\n"));
  const std::string got = read_until(conn, "after");
  if (allowed) {
    EXPECT_NE(got.find("after"), std::string::npos) << states << "\n"
                                                    << conn.error_text() << client->describe();
    EXPECT_EQ(conn.handshake_count(), 2u);
  } else {
    EXPECT_EQ(conn.handshake_count(), 1u);
    // Refused with a no_renegotiation warning, which s_client reports before it gives up.
    EXPECT_TRUE(client->process().wait_for("no renegotiation", 10s, Stream::err))
        << client->describe();
  }
}

TEST(SessionsInterop, OpenSslClientRenegotiationRefusedByDefault) {
  openssl_client_renegotiates(false);
}

TEST(SessionsInterop, OpenSslClientRenegotiationWhenAllowed) {
  openssl_client_renegotiates(true);
}

}  // namespace
}  // namespace tls::test

#endif
