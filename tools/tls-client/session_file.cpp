// The session file: PEM around
//   u16 format (1) | u16 version | u16 cipher suite | opaque8 session id |
//   opaque8 master secret | u8 extended master secret | opaque16 server name
#include "session_file.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

#include "api/session_impl.hpp"
#include "cipher/suites.hpp"
#include "common/reader.hpp"
#include "common/writer.hpp"
#include "x509/pem.hpp"

namespace tls::tools {
namespace {

constexpr std::string_view kLabel = "TLSPP SESSION PARAMETERS";
constexpr std::uint16_t kFormat = 1;

Error file_error(std::string reason) {
  return Error{AlertDescription::internal_error, std::move(reason)};
}

}  // namespace

Status save_session(const Session &session, const std::string &path) {
  const Session::Impl *s = session.internal();
  if (s == nullptr || s->suite == nullptr)
    return file_error("-sess_out: the connection has no session to save");
  Writer w;
  w.u16(kFormat);
  w.u16(to_wire(s->version));
  w.u16(s->suite->id);
  w.opaque8(s->id);
  w.opaque8(ByteView(s->master_secret));
  w.u8(s->extended_master_secret ? 1 : 0);
  w.opaque16(as_bytes(s->server_name));
  if (!w.ok()) return w.error();
  SecureBuffer body = to_secure(w.data());
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
    Reader r(ByteView(block.der), "session file");
    const std::uint16_t format = r.u16();
    const std::uint16_t wire_version = r.u16();
    const std::uint16_t suite_id = r.u16();
    const ByteView id = r.opaque8(0, 32);
    const ByteView master = r.opaque8(48, 48);
    const std::uint8_t ems = r.u8();
    const ByteView name = r.opaque16();
    if (!r.expect_end()) return file_error("-sess_in: " + path + ": " + r.message());
    if (format != kFormat)
      return file_error("-sess_in: " + path + ": unknown format " + std::to_string(format));
    const auto version = version_from_wire(wire_version);
    const auto *suite = cipher::find_suite(suite_id);
    if (!version || suite == nullptr || ems > 1)
      return file_error("-sess_in: " + path + ": unknown version, suite or flag");
    auto impl = std::make_shared<Session::Impl>();
    impl->version = *version;
    impl->suite = suite;
    impl->id.assign(id.begin(), id.end());
    impl->master_secret = to_secure(master);
    impl->extended_master_secret = ems == 1;
    impl->server_name.assign(name.begin(), name.end());
    return Session(std::move(impl));
  }
  return file_error("-sess_in: " + path + ": no " + std::string(kLabel) + " block");
}

}  // namespace tls::tools
