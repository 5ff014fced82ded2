// Ephemeral Diffie-Hellman key exchange, finite-field (DHE, RFC 5246 / RFC 7919) and
// elliptic-curve (ECDHE, RFC 8422): the server's key share and its ServerKeyExchange params,
// and the client's answer. Peer values are checked by the provider (1 < Y < p-1, the point on
// the curve, the all-zero X25519 result) when the shared secret is derived.
#pragma once

#include <memory>
#include <optional>
#include <span>

#include "cipher/provider.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/messages/server_key_exchange.hpp"

namespace tls::handshake {

struct ServerEphemeral {
  std::unique_ptr<cipher::KeyShare> share;
  std::variant<ServerDhParams, ServerEcdhParams> params;
  std::size_t dh_prime_bits = 0;
};

// DHE: a key share over `group` (RFC 7919) or over the configured custom group.
Result<ServerEphemeral> server_dhe_share(const cipher::Provider &provider, cipher::NamedGroup group,
                                         const std::optional<cipher::DhGroup> &custom);
// ECDHE: a key share over `group` (x25519, secp256r1, secp384r1).
Result<ServerEphemeral> server_ecdhe_share(const cipher::Provider &provider,
                                           cipher::NamedGroup group);

struct ClientEphemeral {
  SecureBuffer pre_master;  // the shared secret (DH with leading zeros stripped)
  Bytes public_value;       // dh_Yc or the ECDH point for ClientKeyExchange
  std::size_t dh_prime_bits = 0;
};

// The client's answer to ServerDHParams: p must have at least `min_bits` bits
// (insufficient_security), g and Ys must be in range (illegal_parameter).
Result<ClientEphemeral> client_dhe_exchange(const cipher::Provider &provider,
                                            const ServerDhParams &params, std::size_t min_bits);
// The client's answer to ServerECDHParams: the group must be one the client offered
// (illegal_parameter).
Result<ClientEphemeral> client_ecdhe_exchange(const cipher::Provider &provider,
                                              const ServerEcdhParams &params,
                                              std::span<const cipher::NamedGroup> offered);

// The server's shared secret from the client's public value.
Result<SecureBuffer> server_ephemeral_secret(ServerEphemeral &server, ByteView client_public);

// Bits of a big-endian unsigned integer.
std::size_t integer_bits(ByteView big_endian) noexcept;

}  // namespace tls::handshake
