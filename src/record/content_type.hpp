// Record content types (RFC 5246 §6.2.1) and the limits of the record layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace tls::record {

enum class ContentType : std::uint8_t {
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
};

// "handshake", "alert", ...; "heartbeat" for 24 (which tlspp refuses), "unknown" otherwise.
const char *content_type_name(std::uint8_t wire) noexcept;
inline const char *content_type_name(ContentType type) noexcept {
  return content_type_name(static_cast<std::uint8_t>(type));
}

// The content type for a wire value, when it is one of the four tlspp accepts.
std::optional<ContentType> content_type_from_wire(std::uint8_t wire) noexcept;

inline constexpr std::size_t kRecordHeaderSize = 5;
inline constexpr std::size_t kHandshakeHeaderSize = 4;
// TLSPlaintext.length may not exceed 2^14 (RFC 5246 §6.2.1).
inline constexpr std::size_t kMaxPlaintext = std::size_t{1} << 14;
// TLSCiphertext.length may not exceed 2^14 + 2048 (RFC 5246 §6.2.3), whatever the protection.
inline constexpr std::size_t kMaxCiphertext = kMaxPlaintext + 2048;
// The smallest plaintext limit a peer may ask for (record_size_limit, RFC 8449 §4).
inline constexpr std::size_t kMinPlaintextLimit = 64;

}  // namespace tls::record
