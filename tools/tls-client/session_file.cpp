// The session file: PEM ("TLSPP SESSION PARAMETERS") around Session::to_bytes().
#include "session_file.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"
#include "x509/pem.hpp"

namespace tls::tools {
namespace {

constexpr std::string_view kLabel = "TLSPP SESSION PARAMETERS";

Error file_error(std::string reason) {
  return Error{AlertDescription::internal_error, std::move(reason)};
}

}  // namespace

Status save_session(const Session &session, const std::string &path) {
  std::vector<std::uint8_t> bytes = session.to_bytes();
  const SecureBuffer body = to_secure(bytes);
  std::fill(bytes.begin(), bytes.end(), std::uint8_t{0});
  if (body.empty()) return file_error("-sess_out: the connection has no session to save");
  const std::string pem = x509::encode_pem(kLabel, ByteView(body));
  const mode_t old_mask = umask(077);  // the master secret is inside
  std::FILE *f = std::fopen(path.c_str(), "w");
  umask(old_mask);
  if (f == nullptr) return file_error("-sess_out: cannot write " + path);
  const bool written = std::fwrite(pem.data(), 1, pem.size(), f) == pem.size();
  if (std::fclose(f) != 0 || !written) return file_error("-sess_out: cannot write " + path);
  return {};
}

Result<Session> load_session(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return file_error("-sess_in: cannot read " + path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto blocks = x509::parse_pem(as_bytes(text));
  if (!blocks) return file_error("-sess_in: " + path + ": " + blocks.error().reason);
  for (const auto &block : *blocks) {
    if (block.label != kLabel) continue;
    auto session = Session::from_bytes(block.der);
    if (!session) return file_error("-sess_in: " + path + ": " + session.error().reason);
    return session;
  }
  return file_error("-sess_in: " + path + ": no " + std::string(kLabel) + " block");
}

}  // namespace tls::tools
