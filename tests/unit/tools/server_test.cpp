// tls-server: openssl s_client fetches the -www page; RSA and ECDSA side by side; SNI; one port
// for SSL 3.0 to TLS 1.2; client certificates; many clients at once; -echo; SIGTERM.
#include <signal.h>

#include <atomic>

#include "../../../tools/common/net.hpp"
#include "tools_harness.hpp"

namespace tls::tools_test {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!tools_built()) GTEST_SKIP() << "tools not built (TLS_BUILD_TOOLS=OFF)";
  }
  static std::vector<std::string> rsa() {
    return {"-cert", data_path("server-rsa2048.chain.pem"), "-key",
            data_path("server-rsa2048.key")};
  }
  static std::vector<std::string> ecdsa() {
    return {"-cert", data_path("server-p256.chain.pem"), "-key", data_path("server-p256.key")};
  }
  static std::vector<std::string> join(std::vector<std::vector<std::string>> parts) {
    std::vector<std::string> out;
    for (auto &p : parts)
      out.insert(out.end(), p.begin(), p.end());
    return out;
  }
  static Finished s_client(const ToolServer &server, std::vector<std::string> extra,
                           const std::string &input = kHttpGet) {
    std::vector<std::string> argv{"openssl",  "s_client",
                                  "-connect", server.connect_arg(),
                                  "-CAfile",  data_path("root-ca.pem"),
                                  "-ign_eof"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv, input, std::chrono::seconds(30));
  }
  static Finished client(const ToolServer &server, std::vector<std::string> extra,
                         const std::string &input = kHttpGet) {
    std::vector<std::string> argv{tool("tls-client"),       "-connect",
                                  server.connect_arg(),     "-CAfile",
                                  data_path("root-ca.pem"), "-ign_eof"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv, input, std::chrono::seconds(30));
  }
};

