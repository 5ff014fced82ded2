#include "record/content_type.hpp"

namespace tls::record {

const char *content_type_name(std::uint8_t wire) noexcept {
  switch (wire) {
    case 20:
      return "change_cipher_spec";
    case 21:
      return "alert";
    case 22:
      return "handshake";
    case 23:
      return "application_data";
    case 24:
      return "heartbeat";
    default:
      return "unknown";
  }
}

std::optional<ContentType> content_type_from_wire(std::uint8_t wire) noexcept {
  if (wire >= 20 && wire <= 23) return static_cast<ContentType>(wire);
  return std::nullopt;
}

}  // namespace tls::record
