// Which certificate key can authenticate which suite: aRSA needs an RSA key; aECDSA an EC
// P-256/P-384 key, or an Ed25519 key in TLS 1.2 (RFC 8422 signatures need signature_algorithms).
#pragma once

#include <cstdint>

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

}  // namespace tls::handshake
