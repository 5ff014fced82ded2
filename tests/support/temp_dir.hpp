// A temporary directory removed, with everything in it, when it goes out of scope.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tls::test {

class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "tlspp-test");  // check valid()
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  bool valid() const { return !path_.empty(); }
  const std::string &path() const { return path_; }
  // path()/name
  std::string file(std::string_view name) const;
  // Writes a file in the directory; its path, or empty on failure.
  std::string write(std::string_view name, std::string_view contents) const;

 private:
  std::string path_;
};

// The whole contents of a file, or empty when it cannot be read.
std::string read_text_file(const std::string &path);

// The PEM blocks ("-----BEGIN ...-----" to "-----END ...-----\n") of a PEM text, in order.
std::vector<std::string> pem_blocks(std::string_view pem);

}  // namespace tls::test
