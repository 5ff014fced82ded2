// -keylogfile FILE (or $SSLKEYLOGFILE): NSS key log lines appended to a file, one per
// handshake, flushed at once so that Wireshark can read them while the capture runs.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include <tls/context.hpp>

namespace tls::tools {

class KeylogFile {
 public:
  KeylogFile() = default;
  KeylogFile(const KeylogFile &) = delete;
  KeylogFile &operator=(const KeylogFile &) = delete;
  ~KeylogFile() {
    if (file_ != nullptr) std::fclose(file_);
  }

  // `path` empty: $SSLKEYLOGFILE when set, else no key log. False (with `error`) when the file
  // cannot be opened.
  bool open(std::string path, std::string &error) {
    if (path.empty()) {
      const char *env = std::getenv("SSLKEYLOGFILE");
      if (env == nullptr || *env == '\0') return true;
      path = env;
    }
    file_ = std::fopen(path.c_str(), "a");
    if (file_ == nullptr) {
      error = "cannot open the key log file " + path;
      return false;
    }
    path_ = path;
    return true;
  }

  bool active() const { return file_ != nullptr; }
  const std::string &path() const { return path_; }

  void install(Context &ctx) {
    if (file_ == nullptr) return;
    ctx.set_keylog_callback([this](std::string_view line) {
      std::fprintf(file_, "%.*s\n", static_cast<int>(line.size()), line.data());
      std::fflush(file_);
    });
  }

 private:
  std::FILE *file_ = nullptr;
  std::string path_;
};

}  // namespace tls::tools
