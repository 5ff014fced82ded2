// The sans-IO API: no fd, no transport — bytes fed in, bytes taken out. A handshake and data in
// both directions through the C++ and the C API, the bytes moved by the test in odd-sized
// pieces.
#include <tls/ssl.h>

#include <string>
#include <vector>

#include "api_test_util.hpp"

namespace tls::api_test {
namespace {

// Moves up to `piece` bytes of `from`'s output into `to`.
std::size_t shuttle(Connection &from, Connection &to, std::size_t piece) {
  std::vector<std::uint8_t> buffer(piece);
  const std::size_t n = from.take_output(buffer);
  to.feed(std::span(buffer).first(n));
  return n;
}

TEST(SansIo, HandshakeWithNoFdAndDataBothWays) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  EXPECT_EQ(client.fd(), -1);

  // Nothing to read: the client's first call leaves its ClientHello in the output.
  EXPECT_EQ(client.handshake().code, IoCode::want_read);
  EXPECT_GT(client.output_pending(), 0u);
  EXPECT_EQ(client.output()[0], 22);  // a handshake record

  for (int i = 0; i < 10000 && !(client.handshake_done() && server.handshake_done()); ++i) {
    shuttle(client, server, 7);
    shuttle(server, client, 13);
    const IoResult c = client.handshake();
    const IoResult s = server.handshake();
    ASSERT_TRUE(c.ok() || c.would_block()) << client.error_text();
    ASSERT_TRUE(s.ok() || s.would_block()) << server.error_text();
  }
  ASSERT_TRUE(client.handshake_done());
  ASSERT_TRUE(server.handshake_done());
  while (shuttle(client, server, 1000) + shuttle(server, client, 1000) > 0) {
  }

  const std::string hello = "sans-IO hello";
  ASSERT_TRUE(client.write(bytes_of(hello)).ok());
  EXPECT_GT(client.output_pending(), hello.size());  // framed and protected
  shuttle(client, server, 5000);
  std::vector<std::uint8_t> buffer(64);
  auto r = server.read(buffer);
  ASSERT_TRUE(r.ok()) << server.error_text();
  EXPECT_EQ(std::string(buffer.begin(), buffer.begin() + r.bytes), hello);
  EXPECT_EQ(server.read(buffer).code, IoCode::want_read);
}

TEST(SansIo, EndOfInputDuringHandshakeIsAnError) {
  Context client_ctx = client_context();
  Connection client(client_ctx);
  EXPECT_EQ(client.handshake().code, IoCode::want_read);
  client.feed_eof();
  EXPECT_EQ(client.handshake().code, IoCode::syscall);
  EXPECT_NE(client.error_text().find("closed"), std::string::npos) << client.error_text();
}

// A server that receives an SSLv2-format ClientHello (RFC 5246 Appendix E.2) refuses it and says
// why: the format and the version the client offered.
TEST(SansIo, ServerRefusesAnSslv2FormatClientHello) {
  Context server_ctx = server_context();
  Connection server(server_ctx);
  // msg_length 0x1c (top bit set), CLIENT-HELLO, version 3.1, one V2CipherSpec, 16-byte challenge.
  const std::vector<std::uint8_t> hello = {
      0x80, 0x1c, 0x01, 0x03, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x2f, 0,
      1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15};
  ASSERT_EQ(server.feed(hello), hello.size());
  const IoResult r = server.handshake();
  EXPECT_EQ(r.code, IoCode::failed);
  EXPECT_NE(server.error_text().find("SSLv2-format ClientHello refused (the client offers TLSv1"),
            std::string::npos)
      << server.error_text();
  ASSERT_TRUE(server.last_alert().has_value());
  EXPECT_TRUE(server.last_alert()->sent);
  EXPECT_EQ(server.last_alert()->description, AlertDescription::handshake_failure);
}

TEST(SansIo, CApiHandshakeWithNoFd) {
  tls_ctx *server_ctx = tls_ctx_new(TLS_SERVER);
  tls_ctx *client_ctx = tls_ctx_new(TLS_CLIENT);
  ASSERT_NE(server_ctx, nullptr);
  ASSERT_EQ(
      tls_ctx_use_certificate_chain_file(server_ctx, data_path("server-p256.chain.pem").c_str()),
      1);
  ASSERT_EQ(tls_ctx_use_private_key_file(server_ctx, data_path("server-p256.key").c_str()), 1)
      << tls_ctx_error_string(server_ctx);
  ASSERT_EQ(tls_ctx_load_verify_file(client_ctx, data_path("root-ca.pem").c_str()), 1);
  tls_conn *server = tls_new(server_ctx);
  tls_conn *client = tls_new(client_ctx);
  ASSERT_EQ(tls_set_hostname(client, "localhost"), 1);

  int c = -1;
  int s = -1;
  std::vector<unsigned char> buffer(3000);
  for (int i = 0; i < 1000 && (c != 1 || s != 1); ++i) {
    c = tls_connect(client);
    if (c != 1) {
      ASSERT_EQ(tls_get_error(client, c), TLS_ERROR_WANT_READ) << tls_error_string(client);
    }
    std::size_t n = tls_take_output(client, buffer.data(), buffer.size());
    ASSERT_EQ(tls_feed(server, buffer.data(), n), static_cast<int>(n));
    s = tls_accept(server);
    if (s != 1) {
      // want_write in sans-IO: the server's first flight must be taken before it reads on.
      const int error = tls_get_error(server, s);
      ASSERT_TRUE(error == TLS_ERROR_WANT_READ || error == TLS_ERROR_WANT_WRITE)
          << tls_error_string(server);
    }
    n = tls_take_output(server, buffer.data(), buffer.size());
    tls_feed(client, buffer.data(), n);
  }
  EXPECT_EQ(c, 1);
  EXPECT_EQ(s, 1);
  EXPECT_STREQ(tls_get_version(client), "TLSv1.2");
  EXPECT_STREQ(tls_get_cipher(client), tls_get_cipher(server));
  EXPECT_STREQ(tls_get_state(client), "SSL_ST_OK");
  EXPECT_EQ(tls_get_verify_result(client), 0);
  const tls_x509 *leaf = tls_get_peer_certificate(client, 0);
  ASSERT_NE(leaf, nullptr);
  EXPECT_NE(std::string(tls_x509_subject(leaf)).find("CN"), std::string::npos);
  EXPECT_EQ(tls_output_pending(client), 0u);

  EXPECT_EQ(tls_write(client, "abc", 3), 3);
  std::size_t n = tls_take_output(client, buffer.data(), buffer.size());
  tls_feed(server, buffer.data(), n);
  char got[8] = {};
  EXPECT_EQ(tls_read(server, got, sizeof got), 3);
  EXPECT_STREQ(got, "abc");
  EXPECT_EQ(tls_read(server, got, sizeof got), -1);
  EXPECT_EQ(tls_get_error(server, -1), TLS_ERROR_WANT_READ);

  EXPECT_EQ(tls_shutdown(client), 0);
  n = tls_take_output(client, buffer.data(), buffer.size());
  tls_feed(server, buffer.data(), n);
  EXPECT_EQ(tls_read(server, got, sizeof got), 0);
  EXPECT_EQ(tls_get_error(server, 0), TLS_ERROR_ZERO_RETURN);

  tls_free(client);
  tls_free(server);
  tls_ctx_free(client_ctx);
  tls_ctx_free(server_ctx);
}

}  // namespace
}  // namespace tls::api_test
