// A child process for tests: started with its stdin, stdout and stderr on pipes, its output
// captured by a background thread, and stopped by PID (SIGTERM, then SIGKILL) and reaped when the
// object goes away — so that a failing or aborted test leaves no process behind.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace tls::test {

using namespace std::chrono_literals;

// Whether `name` is an executable found on $PATH (or an absolute path to one).
bool have_program(const std::string &name);

// Runs a command line through /bin/sh; its standard output, or nullopt when it could not run or
// exited non-zero (its status in *status when given; then a non-zero exit still returns output).
std::optional<std::string> run(const std::string &command, int *status = nullptr);

// Quotes a word for /bin/sh.
std::string shell_quote(std::string_view word);

enum class Stream : unsigned char { out, err, either };

class Process {
 public:
  // Starts argv[0] (looked up on $PATH) with `env` added to the environment ("NAME=value").
  // Returns nullptr, with the reason in *error, when the program cannot be started.
  static std::unique_ptr<Process> start(const std::vector<std::string> &argv,
                                        const std::vector<std::string> &env = {},
                                        std::string *error = nullptr);

  ~Process();  // stop()
  Process(const Process &) = delete;
  Process &operator=(const Process &) = delete;

  pid_t pid() const { return pid_; }
  const std::vector<std::string> &argv() const { return argv_; }

  // Writes everything to the child's stdin; false when the pipe is closed (the child is gone).
  bool write_stdin(std::string_view data);
  void close_stdin();

  // Waits until `needle` appears in the captured output (from the start), the child's output
  // ends, or the timeout passes. True when it appeared.
  bool wait_for(std::string_view needle, std::chrono::milliseconds timeout,
                Stream stream = Stream::either);
  // Waits until `predicate(stdout, stderr)` holds or the timeout passes (or the output ends).
  template <class Predicate>
  bool wait_until(Predicate predicate, std::chrono::milliseconds timeout);

  // Waits for the child to exit by itself; its exit code (128 + signal when killed), or nullopt
  // on timeout. The output pipes are drained before it returns.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);
  bool running();

  // SIGTERM, up to `grace` for the child to exit, then SIGKILL; always reaps. Idempotent.
  void stop(std::chrono::milliseconds grace = 2000ms);

  std::string out() const;
  std::string err() const;
  // The command line and everything captured so far, for failure messages.
  std::string describe() const;

 private:
  Process() = default;
  void reader_loop(int out_fd, int err_fd, int wake_fd);
  bool reap(bool block);

  pid_t pid_ = -1;
  std::vector<std::string> argv_;
  int stdin_fd_ = -1;
  int wake_write_fd_ = -1;  // closing it tells the reader thread to finish
  std::thread reader_;
  std::optional<int> exit_code_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_, err_;
  bool output_closed_ = false;
};

template <class Predicate>
bool Process::wait_until(Predicate predicate, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    return predicate(std::string_view(out_), std::string_view(err_)) || output_closed_;
  }) && predicate(std::string_view(out_), std::string_view(err_));
}

}  // namespace tls::test
