// The key exchange a suite uses, as the messages that depend on it (ServerKeyExchange,
// ClientKeyExchange) need to know it, and the context those parsers take.
#pragma once

#include <cstdint>
#include <optional>

#include <tls/version.hpp>

namespace tls::handshake {

enum class KeyExchangeKind : std::uint8_t {
  rsa,    // RSA-encrypted pre-master secret; no ServerKeyExchange
  dhe,    // ephemeral finite-field Diffie-Hellman (DHE_RSA, DH_anon)
  ecdhe,  // ephemeral elliptic-curve Diffie-Hellman (ECDHE_RSA, ECDHE_ECDSA, ECDH_anon)
};

const char *key_exchange_kind_name(KeyExchangeKind kind) noexcept;  // "RSA", "DHE", "ECDHE"

// The kind for one cipher::KxMask bit (kRSA, kDHE, kECDHE), nullopt for anything else.
std::optional<KeyExchangeKind> key_exchange_kind_from_mask(std::uint32_t kx_mask) noexcept;

// What ServerKeyExchange and ClientKeyExchange need from the negotiation.
struct KeyExchangeContext {
  KeyExchangeKind kx = KeyExchangeKind::ecdhe;
  ProtocolVersion version = ProtocolVersion::tls12;
  // An anonymous suite (aNULL: DH_anon, ECDH_anon): the ServerKeyExchange carries no signature.
  bool anonymous = false;
};

// True for TLS 1.2 (and later wire values): digitally-signed carries a SignatureAndHashAlgorithm.
inline bool signs_with_algorithm(ProtocolVersion version) {
  return to_wire(version) >= to_wire(ProtocolVersion::tls12);
}

}  // namespace tls::handshake
