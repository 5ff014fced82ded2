#include "handshake/messages/sslv2_client_hello.hpp"

#include "handshake/messages/hello_fields.hpp"

namespace tls::handshake {
namespace {

constexpr std::size_t kSslv2FixedPart = 9;  // msg_type + version + three 2-byte lengths

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
    reason += " (the client offers " + version_text(version) + ")";
  }
  reason +=
      ": tlspp accepts only TLS-format hellos; configure the client to send a TLS ClientHello";
  return Error{AlertDescription::handshake_failure, std::move(reason)};
}

}  // namespace tls::handshake
