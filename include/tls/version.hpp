// Protocol versions tlspp speaks, as they appear on the wire.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tls {

enum class ProtocolVersion : std::uint16_t {
  ssl3 = 0x0300,
  tls10 = 0x0301,
  tls11 = 0x0302,
  tls12 = 0x0303,
};

// "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2" (OpenSSL's spelling); "unknown" otherwise.
const char *version_name(ProtocolVersion version) noexcept;

// Accepts OpenSSL's spellings ("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2").
std::optional<ProtocolVersion> version_from_name(std::string_view name) noexcept;

// The version for a wire value, when tlspp knows it.
std::optional<ProtocolVersion> version_from_wire(std::uint16_t wire) noexcept;

inline constexpr std::uint16_t to_wire(ProtocolVersion v) {
  return static_cast<std::uint16_t>(v);
}

}  // namespace tls
