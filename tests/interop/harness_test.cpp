// Self-tests of the peer harness (tests/support): each tool's client against its own server, with
// no tlspp handshake involved, so that a failure of the tlspp matrix can be told apart from a
// harness or peer-installation problem. Also the process and port helpers, and the report
// parsers on text the tools printed.
#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <string>

#include "support/interop_matrix.hpp"
#include "support/net.hpp"
#include "support/peer.hpp"
#include "support/process.hpp"

namespace tls::test {
namespace {

TEST(Process, CapturesOutputAndFeedsStdin) {
  std::string error;
  auto p = Process::start({"cat"}, {}, &error);
  ASSERT_TRUE(p) << error;
  ASSERT_TRUE(p->write_stdin("ping\n"));
  EXPECT_TRUE(p->wait_for("ping", 5s, Stream::out)) << p->describe();
  p->close_stdin();
  EXPECT_EQ(p->wait_exit(5s), 0) << p->describe();
}

TEST(Process, StopKillsAndReaps) {
  auto p = Process::start({"sh", "-c", "trap '' TERM; echo ready; exec sleep 1000"});
  ASSERT_TRUE(p);
  ASSERT_TRUE(p->wait_for("ready", 5s));
  const pid_t pid = p->pid();
  p->stop(200ms);  // TERM is ignored by the shell, but exec'd sleep takes the default: gone
  EXPECT_FALSE(p->running());
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);  // reaped: the PID no longer names our child
  EXPECT_EQ(errno, ESRCH);
}

TEST(Process, DestructorStopsAStubbornChild) {
  pid_t pid = -1;
  {
    auto p = Process::start({"sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"});
    ASSERT_TRUE(p);
    ASSERT_TRUE(p->wait_for("ready", 5s));
    pid = p->pid();
  }  // SIGTERM ignored: the destructor must fall back to SIGKILL and reap
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
}

TEST(Process, MissingProgramIsAnError) {
  std::string error;
  EXPECT_FALSE(Process::start({"tlspp-no-such-program"}, {}, &error));
  EXPECT_NE(error.find("not installed"), std::string::npos) << error;
}

TEST(Net, ListenerPortIsSeenListeningAndAcceptsOnce) {
  Listener listener;
  ASSERT_TRUE(listener.valid());
  EXPECT_TRUE(port_listening(listener.port()));
  UniqueFd client = connect_loopback(listener.port());
  ASSERT_TRUE(client);
  EXPECT_TRUE(listener.accept(2s));
  EXPECT_FALSE(listener.accept(50ms));  // nobody else
}

TEST(Net, FreePortIsNotListening) {
  const std::uint16_t port = free_port();
  ASSERT_NE(port, 0);
  EXPECT_FALSE(port_listening(port));
  EXPECT_FALSE(connect_loopback(port));
}

// ---- report parsers, on what the tools printed (openssl 3.0, GnuTLS 3.7.9, NSS 3.87) --------

TEST(PeerView, OpenSsl) {
  const PeerView v = parse_openssl_view(
      "CONNECTION ESTABLISHED\nProtocol version: TLSv1.1\nCiphersuite: ECDHE-RSA-AES128-SHA\n"
      "Peer certificate: C = US, O = tlspp test, CN = localhost\n");
  EXPECT_EQ(v.version, ProtocolVersion::tls11);
  EXPECT_EQ(v.cipher, "ECDHE-RSA-AES128-SHA");
}

TEST(PeerView, OpenSslUnfinishedLineIsNotRead) {
  const PeerView v = parse_openssl_view("Protocol version: TLSv1.2\nCiphersuite: AES128-SH");
  EXPECT_EQ(v.cipher, "");
}

TEST(PeerView, GnuTls) {
  const PeerView v = parse_gnutls_view(
      "- Description: (TLS1.0-X.509)-(RSA)-(3DES-CBC)-(SHA1)\n- Version: TLS1.0\n"
      "- Key Exchange: RSA\n- Cipher: 3DES-CBC\n- MAC: SHA1\n");
  EXPECT_EQ(v.version, ProtocolVersion::tls10);
  EXPECT_EQ(v.cipher, "DES-CBC3-SHA");
  const PeerView w = parse_gnutls_view(
      "- Version: TLS1.2\n- Key Exchange: ECDHE-RSA\n- Server Signature: RSA-SHA256\n"
      "- Cipher: CHACHA20-POLY1305\n- MAC: AEAD\n");
  EXPECT_EQ(w.version, ProtocolVersion::tls12);
  EXPECT_EQ(w.cipher, "ECDHE-RSA-CHACHA20-POLY1305");
}

TEST(PeerView, Nss) {
  const PeerView v = parse_nss_view(
      "selfserv: SSL version 3.3 using 128-bit AES-GCM with 128-bit AEAD MAC\n"
      "selfserv: Server Auth: 2048-bit RSA, Key Exchange: 255-bit ECDHE\n"
      "          Compression: NULL, Extended Master Secret: Yes\n");
  EXPECT_EQ(v.version, ProtocolVersion::tls12);
  EXPECT_EQ(v.cipher, "ECDHE-RSA-AES128-GCM-SHA256");
  const PeerView w = parse_nss_view(
      "tstclnt: SSL version 3.0 using 112-bit 3DES with 160-bit SHA1 MAC\n"
      "tstclnt: Server Auth: 2048-bit RSA, Key Exchange: 2048-bit RSA\n");
  EXPECT_EQ(w.version, ProtocolVersion::ssl3);
  EXPECT_EQ(w.cipher, "DES-CBC3-SHA");
}

TEST(PeerView, GnuTlsReceivedRecordsAreJoined) {
  // A TLS 1.0 server splits records 1/n-1 (the BEAST countermeasure); gnutls-cli prints each.
  EXPECT_EQ(gnutls_received_payload("- Sent: 41 bytes\n- Received[1]: r- Received[16]: eply from "
                                    "tlspp\n\n"),
            "reply from tlspp\n");
}

TEST(PeerSpelling, GnuTlsPriorityAndNssCodes) {
  PeerOptions o;
  o.min_version = ProtocolVersion::tls10;
  o.max_version = ProtocolVersion::tls11;
  o.ciphers = {"ECDHE-RSA-AES128-SHA", "DES-CBC3-SHA"};
  EXPECT_EQ(gnutls_priority(o),
            "NORMAL:-VERS-ALL:+VERS-TLS1.0:+VERS-TLS1.1:-KX-ALL:+ECDHE-RSA:+RSA:-CIPHER-ALL:"
            "+AES-128-CBC:+3DES-CBC:-MAC-ALL:+SHA1");
  EXPECT_EQ(nss_cipher_list(o.ciphers), ":C013:000A");
}

// ---- each tool against itself --------------------------------------------------------------

struct SelfCase {
  PeerTool tool;
  ProtocolVersion version;
  const char *cipher;
  const char *cert = "server-rsa2048";  // tests/data/<cert>.chain.pem and .key
  bool client_cert = false;
};

std::string case_name(const testing::TestParamInfo<SelfCase> &info) {
  std::string name = std::string(tool_name(info.param.tool)) + "_" +
                     version_name(info.param.version) + "_" + info.param.cipher;
  if (info.param.client_cert) name += "_client_cert";
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

void PrintTo(const SelfCase &c, std::ostream *os) {
  *os << case_name({c, 0});
}

class PeerSelfTest : public testing::TestWithParam<SelfCase> {};

// A tool's client against its own server: both report the expected version and suite, and
// data goes both ways.
void run_self_pair(PeerTool tool, const PeerOptions &server_options, PeerOptions client_options,
                   ProtocolVersion version, const std::string &suite, const std::string &tag) {
  if (auto why = peer_unavailable(tool)) GTEST_SKIP() << *why;
  std::string error;
  auto server = Peer::start_server(tool, server_options, &error);
  ASSERT_TRUE(server) << error;
  client_options.port = server->port();
  auto client = Peer::start_client(tool, client_options, &error);
  ASSERT_TRUE(client) << error;

  const auto client_view = client->wait_handshake();
  ASSERT_TRUE(client_view) << client->describe() << "\n" << server->describe();
  EXPECT_EQ(client_view->version, version) << client_view->raw;
  EXPECT_EQ(client_view->cipher, suite) << client_view->raw;

  // Data both ways. Servers that cannot send their own data echo the request back.
  const std::string request = "GET /harness-" + tag + " HTTP/1.0\r\n\r\n";
  ASSERT_TRUE(client->send(request));
  const auto server_view = server->wait_handshake();
  ASSERT_TRUE(server_view) << server->describe();
  EXPECT_EQ(server_view->version, version) << server_view->raw;
  EXPECT_EQ(server_view->cipher, suite) << server_view->raw;
  const std::string request_line = request.substr(0, request.find('\r'));
  if (server->can_send()) {
    EXPECT_TRUE(server->wait_received(request_line)) << server->describe();
    ASSERT_TRUE(server->send("reply from the server\n"));
    EXPECT_TRUE(client->wait_received("reply from the server")) << client->describe();
  } else {
    EXPECT_TRUE(client->wait_received(request_line)) << client->describe();
  }
}

TEST_P(PeerSelfTest, ClientMeetsServerDataBothWays) {
  const SelfCase &c = GetParam();
  PeerOptions server_options;
  server_options.min_version = server_options.max_version = c.version;
  server_options.ciphers = {c.cipher};
  server_options.cert_chain = data_file(std::string(c.cert) + ".chain.pem");
  server_options.key = data_file(std::string(c.cert) + ".key");
  server_options.require_client_cert = c.client_cert;
  PeerOptions client_options;
  client_options.min_version = client_options.max_version = c.version;
  client_options.ciphers = {c.cipher};
  if (c.client_cert) {
    client_options.cert_chain = data_file("client-rsa2048.chain.pem");
    client_options.key = data_file("client-rsa2048.key");
  }
  run_self_pair(c.tool, server_options, client_options, c.version, c.cipher, case_name({c, 0}));
}

INSTANTIATE_TEST_SUITE_P(
    Harness, PeerSelfTest,
    testing::Values(
        SelfCase{PeerTool::openssl, ProtocolVersion::tls12, "ECDHE-RSA-AES128-GCM-SHA256"},
        SelfCase{PeerTool::openssl, ProtocolVersion::tls12, "ECDHE-ECDSA-CHACHA20-POLY1305",
                 "server-p256"},
        SelfCase{PeerTool::openssl, ProtocolVersion::tls12, "DHE-RSA-AES256-GCM-SHA384"},
        SelfCase{PeerTool::openssl, ProtocolVersion::tls11, "ECDHE-RSA-AES128-SHA"},
        SelfCase{PeerTool::openssl, ProtocolVersion::tls10, "AES256-SHA"},
        SelfCase{PeerTool::openssl, ProtocolVersion::tls12, "AES128-SHA", "server-rsa2048", true},
        SelfCase{PeerTool::gnutls, ProtocolVersion::tls12, "ECDHE-RSA-CHACHA20-POLY1305"},
        SelfCase{PeerTool::gnutls, ProtocolVersion::tls12, "DHE-RSA-AES128-SHA256"},
        SelfCase{PeerTool::gnutls, ProtocolVersion::tls10, "DES-CBC3-SHA"},
        SelfCase{PeerTool::gnutls, ProtocolVersion::tls12, "ECDHE-ECDSA-AES256-GCM-SHA384",
                 "server-p256"},
        SelfCase{PeerTool::nss, ProtocolVersion::ssl3, "AES128-SHA"},
        SelfCase{PeerTool::nss, ProtocolVersion::ssl3, "DES-CBC3-SHA"},
        SelfCase{PeerTool::nss, ProtocolVersion::tls12, "ECDHE-RSA-AES128-GCM-SHA256"},
        SelfCase{PeerTool::nss, ProtocolVersion::tls12, "ECDHE-ECDSA-AES128-SHA256", "server-p256"},
        SelfCase{PeerTool::nss, ProtocolVersion::tls11, "DHE-RSA-AES256-SHA"}),
    case_name);

// Every combination of the tlspp matrix, between the tool's own client and server: what the
// matrix asks of a peer, the peer can do.
class PeerMatrixSelfTest : public testing::TestWithParam<MatrixCase> {};

TEST_P(PeerMatrixSelfTest, PeerCanDoTheCombination) {
  const MatrixCase &c = GetParam();
  run_self_pair(c.tool, pinned_options(c, PeerRole::server), pinned_options(c, PeerRole::client),
                c.version, c.suite->name, matrix_case_name(c));
}

INSTANTIATE_TEST_SUITE_P(Matrix, PeerMatrixSelfTest, testing::ValuesIn(matrix_cases()),
                         [](const testing::TestParamInfo<MatrixCase> &info) {
                           return matrix_case_name(info.param);
                         });

}  // namespace
}  // namespace tls::test
