// Wireshark: a loopback capture of a tls-client ↔ tls-server session decrypts in tshark with
// the key log tls-client wrote (-keylogfile), and only with it. Skipped with a message where
// tshark is missing or may not capture.
#include <signal.h>

#include "tools_harness.hpp"

namespace tls::tools_test {
namespace {

// tshark capturing loopback traffic on one port into a file; stopped by its PID with SIGINT so
// that it writes everything it saw.
class Capture {
 public:
  Capture(int port, const std::filesystem::path &pcap) {
    log_ = pcap.string() + ".log";
    const int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_in = open("/dev/null", O_RDONLY);
    pid_ = api_test::spawn(
        {"tshark", "-i", "lo", "-f", "tcp port " + std::to_string(port), "-w", pcap.string()},
        null_in, out);
    close(out);
    close(null_in);
  }
  ~Capture() {
    stop();
    std::filesystem::remove(log_);
  }
  // True once tshark says it captures; false when it ended or complained.
  bool started() {
    for (int i = 0; i < 200; ++i) {
      const std::string text = log();
      // dumpcap reports "Capture started" once it reads packets; a moment more lets the
      // capture filter settle before the session starts.
      if (contains(text, "Capture started")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return true;
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::string log() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGINT);
    for (int i = 0; i < 200; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
  std::string log_;
};

TEST(Wireshark, KeylogDecryptsALoopbackCaptureInTshark) {
  if (!tools_built()) GTEST_SKIP() << "tools not built (TLS_BUILD_TOOLS=OFF)";
  if (!program_exists("tshark")) GTEST_SKIP() << "tshark is not installed: nothing to check with";
  const auto dir = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(getpid());
  const auto pcap = dir / ("tlspp-tools-" + tag + ".pcap");
  const auto keylog = dir / ("tlspp-tools-" + tag + ".keys");
  std::filesystem::remove(pcap);
  std::filesystem::remove(keylog);

  ToolServer server({"-cert", data_path("server-rsa2048.chain.pem"), "-key",
                     data_path("server-rsa2048.key"), "-www", "-quiet", "-naccept", "1"});
  ASSERT_NE(server.port(), 0) << server.output();
  Capture capture(server.port(), pcap);
  if (!capture.started())
    GTEST_SKIP() << "tshark cannot capture on lo here (not root, or no capture rights):\n"
                 << capture.log();

  const std::string path = "/tlspp-wireshark-check-" + tag;
  const auto r = run({tool("tls-client"), "-connect", server.connect_arg(), "-CAfile",
                      data_path("root-ca.pem"), "-keylogfile", keylog.string(), "-quiet"},
                     "GET " + path + " HTTP/1.0\r\n\r\n", std::chrono::seconds(30));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_TRUE(contains(r.output, "GET " + path)) << r.output;  // the page quotes the request
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the last packets reach tshark
  capture.stop();

  // The port is not a TLS or HTTP port tshark knows: say so; the HTTP body is left whole.
  const std::string port = std::to_string(server.port());
  const auto read_back = [&](bool with_keys) {
    std::vector<std::string> argv{"tshark",
                                  "-r",
                                  pcap.string(),
                                  "-o",
                                  "http.desegment_body:FALSE",
                                  "-d",
                                  "tcp.port==" + port + ",tls",
                                  "-d",
                                  "tls.port==" + port + ",http",
                                  "-T",
                                  "fields",
                                  "-e",
                                  "http.request.uri",
                                  "-e",
                                  "http.response.code"};
    if (with_keys) {
      argv.push_back("-o");
      argv.push_back("tls.keylog_file:" + keylog.string());
    }
    return run(argv, {}, std::chrono::seconds(60));
  };
  const auto decrypted = read_back(true);
  EXPECT_EQ(decrypted.exit_code, 0) << decrypted.output;
  EXPECT_TRUE(contains(decrypted.output, path + "\t")) << "request not decrypted:\n"
                                                       << decrypted.output << capture.log();
  EXPECT_TRUE(contains(decrypted.output, "\t200")) << "response not decrypted:\n"
                                                   << decrypted.output;
  // Without the key log the same capture shows nothing of it.
  const auto opaque = read_back(false);
  EXPECT_EQ(opaque.exit_code, 0) << opaque.output;
  EXPECT_FALSE(contains(opaque.output, path)) << opaque.output;
  EXPECT_FALSE(contains(opaque.output, "200")) << opaque.output;

  std::filesystem::remove(pcap);
  std::filesystem::remove(keylog);
}

}  // namespace
}  // namespace tls::tools_test
