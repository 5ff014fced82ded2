// Running programs from the api and tools tests: the examples, tls-client / tls-server, openssl
// s_server / s_client, cmake. Each child gets its own process group and is stopped by its PID.
// A program run to its end gets its input and output through pipes; a program left running
// writes to a log file. Ports and $PATH lookups come from tests/support.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/net.hpp"
#include "support/process.hpp"

namespace tls::api_test {

// The build directory: where the test programs are.
inline std::filesystem::path build_dir() {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path();
}

inline bool program_exists(const std::string &name) {
  return test::have_program(name);
}

struct Finished {
  int exit_code = -1;  // -1: killed (timeout) or not started
  std::string output;  // stdout and stderr together
};

inline pid_t spawn(const std::vector<std::string> &argv, int in_fd, int out_fd,
                   const std::vector<std::string> &env = {}) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, 0);
  dup2(in_fd, 0);
  dup2(out_fd, 1);
  dup2(out_fd, 2);
  for (const auto &e : env)
    putenv(const_cast<char *>(e.c_str()));
  std::vector<char *> args;
  for (const auto &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

// Runs a program to its end (or kills it after `timeout`), feeding it `input`.
inline Finished run(const std::vector<std::string> &argv, const std::string &input = {},
                    std::chrono::seconds timeout = std::chrono::seconds(60),
                    const std::vector<std::string> &env = {}) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) return {};
  const pid_t pid = spawn(argv, in[0], out[1], env);
  close(in[0]);
  close(out[1]);
  if (!input.empty()) (void)!write(in[1], input.data(), input.size());
  close(in[1]);
  Finished result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[4096];
  for (;;) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) > 0) {
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      result.output.append(buffer, static_cast<std::size_t>(n));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      break;
    }
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

// A program left running (a server); its output goes to a file. Stopped by its PID.
class Background {
 public:
  explicit Background(const std::vector<std::string> &argv) {
    log_ = std::filesystem::temp_directory_path() /
           ("tlspp-api-" + std::to_string(getpid()) + "-" + std::to_string(counter()++) + ".log");
    const int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_in = open("/dev/null", O_RDONLY);
    pid_ = spawn(argv, null_in, out);
    close(out);
    close(null_in);
  }
  ~Background() {
    stop();
    std::filesystem::remove(log_);
  }
  std::string output() const {
    std::string text;
    if (FILE *f = std::fopen(log_.c_str(), "r")) {
      char buffer[4096];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        text.append(buffer, n);
      std::fclose(f);
    }
    return text;
  }
  // Waits for the program to end by itself; its exit code, or -1.
  int wait_exit(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM);
    int status;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  static int &counter() {
    static int n = 0;
    return n;
  }
  pid_t pid_ = -1;
  std::filesystem::path log_;
};

inline int free_port() {
  return test::free_port();
}

// True once something listens on `port` (checked without connecting: a server started with
// -naccept 1 would count a probe connection as its one client).
inline bool wait_for_port(int port, std::chrono::seconds timeout = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (test::port_listening(static_cast<std::uint16_t>(port))) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace tls::api_test
