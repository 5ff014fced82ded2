// The examples, run as programs: against each other and against openssl s_server / s_client.
#include <cstdlib>

#include "api_test_util.hpp"
#include "process.hpp"

namespace tls::api_test {
namespace {

std::string example(const std::string &name) {
  return (build_dir() / "examples" / name).string();
}

bool examples_built() {
  return std::filesystem::exists(example("https_client")) &&
         std::filesystem::exists(example("echo_server")) &&
         std::filesystem::exists(example("sansio_client"));
}

// Starts the echo server on a free port (it prints "listening on PORT"); 0 when it did not.
int start_echo_server(std::unique_ptr<Background> &server, int max_clients) {
  server = std::make_unique<Background>(
      std::vector<std::string>{example("echo_server"), "0", data_path("server-rsa2048.chain.pem"),
                               data_path("server-rsa2048.key"), std::to_string(max_clients)});
  const std::string marker = "listening on ";
  for (int i = 0; i < 200; ++i) {
    const std::string out = server->output();
    if (const auto at = out.find(marker);
        at != std::string::npos && out.find('\n', at) != std::string::npos)
      return std::atoi(out.c_str() + at + marker.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return 0;
}

std::vector<std::string> openssl_server(int port) {
  return {"openssl",     "s_server",
          "-accept",     "127.0.0.1:" + std::to_string(port),
          "-cert",       data_path("server-rsa2048.pem"),
          "-cert_chain", data_path("intermediate-ca.pem"),
          "-key",        data_path("server-rsa2048.key"),
          "-www",        "-quiet"};
}

TEST(Examples, SansIoClientCompletesAHandshakeOverTwoBuffers) {
  if (!examples_built()) GTEST_SKIP() << "examples not built (TLS_BUILD_EXAMPLES=OFF)";
  const auto r = run({example("sansio_client"), data_path("server-p256.chain.pem"),
                      data_path("server-p256.key"), data_path("root-ca.pem")});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("handshake done: TLSv1.2"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("client SSL3_ST_CR_FINISHED"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("server read: hello through two buffers"), std::string::npos);
}

TEST(Examples, HttpsClientAgainstEchoServer) {
  if (!examples_built()) GTEST_SKIP() << "examples not built";
  std::unique_ptr<Background> server;
  const int port = start_echo_server(server, 1);
  ASSERT_NE(port, 0) << server->output();
  const auto r = run({example("https_client"), "localhost", std::to_string(port),
                      data_path("root-ca.pem"), "/echo-me"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // The echo of the request, and the client's summary.
  EXPECT_NE(r.output.find("GET /echo-me HTTP/1.0\r\nHost: localhost"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("connected: TLSv1.2"), std::string::npos) << r.output;
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(20)), 0) << server->output();
}

TEST(Examples, EchoServerServesManyClientsAtOnce) {
  if (!examples_built()) GTEST_SKIP() << "examples not built";
  constexpr int kClients = 8;
  std::unique_ptr<Background> server;
  const int port = start_echo_server(server, kClients);
  ASSERT_NE(port, 0) << server->output();
  std::vector<std::thread> threads;
  std::vector<Finished> results(kClients);
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      results[static_cast<std::size_t>(i)] =
          run({example("https_client"), "localhost", std::to_string(port), data_path("root-ca.pem"),
               "/client-" + std::to_string(i)});
    });
  }
  for (auto &t : threads)
    t.join();
  for (int i = 0; i < kClients; ++i) {
    const auto &r = results[static_cast<std::size_t>(i)];
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("GET /client-" + std::to_string(i) + " HTTP/1.0"), std::string::npos);
  }
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(30)), 0) << server->output();
}

std::string read_text(const std::filesystem::path &path) {
  std::string text;
  if (FILE *f = std::fopen(path.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
      text.append(buffer, n);
    std::fclose(f);
  }
  return text;
}

TEST(Examples, HttpsClientAgainstOpensslServer) {
  if (!examples_built()) GTEST_SKIP() << "examples not built";
  if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  const int port = free_port();
  const auto tmp = std::filesystem::temp_directory_path();
  const auto ours = tmp / ("tlspp-keylog-client-" + std::to_string(getpid()));
  const auto theirs = tmp / ("tlspp-keylog-server-" + std::to_string(getpid()));
  auto argv = openssl_server(port);
  argv.insert(argv.end(), {"-keylogfile", theirs.string()});
  Background server(argv);
  ASSERT_TRUE(wait_for_port(port)) << server.output();
  const auto r =
      run({example("https_client"), "localhost", std::to_string(port), data_path("root-ca.pem")},
          {}, std::chrono::seconds(60), {"SSLKEYLOGFILE=" + ours.string()});
  // The key log line ($SSLKEYLOGFILE) is the one OpenSSL writes for the same connection.
  const std::string our_log = read_text(ours);
  const std::string their_log = read_text(theirs);
  std::filesystem::remove(ours);
  std::filesystem::remove(theirs);
  ASSERT_EQ(our_log.rfind("CLIENT_RANDOM ", 0), 0u) << our_log;
  EXPECT_NE(their_log.find(our_log), std::string::npos) << our_log << "\n" << their_log;
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("HTTP/1.0 200 ok"), std::string::npos) << r.output;
  // s_server -www describes the connection: our suite and version.
  EXPECT_NE(r.output.find("TLSv1.2"), std::string::npos) << r.output;
}

TEST(Examples, HttpsClientRefusesAServerItCannotVerify) {
  if (!examples_built()) GTEST_SKIP() << "examples not built";
  if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  const int port = free_port();
  Background server(openssl_server(port));
  ASSERT_TRUE(wait_for_port(port)) << server.output();
  const auto r = run({example("https_client"), "localhost", std::to_string(port),
                      data_path("untrusted-root-ca.pem")});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("handshake failed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("unknown_ca"), std::string::npos) << r.output;
}

TEST(Examples, EchoServerAgainstOpensslClient) {
  if (!examples_built()) GTEST_SKIP() << "examples not built";
  if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  std::unique_ptr<Background> server;
  const int port = start_echo_server(server, 1);
  ASSERT_NE(port, 0) << server->output();
  // -ign_eof: keep reading after our input ends, until the server closes (it does after an
  // HTTP-style request, i.e. one ending in an empty line).
  const auto r = run({"openssl", "s_client", "-connect", "127.0.0.1:" + std::to_string(port),
                      "-CAfile", data_path("root-ca.pem"), "-verify_hostname", "localhost",
                      "-verify_return_error", "-ign_eof"},
                     "echo this back\r\n\r\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Verify return code: 0 (ok)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Protocol  : TLSv1.2"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("echo this back"), std::string::npos) << r.output;
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(20)), 0) << server->output();
}

}  // namespace
}  // namespace tls::api_test
