// Client and server in one process, joined by connect_in_memory: the handshake, data both
// ways, what the connection reports, verification failures and shutdown.
#include <string>
#include <vector>

#include "api_test_util.hpp"

namespace tls::api_test {
namespace {

TEST(MemoryPair, HandshakeAndDataBothWays) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server)) << client.error_text() << " / " << server.error_text();

  EXPECT_TRUE(client.handshake_done());
  EXPECT_EQ(client.state(), HandshakeState::ok);
  EXPECT_STREQ(client.state_name(), "SSL_ST_OK");
  EXPECT_STREQ(client.version_name(), "TLSv1.2");
  EXPECT_STREQ(client.cipher(), server.cipher());
  EXPECT_NE(client.cipher_id(), 0);
  EXPECT_EQ(client.verify_result(), 0);
  const auto chain = client.peer_certificates();
  ASSERT_FALSE(chain.empty());
  EXPECT_NE(chain[0].subject_alt_names().size(), 0u);
  EXPECT_EQ(chain[0].subject_alt_names()[0], "DNS:localhost");
  EXPECT_TRUE(server.peer_certificates().empty());
  EXPECT_EQ(server.server_name(), "localhost");

  const std::string ping = "ping from the client";
  auto w = client.write(bytes_of(ping));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.bytes, ping.size());
  std::vector<std::uint8_t> buffer(100);
  auto r = server.read(buffer);
  ASSERT_TRUE(r.ok()) << server.error_text();
  EXPECT_EQ(std::string(buffer.begin(), buffer.begin() + r.bytes), ping);

  const std::string pong = "pong";
  ASSERT_TRUE(server.write(bytes_of(pong)).ok());
  // peek leaves the bytes; pending() counts what a read returns without I/O.
  auto p = client.peek(std::span(buffer).first(2));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(std::string(buffer.begin(), buffer.begin() + 2), "po");
  EXPECT_EQ(client.pending(), 4u);
  r = client.read(buffer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::string(buffer.begin(), buffer.begin() + r.bytes), "pong");
  EXPECT_EQ(client.pending(), 0u);

  // Nothing more: a non-blocking read says want_read.
  EXPECT_EQ(client.read(buffer).code, IoCode::want_read);
}

TEST(MemoryPair, ShutdownBothWays) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server));

  auto first = client.shutdown();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.bytes, 0u);  // sent; the server's not seen yet
  EXPECT_FALSE(client.shutdown_complete());
  std::vector<std::uint8_t> buffer(16);
  EXPECT_EQ(server.read(buffer).code, IoCode::zero_return);
  EXPECT_TRUE(server.close_notify_received());
  auto answer = server.shutdown();
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer.bytes, 1u);  // both directions closed
  auto second = client.shutdown();
  ASSERT_TRUE(second.ok()) << client.error_text();
  EXPECT_EQ(second.bytes, 1u);
  EXPECT_TRUE(client.shutdown_complete());
  ASSERT_TRUE(client.last_alert().has_value());
  EXPECT_EQ(client.last_alert()->description, AlertDescription::close_notify);
}

TEST(MemoryPair, WrongHostnameFailsWithAReadableReason) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("not-this-host.example").ok());
  connect_in_memory(client, server);
  EXPECT_FALSE(run_pair(client, server));
  EXPECT_EQ(client.last_code(), IoCode::failed);
  const std::string text = client.error_text();
  EXPECT_NE(text.find("not-this-host.example"), std::string::npos) << text;
  EXPECT_NE(text.find("SSL3_ST_CR_CERT"), std::string::npos) << text;
  EXPECT_EQ(client.verify_result(), 62);  // X509_V_ERR_HOSTNAME_MISMATCH
  ASSERT_TRUE(client.last_alert().has_value());
  EXPECT_TRUE(client.last_alert()->sent);
  // The server hears about it.
  server.handshake();
  EXPECT_EQ(server.last_code(), IoCode::failed);
  EXPECT_FALSE(server.error_text().empty());
}

TEST(MemoryPair, UntrustedServerRefusedUnlessVerifyNone) {
  Context server_ctx = server_context();
  Context client_ctx = Context::client();  // no trust anchors
  {
    Connection server(server_ctx);
    Connection client(client_ctx);
    connect_in_memory(client, server);
    EXPECT_FALSE(run_pair(client, server));
    EXPECT_NE(client.verify_result(), 0);
  }
  client_ctx.set_verify(VerifyMode::none);
  Connection server(server_ctx);
  Connection client(client_ctx);
  connect_in_memory(client, server);
  EXPECT_TRUE(run_pair(client, server)) << client.error_text();
}

TEST(MemoryPair, VerifyCallbackSeesTheChainAndMayOverride) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  std::vector<std::pair<int, std::string>> seen;
  client_ctx.set_verify(VerifyMode::peer, [&](bool ok, const Certificate &cert, int depth, int) {
    seen.emplace_back(depth, cert.subject());
    return ok;
  });
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server)) << client.error_text();
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.back().first, 0);  // the leaf comes last

  // A callback that refuses everything fails the handshake.
  client_ctx.set_verify(VerifyMode::peer,
                        [](bool, const Certificate &, int, int) { return false; });
  Connection server2(server_ctx);
  Connection client2(client_ctx);
  ASSERT_TRUE(client2.set_hostname("localhost").ok());
  connect_in_memory(client2, server2);
  EXPECT_FALSE(run_pair(client2, server2));
}

