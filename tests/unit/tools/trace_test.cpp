// tls-client ↔ tls-server with -msg, -state, -trace and -showkeys: what each prints.
#include "tools_harness.hpp"

namespace tls::tools_test {
namespace {

class TraceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!tools_built()) GTEST_SKIP() << "tools not built (TLS_BUILD_TOOLS=OFF)";
  }
  static Finished client(const ToolServer &server, std::vector<std::string> extra) {
    std::vector<std::string> argv{tool("tls-client"),       "-connect",
                                  server.connect_arg(),     "-CAfile",
                                  data_path("root-ca.pem"), "-ign_eof"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv, kHttpGet, std::chrono::seconds(30));
  }
  static std::vector<std::string> server_args(std::vector<std::string> extra) {
    std::vector<std::string> argv{"-cert", data_path("server-rsa2048.chain.pem"),
                                  "-key",  data_path("server-rsa2048.key"),
                                  "-www",  "-naccept",
                                  "1"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
};

// True when every part appears in `text`, in this order.
::testing::AssertionResult in_order(const std::string &text,
                                    const std::vector<std::string> &parts) {
  std::size_t at = 0;
  for (const auto &part : parts) {
    const auto found = text.find(part, at);
    if (found == std::string::npos)
      return ::testing::AssertionFailure()
             << "'" << part << "' missing after offset " << at << " in:\n"
             << text;
    at = found + part.size();
  }
  return ::testing::AssertionSuccess();
}

TEST_F(TraceTest, StateNamesEveryStateOfAFullHandshakeInOrder) {
  ToolServer server(server_args({"-state", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = client(server, {"-state"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(in_order(
      r.output, {"SSL_connect: SSL3_ST_CW_CLNT_HELLO\n", "SSL_connect: SSL3_ST_CR_SRVR_HELLO\n",
                 "SSL_connect: SSL3_ST_CR_CERT\n", "SSL_connect: SSL3_ST_CR_KEY_EXCH\n",
                 "SSL_connect: SSL3_ST_CR_CERT_REQ\n", "SSL_connect: SSL3_ST_CR_SRVR_DONE\n",
                 "SSL_connect: SSL3_ST_CW_KEY_EXCH\n", "SSL_connect: SSL3_ST_CW_CHANGE\n",
                 "SSL_connect: SSL3_ST_CW_FINISHED\n", "SSL_connect: SSL3_ST_CR_CHANGE\n",
                 "SSL_connect: SSL3_ST_CR_FINISHED\n"}));
  EXPECT_FALSE(contains(r.output, "SSL_accept")) << r.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(in_order(
      server.output(),
      {"[1] SSL_accept: SSL3_ST_SR_CLNT_HELLO\n", "[1] SSL_accept: SSL3_ST_SW_SRVR_HELLO\n",
       "[1] SSL_accept: SSL3_ST_SW_CERT\n", "[1] SSL_accept: SSL3_ST_SW_KEY_EXCH\n",
       "[1] SSL_accept: SSL3_ST_SW_SRVR_DONE\n", "[1] SSL_accept: SSL3_ST_SR_KEY_EXCH\n",
       "[1] SSL_accept: SSL3_ST_SR_CHANGE\n", "[1] SSL_accept: SSL3_ST_SR_FINISHED\n",
       "[1] SSL_accept: SSL3_ST_SW_CHANGE\n", "[1] SSL_accept: SSL3_ST_SW_FINISHED\n"}));
}

TEST_F(TraceTest, MsgShowsDirectionTypeLengthAndHex) {
  ToolServer server(server_args({"-msg"}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = client(server, {"-msg"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // ServerHelloDone is four bytes, always: type 14, length 0.
  EXPECT_TRUE(contains(r.output,
                       "<<< TLSv1.2 Handshake [length 0004], ServerHelloDone\n    0e 00 "
                       "00 00\n"))
      << r.output;
  EXPECT_TRUE(in_order(
      r.output,
      {">>> TLS Handshake [length ", "], ClientHello\n    01 00 ", "<<< TLSv1.2 Handshake [length ",
       "], ServerHello\n    02 00 ", "<<< TLSv1.2 Handshake [length ", "], Certificate\n    0b ",
       ">>> TLSv1.2 ChangeCipherSpec [length 0001]\n    01\n",
       ">>> TLSv1.2 Handshake [length 0010], Finished\n    14 00 00 0c",
       "<<< TLSv1.2 ChangeCipherSpec [length 0001]\n    01\n",
       "<<< TLSv1.2 Handshake [length 0010], Finished\n    14 00 00 0c"}));
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(
      in_order(server.output(), {"[1] <<< TLS Handshake [length ", "], ClientHello\n[1]     01 00 ",
                                 "[1] >>> TLSv1.2 Handshake [length 0004], ServerHelloDone\n"
                                 "[1]     0e 00 00 00\n"}));
}

TEST_F(TraceTest, TraceDecodesEveryMessageFieldByField) {
  ToolServer server(server_args({"-trace"}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = client(server, {"-trace", "-servername", "localhost"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(in_order(
      r.output,
      {"[client] state SSL3_ST_CW_CLNT_HELLO\n", "[client] sent ClientHello, ",
       " bytes, in SSL3_ST_CW_CLNT_HELLO\n", "client_version = 0303  (TLSv1.2 (0x0303))\n",
       "localhost", "[client] received ServerHello, ", "[client] received Certificate, ",
       "[client] received ServerHelloDone, 4 bytes", "[client] sent ClientKeyExchange, ",
       "[client] sent ChangeCipherSpec in SSL3_ST_CW_CHANGE\n", "[client] sent Finished, 16 bytes",
       "[client] received ChangeCipherSpec in SSL3_ST_CR_CHANGE\n",
       "[client] received Finished, 16 bytes"}));
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(in_order(server.output(),
                       {"[1] [server] received ClientHello, ", "[1] [server] sent ServerHello, "}));
}

TEST_F(TraceTest, ShowkeysPrintsTheSecretsBothKeyLogsAgreeWith) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string keylog = (dir / ("tlspp-tools-showkeys-" + std::to_string(getpid()))).string();
  const std::string server_keylog = keylog + "-server";
  std::filesystem::remove(keylog);
  std::filesystem::remove(server_keylog);
  ToolServer server(server_args({"-keylogfile", server_keylog}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = client(server, {"-showkeys", "-keylogfile", keylog});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  const auto first_line = [](const std::string &path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
  };
  const std::string line = first_line(keylog);
  ASSERT_TRUE(line.starts_with("CLIENT_RANDOM ")) << line;
  EXPECT_EQ(first_line(server_keylog), line);
  const std::string master = line.substr(line.rfind(' ') + 1);
  EXPECT_EQ(master.size(), 96u);
  EXPECT_TRUE(contains(r.output, "derived master_secret (48 bytes): " + master)) << r.output;
  std::filesystem::remove(keylog);
  std::filesystem::remove(server_keylog);
}

TEST_F(TraceTest, FailureOnBothSidesNamesStateAlertAndReason) {
  ToolServer server(server_args({"-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}));
  ASSERT_NE(server.port(), 0) << server.output();
  const auto r = client(server, {"-cipher", "ECDHE-RSA-AES256-GCM-SHA384"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(contains(r.output, "handshake failed in SSL3_ST_CR_SRVR_HELLO\n")) << r.output;
  EXPECT_TRUE(contains(r.output, "alert: handshake_failure (fatal, received)\n")) << r.output;
  EXPECT_TRUE(contains(r.output, "reason: ")) << r.output;
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] handshake failed in SSL3_ST_SR_CLNT_HELLO\n"))
      << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] alert: handshake_failure (fatal, sent)\n"))
      << server.output();
  EXPECT_TRUE(contains(server.output(), "[1] reason: ")) << server.output();
}

}  // namespace
}  // namespace tls::tools_test
