#include "handshake/messages/key_exchange.hpp"

#include "cipher/suites.hpp"

namespace tls::handshake {

const char *key_exchange_kind_name(KeyExchangeKind kind) noexcept {
  switch (kind) {
    case KeyExchangeKind::rsa:
      return "RSA";
    case KeyExchangeKind::dhe:
      return "DHE";
    case KeyExchangeKind::ecdhe:
      return "ECDHE";
  }
  return "unknown";
}

std::optional<KeyExchangeKind> key_exchange_kind_from_mask(std::uint32_t kx_mask) noexcept {
  switch (kx_mask) {
    case cipher::kRSA:
      return KeyExchangeKind::rsa;
    case cipher::kDHE:
      return KeyExchangeKind::dhe;
    case cipher::kECDHE:
      return KeyExchangeKind::ecdhe;
    default:
      return std::nullopt;
  }
}

}  // namespace tls::handshake
