// The interop matrix: tlspp's client against each peer's server, and each peer's client against
// tlspp's server, for every combination of interop_matrix.hpp — over a real loopback socket,
// through the public API (tls::Context / tls::Connection on a connected fd). Each test checks
// that both ends agree on version and suite (tlspp's accessors and what the peer printed) and
// that application data goes both ways. The harness self-tests (harness_test.cpp) run the same
// combinations between each tool's own client and server, so a failure here is tlspp's.
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

#include <tls/tls.hpp>

#include "support/interop_matrix.hpp"
#include "support/net.hpp"
#include "support/our_end.hpp"
#include "support/peer.hpp"

namespace tls::test {
namespace {

// The tlspp end of one connection: its Context, Connection and socket.
struct OurEnd {
  Context context;
  std::unique_ptr<Connection> conn;
  UniqueFd fd;

  explicit OurEnd(Role role) : context(role) {}
};

// Configures a Context pinned to the case's version and suite.
void pin(Context &context, const MatrixCase &c) {
  ASSERT_TRUE(context.set_min_version(c.version).ok());
  ASSERT_TRUE(context.set_max_version(c.version).ok());
  const Status suites = context.set_cipher_list(c.suite->name);
  ASSERT_TRUE(suites.ok()) << suites.error().reason;
}

void expect_agreement(const MatrixCase &c, const Connection &conn, const PeerView &view) {
  EXPECT_EQ(conn.version(), c.version) << conn.version_name();
  EXPECT_STREQ(conn.cipher(), c.suite->name);
  EXPECT_EQ(view.version, c.version) << "the peer printed:\n" << view.raw;
  EXPECT_EQ(view.cipher, c.suite->name) << "the peer printed:\n" << view.raw;
}

class OurClient : public testing::TestWithParam<MatrixCase> {};

TEST_P(OurClient, AgainstPeerServer) {
  const MatrixCase &c = GetParam();
  if (auto why = peer_unavailable(c.tool)) GTEST_SKIP() << *why;
  std::string error;
  auto server = Peer::start_server(c.tool, pinned_options(c, PeerRole::server), &error);
  ASSERT_TRUE(server) << error;

  OurEnd us(Role::client);
  pin(us.context, c);
  ASSERT_TRUE(us.context.load_verify_file(data_file("root-ca.pem")).ok());
  us.fd = dial(server->port());
  ASSERT_TRUE(us.fd) << "connect to " << server->label();
  us.conn = std::make_unique<Connection>(us.context);
  ASSERT_TRUE(us.conn->set_fd(us.fd.get()).ok());
  ASSERT_TRUE(us.conn->set_hostname("localhost").ok());

  const IoResult hs = us.conn->connect();
  ASSERT_TRUE(hs.ok()) << io_code_name(hs.code) << ": " << us.conn->error_text() << "\n"
                       << server->describe();
  EXPECT_EQ(us.conn->verify_result(), 0) << us.conn->verify_result_text();

  const std::string request = "GET /tlspp-" + matrix_case_name(c) + " HTTP/1.0\r\n\r\n";
  const std::string request_line = request.substr(0, request.find('\r'));
  ASSERT_TRUE(write_text(*us.conn, request)) << us.conn->error_text();
  const auto view = server->wait_handshake();
  ASSERT_TRUE(view) << server->describe();
  expect_agreement(c, *us.conn, *view);

  if (server->can_send()) {
    EXPECT_TRUE(server->wait_received(request_line)) << server->describe();
    ASSERT_TRUE(server->send("reply from " + server->label() + "\n"));
    const std::string got = read_until(*us.conn, "reply from");
    EXPECT_NE(got.find("reply from " + server->label()), std::string::npos)
        << got << "\n"
        << us.conn->error_text() << "\n"
        << server->describe();
  } else {
    // gnutls-serv --echo sends the request back; selfserv answers with a page quoting it.
    const std::string got = read_until(*us.conn, request_line);
    EXPECT_NE(got.find(request_line), std::string::npos) << got << "\n"
                                                         << us.conn->error_text() << "\n"
                                                         << server->describe();
  }
  (void)us.conn->shutdown();
}

class OurServer : public testing::TestWithParam<MatrixCase> {};

TEST_P(OurServer, AgainstPeerClient) {
  const MatrixCase &c = GetParam();
  if (auto why = peer_unavailable(c.tool)) GTEST_SKIP() << *why;

  OurEnd us(Role::server);
  pin(us.context, c);
  const std::string cert = server_cert_for(*c.suite);
  const Status added =
      us.context.add_certificate_files(data_file(cert + ".chain.pem"), data_file(cert + ".key"));
  ASSERT_TRUE(added.ok()) << added.error().reason;
  Listener listener;
  ASSERT_TRUE(listener.valid());

  PeerOptions options = pinned_options(c, PeerRole::client);
  options.port = listener.port();
  std::string error;
  auto client = Peer::start_client(c.tool, options, &error);
  ASSERT_TRUE(client) << error;

  us.fd = accept_one(listener);
  ASSERT_TRUE(us.fd) << client->label() << " did not connect\n" << client->describe();
  us.conn = std::make_unique<Connection>(us.context);
  ASSERT_TRUE(us.conn->set_fd(us.fd.get()).ok());
  const IoResult hs = us.conn->accept();
  ASSERT_TRUE(hs.ok()) << io_code_name(hs.code) << ": " << us.conn->error_text() << "\n"
                       << client->describe();

  const auto view = client->wait_handshake();
  ASSERT_TRUE(view) << client->describe();
  expect_agreement(c, *us.conn, *view);

  const std::string request = "GET /" + matrix_case_name(c) + " HTTP/1.0\r\n\r\n";
  const std::string request_line = request.substr(0, request.find('\r'));
  ASSERT_TRUE(client->send(request));
  const std::string got = read_until(*us.conn, request_line);
  EXPECT_NE(got.find(request_line), std::string::npos) << got << "\n"
                                                       << us.conn->error_text() << "\n"
                                                       << client->describe();
  ASSERT_TRUE(write_text(*us.conn, "reply from tlspp\n")) << us.conn->error_text();
  EXPECT_TRUE(client->wait_received("reply from tlspp")) << client->describe();
  (void)us.conn->shutdown();
}

std::string name_of(const testing::TestParamInfo<MatrixCase> &info) {
  return matrix_case_name(info.param);
}

INSTANTIATE_TEST_SUITE_P(Matrix, OurClient, testing::ValuesIn(matrix_cases()), name_of);
INSTANTIATE_TEST_SUITE_P(Matrix, OurServer, testing::ValuesIn(matrix_cases()), name_of);

}  // namespace
}  // namespace tls::test

#endif  // __has_include(<tls/tls.hpp>)
