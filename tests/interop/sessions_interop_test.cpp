// Sessions and renegotiation against OpenSSL through the public API: tlspp's client resuming
// with `openssl s_server` (by session id and by ticket), `openssl s_client -reconnect` resuming
// with tlspp's server (with and without tickets), and s_client's `R` renegotiation against
// tlspp's server (refused by default, completed when allowed); and peers from before RFC 5746
// (GnuTLS with %DISABLE_SAFE_RENEGOTIATION), with which tlspp never renegotiates.
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/our_end.hpp"
#include "support/peer.hpp"

namespace tls::test {
namespace {

// One tlspp client connection to `port`, offering `offer` when it is valid.
struct ClientRun {
  bool ok = false;
  bool resumed = false;
  Session session;
  std::string error;
};

ClientRun connect_once(Context &context, std::uint16_t port, const Session &offer) {
  ClientRun run;
  UniqueFd fd = dial(port);
  if (!fd) {
    run.error = "connect failed";
    return run;
  }
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
  Context context = verifying_client_context();
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
  Context context = rsa_server_context();
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
    UniqueFd fd = accept_one(listener);
    ASSERT_TRUE(fd) << "connection " << i << "\n" << client->describe();
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
  PeerOptions options;
  std::unique_ptr<Peer> client;
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::openssl, options, client, error);
  ASSERT_TRUE(fd) << error;
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

// openssl s_server's `r` command (a HelloRequest) against tlspp's client: the client follows it,
// data flows both ways across it, and the connection counts two handshakes. With `R`, s_server
// also asks for a client certificate in the new handshake, which our client then sends.
void openssl_server_renegotiates(const std::string &command, bool with_certificate) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.brief = false;  // s_server reads commands from stdin only without -brief
  // No -verify: the first handshake asks for no certificate; `R` asks in the second one.
  if (with_certificate) options.extra_args = {"-CAfile", data_file("root-ca.pem")};
  std::string error;
  auto server = Peer::start_server(PeerTool::openssl, options, &error);
  ASSERT_TRUE(server) << error;
  Context context = verifying_client_context();
  if (with_certificate) {
    ASSERT_TRUE(context
                    .add_certificate_files(data_file("client-rsa2048.chain.pem"),
                                           data_file("client-rsa2048.key"))
                    .ok());
  }
  std::string states;
  context.set_state_callback(
      [&states](bool, HandshakeState, const char *name) { states += std::string(name) + " "; });
  int certificate_requests = 0, certificates_sent = 0;
  context.set_message_callback([&](bool sent, int type, std::span<const std::uint8_t> bytes) {
    if (type != 22 || bytes.empty()) return;
    if (!sent && bytes[0] == 13) ++certificate_requests;                  // CertificateRequest
    if (sent && bytes[0] == 11 && bytes.size() > 7) ++certificates_sent;  // a non-empty list
  });
  UniqueFd fd = dial(server->port());
  ASSERT_TRUE(fd);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  ASSERT_TRUE(conn.connect().ok()) << conn.error_text() << "\n" << server->describe();
  ASSERT_TRUE(server->wait_handshake()) << server->describe();
  EXPECT_EQ(conn.handshake_count(), 1u);
  EXPECT_EQ(certificate_requests, 0);

  ASSERT_TRUE(server->send("before\n"));
  EXPECT_NE(read_until(conn, "before").find("before"), std::string::npos) << conn.error_text();
  ASSERT_TRUE(server->send(command + "\n"));
  // s_server takes "r" as a command only when read alone (and reports it through a buffered
  // printf, so there is nothing to wait for).
  std::this_thread::sleep_for(300ms);
  ASSERT_TRUE(server->send("after\n"));
  // Our read() meets the HelloRequest, runs the new handshake, then hands out "after".
  const std::string got = read_until(conn, "after");
  EXPECT_NE(got.find("after"), std::string::npos) << states << "\n"
                                                  << conn.error_text() << server->describe();
  EXPECT_EQ(conn.handshake_count(), 2u) << states;
  EXPECT_TRUE(conn.secure_renegotiation());
  // A client certificate requested (and sent) only in the second handshake.
  EXPECT_EQ(certificate_requests, with_certificate ? 1 : 0);
  EXPECT_EQ(certificates_sent, with_certificate ? 1 : 0);

