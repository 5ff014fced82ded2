#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace tls::test {
namespace {

// Captured output beyond this is dropped (a peer in a verbose loop must not eat the memory).
constexpr std::size_t kMaxCapture = 4u << 20;

void close_fd(int &fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

bool is_executable(const std::string &path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// The full path of a program, looked up on $PATH; empty when not found.
std::string find_program(const std::string &name) {
  if (name.find('/') != std::string::npos) return is_executable(name) ? name : std::string();
  const char *path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && is_executable(dir + "/" + name)) return dir + "/" + name;
  return {};
}

}  // namespace

bool have_program(const std::string &name) {
  return !find_program(name).empty();
}

std::optional<std::string> run(const std::string &command, int *status) {
  std::FILE *p = ::popen(command.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
    out.append(buf, n);
  const int rc = ::pclose(p);
  const int code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  if (status) *status = code;
  if (!status && code != 0) return std::nullopt;
  return out;
}

std::string shell_quote(std::string_view word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::unique_ptr<Process> Process::start(const std::vector<std::string> &argv,
                                        const std::vector<std::string> &env, std::string *error) {
  auto fail = [&](const std::string &why) -> std::unique_ptr<Process> {
    if (error) *error = why;
    return nullptr;
  };
  if (argv.empty()) return fail("empty command line");
  const std::string program = find_program(argv[0]);
  if (program.empty()) return fail(argv[0] + ": not installed");

  int in_pipe[2], out_pipe[2], err_pipe[2], wake_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) return fail(std::strerror(errno));
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(wake_pipe, O_CLOEXEC) != 0)
    return fail(std::strerror(errno));  // fds leak only in a test that is failing anyway

  // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char **e = environ; *e; ++e)
    env_strings.emplace_back(*e);
  for (const std::string &e : env)
    env_strings.push_back(e);
  std::vector<char *> envp;
  for (std::string &e : env_strings)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) return fail(std::strerror(errno));
  if (pid == 0) {
    // The peer dies with the test process, even when the test is killed or aborts.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::setpgid(0, 0);  // its own group: a terminal's ^C reaches the test, which then stops it
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::signal(SIGPIPE, SIG_DFL);
    ::execve(program.c_str(), args.data(), envp.data());
    ::_exit(127);
  }

  std::unique_ptr<Process> p(new Process());
  p->pid_ = pid;
  p->argv_ = argv;
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  p->stdin_fd_ = in_pipe[1];
  p->wake_write_fd_ = wake_pipe[1];
  p->reader_ = std::thread(&Process::reader_loop, p.get(), out_pipe[0], err_pipe[0], wake_pipe[0]);
  return p;
}

Process::~Process() {
  stop();
}

void Process::reader_loop(int out_fd, int err_fd, int wake_fd) {
  pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {wake_fd, POLLIN, 0}};
  int open_streams = 2;
  char buf[8192];
  while (open_streams > 0) {
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].revents) break;  // stop() asked us to finish
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !fds[i].revents) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      std::lock_guard lock(mutex_);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_streams;
      } else {
        std::string &sink = i == 0 ? out_ : err_;
        if (sink.size() < kMaxCapture) sink.append(buf, static_cast<std::size_t>(n));
      }
      changed_.notify_all();
    }
  }
  for (int i = 0; i < 3; ++i)
    if (fds[i].fd >= 0) ::close(fds[i].fd);
  std::lock_guard lock(mutex_);
  output_closed_ = true;
  changed_.notify_all();
}

bool Process::write_stdin(std::string_view data) {
  // A child that exited must not kill the test with SIGPIPE.
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  bool ok = stdin_fd_ >= 0;
  while (ok && !data.empty()) {
    const ssize_t n = ::write(stdin_fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  ::sigaction(SIGPIPE, &old, nullptr);
  return ok;
}

void Process::close_stdin() {
  close_fd(stdin_fd_);
}

bool Process::wait_for(std::string_view needle, std::chrono::milliseconds timeout, Stream stream) {
  return wait_until(
      [&](std::string_view out, std::string_view err) {
        return (stream != Stream::err && out.find(needle) != std::string_view::npos) ||
               (stream != Stream::out && err.find(needle) != std::string_view::npos);
      },
      timeout);
}

bool Process::reap(bool block) {
  if (exit_code_) return true;
  if (pid_ <= 0) return true;
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return false;
  if (r < 0) {
    exit_code_ = -1;  // not our child any more (should not happen)
    return true;
  }
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

bool Process::running() {
  return !reap(false);
}

std::optional<int> Process::wait_exit(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!reap(false)) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(10ms);
  }
  // The child is gone; whatever it wrote is in the pipes (unless a grandchild holds them).
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, 1000ms, [&] { return output_closed_; });
  return exit_code_;
}

void Process::stop(std::chrono::milliseconds grace) {
  // The signal comes before stdin closes: some peers (tstclnt) spin on a closed stdin.
  if (pid_ > 0 && !reap(false)) {
    ::kill(pid_, SIGTERM);
    if (!wait_exit(grace)) {
      ::kill(pid_, SIGKILL);
      reap(true);
    }
  }
  close_fd(stdin_fd_);
  // Let the reader take what is left in the pipes, then tell it to finish.
  {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, 500ms, [&] { return output_closed_; });
  }
  close_fd(wake_write_fd_);
  if (reader_.joinable()) reader_.join();
}

std::string Process::out() const {
  std::lock_guard lock(mutex_);
  return out_;
}

std::string Process::err() const {
  std::lock_guard lock(mutex_);
  return err_;
}

std::string Process::describe() const {
  std::string cmd;
  for (const std::string &a : argv_)
    cmd += (cmd.empty() ? "" : " ") + shell_quote(a);
  std::lock_guard lock(mutex_);
  std::string text = "command: " + cmd + "\n";
  if (exit_code_) text += "exit code: " + std::to_string(*exit_code_) + "\n";
  text += "--- stdout ---\n" + out_.substr(0, 16384) + "\n--- stderr ---\n" +
          err_.substr(0, 16384) + "\n---";
  return text;
}

}  // namespace tls::test
