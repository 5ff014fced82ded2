#include "record/sslv2_client_hello.hpp"

#include <cstdio>

#include <tls/version.hpp>

namespace tls::record {
namespace {

constexpr std::size_t kSslv2FixedPart = 9;  // msg_type + version + three 2-byte lengths

// "TLSv1 (0x0301)", "SSLv2 (0x0002)", or the hex alone for a version tlspp does not name.
std::string offered_version_text(std::uint16_t wire) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%04x", wire);
  if (wire == 0x0002) return std::string("SSLv2 (") + hex + ")";
  if (auto v = version_from_wire(wire)) return std::string(version_name(*v)) + " (" + hex + ")";
  return hex;
}

}  // namespace

bool looks_like_sslv2_client_hello(ByteView first_bytes) noexcept {
  if (first_bytes.size() < 3) return false;
  if ((first_bytes[0] & 0x80) == 0) return false;
  const std::size_t length = static_cast<std::size_t>(first_bytes[0] & 0x7f) << 8 | first_bytes[1];
  if (length < kSslv2FixedPart) return false;
  if (first_bytes[2] != 1) return false;  // SSL2_MT_CLIENT_HELLO
  if (first_bytes.size() >= 5) {
    const bool v2 = first_bytes[3] == 0x00 && first_bytes[4] == 0x02;
    const bool v3 = first_bytes[3] == 0x03;
    if (!v2 && !v3) return false;
  }
  return true;
}

Error sslv2_client_hello_error(ByteView first_bytes) {
  std::string reason = "SSLv2-format ClientHello refused";
  if (first_bytes.size() >= 5) {
    const std::uint16_t version = static_cast<std::uint16_t>(first_bytes[3] << 8 | first_bytes[4]);
    reason += " (the client offers " + offered_version_text(version) + ")";
  }
  reason +=
      ": tlspp accepts only TLS-format hellos; configure the client to send a TLS ClientHello";
  return Error{AlertDescription::handshake_failure, std::move(reason)};
}

}  // namespace tls::record