TEST_F(ServerTest, OpensslClientFetchesTheWwwPage) {
  if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  ToolServer server(join({rsa(), {"-www", "-naccept", "1"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = s_client(server, {"-servername", "localhost"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(contains(r.output, "Verify return code: 0 (ok)")) << r.output;
  EXPECT_TRUE(contains(r.output, "HTTP/1.0 200 ok")) << r.output;
  EXPECT_TRUE(contains(r.output, "<pre>")) << r.output;
  // The page: version, suite, what the client offered, the session, the request.
  EXPECT_TRUE(contains(r.output, "New, TLSv1.2, Cipher is ECDHE-RSA-")) << r.output;
  EXPECT_TRUE(contains(r.output, "Cipher suites the client offered")) << r.output;
  EXPECT_TRUE(contains(r.output, "  * 0xc0")) << r.output;  // the chosen one, marked
  EXPECT_TRUE(contains(r.output, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")) << r.output;
  EXPECT_TRUE(contains(r.output, "Extensions the client sent")) << r.output;
  EXPECT_TRUE(contains(r.output, "server_name (0x0000)")) << r.output;
  EXPECT_TRUE(contains(r.output, "extended_master_secret (0x0017)")) << r.output;
  EXPECT_TRUE(contains(r.output, "Session-ID: ")) << r.output;
  EXPECT_TRUE(contains(r.output, "Server name: localhost")) << r.output;
  EXPECT_TRUE(contains(r.output, "GET / HTTP/1.0")) << r.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] connection from 127.0.0.1:")) << server.output();
}

TEST_F(ServerTest, RsaAndEcdsaSideBySide) {
  if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  ToolServer server(join({rsa(), ecdsa(), {"-www", "-naccept", "2"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto ec = s_client(server, {"-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"});
  EXPECT_EQ(ec.exit_code, 0) << ec.output;
  EXPECT_TRUE(contains(ec.output, "Cipher is ECDHE-ECDSA-AES128-GCM-SHA256")) << ec.output;
  EXPECT_TRUE(contains(ec.output, "Server public key is 256 bit")) << ec.output;
  const auto rsa_r = s_client(server, {"-cipher", "ECDHE-RSA-AES128-GCM-SHA256"});
  EXPECT_EQ(rsa_r.exit_code, 0) << rsa_r.output;
  EXPECT_TRUE(contains(rsa_r.output, "Cipher is ECDHE-RSA-AES128-GCM-SHA256")) << rsa_r.output;
  EXPECT_TRUE(contains(rsa_r.output, "Server public key is 2048 bit")) << rsa_r.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
}

TEST_F(ServerTest, ServernameSwitchesToTheSecondCertificate) {
  ToolServer server(
      join({rsa(),
            {"-servername", "other.localhost", "-cert2", data_path("server-p256.chain.pem"),
             "-key2", data_path("server-p256.key"), "-www", "-naccept", "2"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  // Hostname checks off: the test leaves are for localhost only.
  const auto named = client(server, {"-servername", "other.localhost"});
  EXPECT_EQ(named.exit_code, 0) << named.output;
  EXPECT_TRUE(contains(named.output, "Cipher is ECDHE-ECDSA-")) << named.output;
  EXPECT_TRUE(contains(named.output, "Server name: other.localhost")) << named.output;
  const auto plain = client(server, {"-servername", "localhost"});
  EXPECT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_TRUE(contains(plain.output, "Cipher is ECDHE-RSA-")) << plain.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] Hostname in TLS extension: \"other.localhost\""))
      << server.output();
  EXPECT_FALSE(contains(server.output(), "[2] Hostname in TLS extension")) << server.output();
}

TEST_F(ServerTest, OnePortServesSsl3ToTls12) {
  ToolServer server(
      join({rsa(), {"-min_protocol", "SSLv3", "-cipher", "ALL", "-www", "-naccept", "4"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  const std::vector<std::pair<std::string, std::string>> versions = {
      {"-ssl3", "SSLv3"}, {"-tls1", "TLSv1"}, {"-tls1_1", "TLSv1.1"}, {"-tls1_2", "TLSv1.2"}};
  for (const auto &[flag, name] : versions) {
    const auto r = client(server, {flag, "-cipher", "ALL"});
    EXPECT_EQ(r.exit_code, 0) << flag << "\n" << r.output;
    EXPECT_TRUE(contains(r.output, "New, " + name + ", Cipher is")) << flag << "\n" << r.output;
    // The page names the same version.
    EXPECT_TRUE(contains(r.output, "Protocol  : " + name + "\n")) << r.output;
  }
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
}

TEST_F(ServerTest, RequiredClientCertificate) {
  ToolServer server(join(
      {rsa(), {"-Verify", "2", "-CAfile", data_path("root-ca.pem"), "-www", "-naccept", "2"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto without = client(server, {});
  EXPECT_EQ(without.exit_code, 1) << without.output;
  EXPECT_TRUE(contains(without.output, "handshake failed in ")) << without.output;
  EXPECT_TRUE(contains(without.output, "(fatal, received)")) << without.output;
  const auto with = client(
      server, {"-cert", data_path("client-p256.chain.pem"), "-key", data_path("client-p256.key")});
  EXPECT_EQ(with.exit_code, 0) << with.output;
  EXPECT_TRUE(contains(with.output, "Client certificate chain")) << with.output;  // the page
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  const std::string log = server.output();
  EXPECT_TRUE(contains(log, "[1] handshake failed in SSL3_ST_SR_CERT")) << log;
  EXPECT_TRUE(contains(log, "[1] alert: handshake_failure (fatal, sent)")) << log;
  EXPECT_TRUE(contains(log, "[2] Client certificate chain")) << log;
}

TEST_F(ServerTest, ManyClientsAtOnce) {
  constexpr int kClients = 8;
  ToolServer server(
      join({rsa(), ecdsa(), {"-www", "-quiet", "-naccept", std::to_string(kClients)}}));
  ASSERT_NE(server.port(), 0) << server.output();
  // Every client holds its connection open mid-handshake first: the server must serve them
  // side by side, not one after the other.
  std::vector<int> held;
  for (int i = 0; i < kClients / 2; ++i) {
    std::string error;
    held.push_back(tools::tcp_connect("127.0.0.1", std::to_string(server.port()), error));
    ASSERT_GE(held.back(), 0) << error;
  }
  std::vector<std::thread> threads;
  std::vector<Finished> results(kClients / 2);
  for (int i = 0; i < kClients / 2; ++i)
    threads.emplace_back([&, i] { results[static_cast<std::size_t>(i)] = client(server, {}); });
  for (auto &t : threads)
    t.join();
  for (const auto &r : results) {
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "HTTP/1.0 200 ok")) << r.output;
  }
  for (const int fd : held)
    close(fd);  // silent clients that hang up count as served connections
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
}

TEST_F(ServerTest, EchoSendsBackWhatEachClientSends) {
  ToolServer server(join({rsa(), {"-echo", "-naccept", "1"}}));
  ASSERT_NE(server.port(), 0) << server.output();
  std::string error;
  const int fd = tools::tcp_connect("127.0.0.1", std::to_string(server.port()), error);
  ASSERT_GE(fd, 0) << error;
  Context ctx = api_test::client_context();
  Connection conn(ctx);
  ASSERT_TRUE(conn.set_fd(fd).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  ASSERT_TRUE(conn.connect().ok()) << conn.error_text();
  std::string big(100000, 'x');  // several records, more than a socket buffer's worth at once
  for (std::size_t i = 0; i < big.size(); ++i)
    big[i] = static_cast<char>('a' + i % 26);
  ASSERT_TRUE(conn.write(api_test::bytes_of(big)).ok()) << conn.error_text();
  std::string echoed;
  std::uint8_t buffer[16384];
  while (echoed.size() < big.size()) {
    const IoResult r = conn.read(buffer);
    ASSERT_TRUE(r.ok()) << conn.error_text();
    echoed.append(reinterpret_cast<const char *>(buffer), r.bytes);
  }
  EXPECT_EQ(echoed, big);
  EXPECT_TRUE(conn.shutdown().ok());
  close(fd);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] the client sent close_notify")) << server.output();
}

TEST_F(ServerTest, SigtermStopsItCleanly) {
  ToolServer server(rsa());
  ASSERT_NE(server.port(), 0) << server.output();
  // One client in the middle of its connection: it gets close_notify.
  std::string error;
  const int fd = tools::tcp_connect("127.0.0.1", std::to_string(server.port()), error);
  ASSERT_GE(fd, 0) << error;
  Context ctx = api_test::client_context();
  Connection conn(ctx);
  ASSERT_TRUE(conn.set_fd(fd).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  ASSERT_TRUE(conn.connect().ok()) << conn.error_text();
  // The server is at its handshake's end; let it notice before the signal.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  EXPECT_TRUE(contains(server.output(), "signal received, closing 1 connections"))
      << server.output();
  std::uint8_t buffer[64];
  const IoResult r = conn.read(buffer);
  EXPECT_EQ(r.code, IoCode::zero_return) << conn.error_text();
  close(fd);
}

TEST(ServerOptions, RefusedWithAReason) {
  if (!tools_built()) GTEST_SKIP() << "tools not built";
  const auto no_cert = run({tool("tls-server")});
  EXPECT_EQ(no_cert.exit_code, 2);
  EXPECT_TRUE(contains(no_cert.output, "a certificate is needed")) << no_cert.output;
  const auto bad_key = run({tool("tls-server"), "-cert", data_path("server-rsa2048.chain.pem"),
                            "-key", data_path("server-p256.key")});
  EXPECT_EQ(bad_key.exit_code, 2);
  EXPECT_TRUE(contains(bad_key.output, "certificate ")) << bad_key.output;
  const auto sni =
      run({tool("tls-server"), "-cert", data_path("server-rsa2048.chain.pem"), "-servername", "x"});
  EXPECT_EQ(sni.exit_code, 2);
  EXPECT_TRUE(contains(sni.output, "-servername and -cert2 go together")) << sni.output;
}

}  // namespace
}  // namespace tls::tools_test
