// Running tls-client and tls-server from the tools tests, next to openssl s_server / s_client.
// Process handling (fork/exec, own process group, stop by PID, free ports) is the api tests'
// process.hpp.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "unit/api/api_test_util.hpp"
#include "unit/api/process.hpp"

namespace tls::tools_test {

using api_test::Background;
using api_test::data_path;
using api_test::Finished;
using api_test::free_port;
using api_test::program_exists;
using api_test::run;
using api_test::wait_for_port;

inline std::string tool(const std::string &name) {
  return (api_test::build_dir() / name).string();
}

inline bool tools_built() {
  return std::filesystem::exists(tool("tls-client")) && std::filesystem::exists(tool("tls-server"));
}

inline bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

inline std::size_t count_of(const std::string &text, const std::string &part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++n;
  return n;
}

// A tls-server started with -accept 127.0.0.1:0 in its own process group, its output in a
// file; port() is the one it printed ("ACCEPT 127.0.0.1:PORT"). Stopped by its PID.
class ToolServer {
 public:
  explicit ToolServer(std::vector<std::string> args) {
    std::vector<std::string> argv{tool("tls-server"), "-accept", "127.0.0.1:0"};
    argv.insert(argv.end(), args.begin(), args.end());
    log_ =
        std::filesystem::temp_directory_path() / ("tlspp-tools-server-" + std::to_string(getpid()) +
                                                  "-" + std::to_string(counter()++) + ".log");
    const int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_in = open("/dev/null", O_RDONLY);
    pid_ = api_test::spawn(argv, null_in, out);
    close(out);
    close(null_in);
    for (int i = 0; i < 400 && port_ == 0 && pid_ > 0; ++i) {
      const std::string text = output();
      const auto at = text.find("ACCEPT 127.0.0.1:");
      const auto end = at == std::string::npos ? at : text.find('\n', at);
      if (end != std::string::npos)
        port_ = std::stoi(text.substr(at + 17, end - at - 17));
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
  ~ToolServer() {
    if (pid_ > 0) {
      kill(-pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove(log_);
  }
  ToolServer(const ToolServer &) = delete;
  ToolServer &operator=(const ToolServer &) = delete;

  int port() const { return port_; }
  std::string connect_arg() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string output() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // Sends a signal to the server alone.
  void signal(int number) const {
    if (pid_ > 0) kill(pid_, number);
  }
  // Waits for the server to end by itself; its exit code, or -1 (then it is killed).
  int wait_exit(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      if (std::chrono::steady_clock::now() >= deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  static int &counter() {
    static int n = 0;
    return n;
  }
  pid_t pid_ = -1;
  int port_ = 0;
  std::filesystem::path log_;
};

// openssl s_server on a free port with the RSA test server (chain: leaf + intermediate).
inline std::vector<std::string> openssl_server_args(int port, std::vector<std::string> extra) {
  std::vector<std::string> argv{"openssl",     "s_server",
                                "-accept",     "127.0.0.1:" + std::to_string(port),
                                "-cert",       data_path("server-rsa2048.pem"),
                                "-cert_chain", data_path("intermediate-ca.pem"),
                                "-key",        data_path("server-rsa2048.key")};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

inline const std::string kHttpGet = "GET / HTTP/1.0\r\n\r\n";

}  // namespace tls::tools_test
