// Which certificate key can authenticate which suite: aRSA needs an RSA key; aECDSA an EC
// P-256/P-384 key, or an Ed25519 key in TLS 1.2 (RFC 8422 signatures need signature_algorithms).
// And an EC key must lie on a curve the client listed in supported_groups (RFC 8422 §5.3).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "cipher/suites.hpp"

namespace tls::handshake {

inline bool key_fits_auth(cipher::KeyType key, std::uint32_t auth, ProtocolVersion version) {
  if (auth & cipher::aRSA) return key == cipher::KeyType::rsa;
  if (auth & cipher::aECDSA) {
    if (key == cipher::KeyType::ed25519) return version == ProtocolVersion::tls12;
    return key == cipher::KeyType::ec_p256 || key == cipher::KeyType::ec_p384;
  }
  return false;
}

// The named group of an EC certificate key; nullopt for RSA and Ed25519 (whose use
// signature_algorithms governs).
inline std::optional<cipher::NamedGroup> ec_key_group(cipher::KeyType key) {
  if (key == cipher::KeyType::ec_p256) return cipher::NamedGroup::secp256r1;
  if (key == cipher::KeyType::ec_p384) return cipher::NamedGroup::secp384r1;
  return std::nullopt;
}

// RFC 8422 §5.3: an EC certificate's curve must be one the client listed; a client that sent
// no supported_groups takes any (§5.1).
inline bool key_curve_offered(cipher::KeyType key,
                              const std::optional<std::vector<std::uint16_t>> &client_groups) {
  const auto group = ec_key_group(key);
  if (!group || !client_groups) return true;
  return std::find(client_groups->begin(), client_groups->end(),
                   static_cast<std::uint16_t>(*group)) != client_groups->end();
}

}  // namespace tls::handshake