TEST(MemoryPair, AlpnAndKeylog) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  ASSERT_TRUE(client_ctx.set_alpn_protocols("h2,http/1.1").ok());
  ASSERT_TRUE(server_ctx.set_alpn_protocols("http/1.1").ok());
  std::vector<std::string> client_lines, server_lines;
  client_ctx.set_keylog_callback([&](std::string_view l) { client_lines.emplace_back(l); });
  server_ctx.set_keylog_callback([&](std::string_view l) { server_lines.emplace_back(l); });
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server)) << client.error_text();
  EXPECT_EQ(client.alpn_selected(), "http/1.1");
  EXPECT_EQ(server.alpn_selected(), "http/1.1");
  ASSERT_EQ(client_lines.size(), 1u);
  ASSERT_EQ(server_lines.size(), 1u);
  EXPECT_EQ(client_lines[0], server_lines[0]);
  // "CLIENT_RANDOM " + 64 hex + " " + 96 hex
  EXPECT_EQ(client_lines[0].rfind("CLIENT_RANDOM ", 0), 0u);
  EXPECT_EQ(client_lines[0].size(), 14u + 64 + 1 + 96);
}

TEST(MemoryPair, StateCallbackAndStepping) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  std::vector<std::string> client_states;
  client_ctx.set_state_callback([&](bool from_client, HandshakeState, const char *name) {
    if (from_client) client_states.emplace_back(name);
  });
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  // One state per step: from SSL_ST_BEFORE to CW_CLNT_HELLO, which sends ClientHello and
  // moves to CR_SRVR_HELLO.
  ASSERT_TRUE(client.step().ok());
  EXPECT_EQ(client.state(), HandshakeState::cw_clnt_hello);
  EXPECT_EQ(client.output_pending(), 0u);  // nothing sent yet
  ASSERT_TRUE(client.step().ok());
  EXPECT_EQ(client.state(), HandshakeState::cr_srvr_hello);
  EXPECT_EQ(client.step().code, IoCode::want_read);  // the server has not answered
  int steps = 0;
  while (!(client.handshake_done() && server.handshake_done()) && steps < 200) {
    client.step();
    server.step();
    ++steps;
  }
  EXPECT_TRUE(client.handshake_done()) << client.error_text();
  ASSERT_FALSE(client_states.empty());
  EXPECT_EQ(client_states.front(), "SSL3_ST_CW_CLNT_HELLO");
}

TEST(MemoryPair, SmallCapacityMeansWantWriteAndLargeTransfersStillComplete) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server, 100);  // 100 bytes in flight per direction
  ASSERT_TRUE(run_pair(client, server, 100000)) << client.error_text();
  std::vector<std::uint8_t> data(200000);
  for (std::size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<std::uint8_t>(i * 7 + 3);
  std::vector<std::uint8_t> got;
  std::vector<std::uint8_t> buffer(4096);
  bool saw_want_write = false;
  bool written = false;
  for (int i = 0; i < 1000000 && got.size() < data.size(); ++i) {
    if (!written) {
      auto w = client.write(data);
      if (w.ok())
        written = true;
      else if (w.code == IoCode::want_write)
        saw_want_write = true;
      else
        FAIL() << client.error_text();
    }
    auto r = server.read(buffer);
    if (r.ok())
      got.insert(got.end(), buffer.begin(), buffer.begin() + r.bytes);
    else
      ASSERT_EQ(r.code, IoCode::want_read) << server.error_text();
  }
  EXPECT_TRUE(saw_want_write);
  EXPECT_TRUE(got == data);
}

TEST(MemoryPair, ConnectOnServerContextIsRefused) {
  Context server_ctx = server_context();
  Connection server(server_ctx);
  EXPECT_EQ(server.connect().code, IoCode::failed);
  EXPECT_NE(server.error_text().find("server Context"), std::string::npos);
}

TEST(MemoryPair, OldVersionsWhenBothAllowThem) {
  Context server_ctx = server_context();
  ASSERT_TRUE(server_ctx.set_min_version(ProtocolVersion::tls10).ok());
  ASSERT_TRUE(server_ctx.set_cipher_list("ALL").ok());
  Context client_ctx = client_context();
  ASSERT_TRUE(client_ctx.set_min_version(ProtocolVersion::tls10).ok());
  ASSERT_TRUE(client_ctx.set_max_version(ProtocolVersion::tls10).ok());
  ASSERT_TRUE(client_ctx.set_cipher_list("ECDHE-RSA-AES128-SHA").ok());
  client_ctx.set_allow_sha1_signatures(true);
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server)) << client.error_text() << " / " << server.error_text();
  EXPECT_STREQ(client.version_name(), "TLSv1");
  EXPECT_STREQ(client.cipher(), "ECDHE-RSA-AES128-SHA");
}

}  // namespace
}  // namespace tls::api_test
