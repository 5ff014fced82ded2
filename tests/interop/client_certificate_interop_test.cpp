// Client certificates against OpenSSL through the public API, both ways: tlspp's client sends
// its certificate to `openssl s_server -Verify`, `openssl s_client -cert -key` sends one to
// tlspp's server in require mode, and a server that requires a certificate and gets none fails
// the handshake with handshake_failure on both sides.
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <string>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/our_end.hpp"
#include "support/peer.hpp"

namespace tls::test {
namespace {

constexpr const char *kClientSubject = "C = US, O = tlspp test, CN = tlspp test client";

Context our_server(VerifyMode mode) {
  Context context(Role::server);
  EXPECT_TRUE(context
                  .add_certificate_files(data_file("server-rsa2048.chain.pem"),
                                         data_file("server-rsa2048.key"))
                  .ok());
  EXPECT_TRUE(context.load_verify_file(data_file("root-ca.pem")).ok());
  context.set_verify(mode);
  return context;
}

// tlspp's client, with the client certificate `name` (tests/data/<name>.chain.pem / .key) or
// none, against s_server -Verify (a client certificate required, verified against the root).
void our_client_against_openssl_verify(const std::string &name) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.require_client_cert = true;
  std::string error;
  auto server = Peer::start_server(PeerTool::openssl, options, &error);
  ASSERT_TRUE(server) << error;

  Context context = verifying_client_context();
  if (!name.empty()) {
    ASSERT_TRUE(
        context.add_certificate_files(data_file(name + ".chain.pem"), data_file(name + ".key"))
            .ok());
  }
  UniqueFd fd = dial(server->port());
  ASSERT_TRUE(fd);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  const IoResult hs = conn.connect();

  if (name.empty()) {
    // OpenSSL refuses a TLS 1.2 client without a certificate with handshake_failure.
    EXPECT_FALSE(hs.ok());
    EXPECT_NE(conn.error_text().find("handshake_failure"), std::string::npos) << conn.error_text();
    ASSERT_TRUE(conn.last_alert());
    EXPECT_FALSE(conn.last_alert()->sent);
    EXPECT_EQ(conn.last_alert()->description, AlertDescription::handshake_failure);
    EXPECT_TRUE(server->process().wait_for("peer did not return a certificate", 10s))
        << server->describe();
    return;
  }
  ASSERT_TRUE(hs.ok()) << conn.error_text() << "\n" << server->describe();
  ASSERT_TRUE(server->wait_handshake()) << server->describe();
  // s_server -brief names the client certificate it verified.
  EXPECT_TRUE(server->process().wait_for(std::string("Peer certificate: ") + kClientSubject, 5s,
                                         Stream::err))
      << server->describe();
  EXPECT_TRUE(server->process().wait_for("Verification: OK", 5s, Stream::err))
      << server->describe();
  const std::string line = "from the tlspp client\n";
  ASSERT_TRUE(write_text(conn, line));
  EXPECT_TRUE(server->wait_received("from the tlspp client")) << server->describe();
  (void)conn.shutdown();
}

TEST(ClientCertificateInterop, OurClientSendsRsaCertificateToOpenSsl) {
  our_client_against_openssl_verify("client-rsa2048");
}

TEST(ClientCertificateInterop, OurClientSendsEcdsaCertificateToOpenSsl) {
  our_client_against_openssl_verify("client-p256");
}

TEST(ClientCertificateInterop, OpenSslRequiresOneOurClientHasNone) {
  our_client_against_openssl_verify("");
}

// s_client with or without `-cert client-rsa2048 -key ...` against tlspp's server in require
// mode.
void openssl_client_against_our_require(bool with_certificate) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  Context context = our_server(VerifyMode::require_peer_cert);
  PeerOptions options;
  if (with_certificate) {
    options.cert_chain = data_file("client-rsa2048.chain.pem");
    options.key = data_file("client-rsa2048.key");
  }
  std::unique_ptr<Peer> client;
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::openssl, options, client, error);
  ASSERT_TRUE(fd) << error;
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  const IoResult hs = conn.accept();

  if (!with_certificate) {
    EXPECT_FALSE(hs.ok());
    EXPECT_NE(conn.error_text().find("the client sent no certificate and one is required"),
              std::string::npos)
        << conn.error_text();
    ASSERT_TRUE(conn.last_alert());
    EXPECT_TRUE(conn.last_alert()->sent);
    EXPECT_EQ(conn.last_alert()->description, AlertDescription::handshake_failure);
    // OpenSSL names the alert it received: "sslv3 alert handshake failure ... alert number 40".
    EXPECT_TRUE(client->process().wait_for("alert handshake failure", 10s)) << client->describe();
    return;
  }
  ASSERT_TRUE(hs.ok()) << conn.error_text() << "\n" << client->describe();
  const std::vector<Certificate> chain = conn.peer_certificates();
  ASSERT_EQ(chain.size(), 2u);  // the leaf and the intermediate, as s_client sent them
  EXPECT_EQ(chain[0].subject(), kClientSubject);
  EXPECT_EQ(chain[1].subject(), "C = US, O = tlspp test, CN = tlspp Test Intermediate CA");
  EXPECT_EQ(conn.verify_result(), 0) << conn.verify_result_text();
  ASSERT_TRUE(client->wait_handshake()) << client->describe();
  ASSERT_TRUE(client->send("from s_client\n"));
  const std::string got = read_until(conn, "from s_client");
  EXPECT_NE(got.find("from s_client"), std::string::npos) << conn.error_text();
  (void)conn.shutdown();
}

TEST(ClientCertificateInterop, OpenSslClientCertificateToOurServer) {
  openssl_client_against_our_require(true);
}

TEST(ClientCertificateInterop, OurServerRequiresOneOpenSslSendsNone) {
  openssl_client_against_our_require(false);
}

}  // namespace
}  // namespace tls::test

#endif
