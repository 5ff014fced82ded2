#include "support/temp_dir.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace tls::test {

TempDir::TempDir(std::string_view prefix) {
  std::error_code ec;
  std::string base = std::filesystem::temp_directory_path(ec).string();
  if (ec) base = "/tmp";
  std::string pattern = base + "/" + std::string(prefix) + "-XXXXXX";
  if (::mkdtemp(pattern.data())) path_ = pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::file(std::string_view name) const {
  return path_ + "/" + std::string(name);
}

std::string TempDir::write(std::string_view name, std::string_view contents) const {
  const std::string path = file(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return out ? path : std::string();
}

std::string read_text_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> pem_blocks(std::string_view pem) {
  std::vector<std::string> blocks;
  constexpr std::string_view kBegin = "-----BEGIN ", kEnd = "-----END ";
  std::size_t at = 0;
  while ((at = pem.find(kBegin, at)) != std::string_view::npos) {
    const std::size_t end = pem.find(kEnd, at);
    if (end == std::string_view::npos) break;
    std::size_t stop = pem.find('\n', end);
    stop = stop == std::string_view::npos ? pem.size() : stop + 1;
    std::string block(pem.substr(at, stop - at));
    if (block.back() != '\n') block += '\n';
    blocks.push_back(std::move(block));
    at = stop;
  }
  return blocks;
}

}  // namespace tls::test