  const std::string line = "from the tlspp client after renegotiating\n";
  ASSERT_TRUE(write_text(conn, line)) << conn.error_text();
  EXPECT_TRUE(server->wait_received("from the tlspp client after renegotiating"))
      << server->describe();
  (void)conn.shutdown();
  // s_server verified the certificate of the second handshake ("depth=0 ... verify return:1").
  if (with_certificate) {
    EXPECT_TRUE(
        server->process().wait_for("depth=0 C = US, O = tlspp test, CN = tlspp test client", 5s))
        << server->describe();
  }
}

TEST(SessionsInterop, OurClientFollowsOpenSslServerRenegotiation) {
  openssl_server_renegotiates("r", false);
}

TEST(SessionsInterop, OurClientSendsCertificateWhenOpenSslRenegotiatesForOne) {
  openssl_server_renegotiates("R", true);
}

// ---- Peers without RFC 5746 ----------------------------------------------------------------

// gnutls-serv that sends no renegotiation_info: our client connects (by default), knows the
// server lacks secure renegotiation, and refuses to renegotiate with it; the connection goes on.
TEST(SessionsInterop, OurClientNeverRenegotiatesWithALegacyGnuTlsServer) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.legacy_renegotiation = true;
  std::string error;
  auto server = Peer::start_server(PeerTool::gnutls, options, &error);
  ASSERT_TRUE(server) << error;
  Context context = verifying_client_context();
  UniqueFd fd = dial(server->port());
  ASSERT_TRUE(fd);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  ASSERT_TRUE(conn.connect().ok()) << conn.error_text() << "\n" << server->describe();
  EXPECT_FALSE(conn.secure_renegotiation());
  EXPECT_FALSE(conn.renegotiate().ok());
  EXPECT_NE(conn.error_text().find("secure renegotiation"), std::string::npos) << conn.error_text();
  EXPECT_EQ(conn.handshake_count(), 1u);
  // gnutls-serv --echo sends the line back: the connection is still good.
  ASSERT_TRUE(write_text(conn, "still talking\n")) << conn.error_text();
  EXPECT_NE(read_until(conn, "still talking").find("still talking"), std::string::npos)
      << conn.error_text() << server->describe();
  (void)conn.shutdown();
}

// The same server, refused outright by a client that wants secure renegotiation from everyone.
TEST(SessionsInterop, OurClientCanRefuseALegacyGnuTlsServer) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.legacy_renegotiation = true;
  std::string error;
  auto server = Peer::start_server(PeerTool::gnutls, options, &error);
  ASSERT_TRUE(server) << error;
  Context context = verifying_client_context();
  context.set_allow_legacy_renegotiation_peer(false);
  UniqueFd fd = dial(server->port());
  ASSERT_TRUE(fd);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  EXPECT_FALSE(conn.connect().ok());
  EXPECT_NE(conn.error_text().find("RFC 5746"), std::string::npos) << conn.error_text();
}

// gnutls-cli without RFC 5746 against our server: served, but never asked to renegotiate.
TEST(SessionsInterop, OurServerNeverRenegotiatesWithALegacyGnuTlsClient) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  Context context = rsa_server_context();
  PeerOptions options;
  options.legacy_renegotiation = true;
  std::unique_ptr<Peer> client;
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::gnutls, options, client, error);
  ASSERT_TRUE(fd) << error;
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.accept().ok()) << conn.error_text();
  ASSERT_TRUE(client->wait_handshake()) << client->describe();
  EXPECT_FALSE(conn.secure_renegotiation());
  EXPECT_FALSE(conn.renegotiate().ok());
  EXPECT_NE(conn.error_text().find("secure renegotiation"), std::string::npos) << conn.error_text();
  ASSERT_TRUE(client->send("after\n"));
  EXPECT_NE(read_until(conn, "after").find("after"), std::string::npos)
      << conn.error_text() << client->describe();
  EXPECT_EQ(conn.handshake_count(), 1u);
}

}  // namespace
}  // namespace tls::test

#endif
