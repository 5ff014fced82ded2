// Makes the Protection a negotiated suite needs, so that the handshake only says "install the
// new read (or write) keys now".
#pragma once

#include <memory>

#include <tls/version.hpp>

#include "cipher/key_schedule.hpp"
#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "record/protection.hpp"

namespace tls::record {

enum class Direction : std::uint8_t { read, write };

// One direction's key material, as the key block splits it.
struct ProtectionKeys {
  ByteView mac_key;  // empty for AEAD suites
  ByteView key;
  ByteView iv;  // CBC in SSL 3.0 / TLS 1.0, the GCM salt, the ChaCha20-Poly1305 IV; else empty
};

// The protection for `suite` under `version` with the given keys. encrypt_then_mac (RFC 7366)
// applies to CBC suites only. Any inconsistency (a suite the version does not allow, wrong key
// sizes, encrypt-then-MAC with a non-CBC suite or with SSL 3.0) is an internal_error: it means
// the handshake negotiated something it should not have.
Result<std::unique_ptr<Protection>> make_protection(
    const std::shared_ptr<const cipher::Provider> &provider, ProtocolVersion version,
    const cipher::CipherSuite &suite, const ProtectionKeys &keys, bool encrypt_then_mac);

// The same, taking the keys from the key block: a client writes with the client_write_* keys and
// reads with the server_write_* ones, a server the other way round.
Result<std::unique_ptr<Protection>> make_protection(
    const std::shared_ptr<const cipher::Provider> &provider, ProtocolVersion version,
    const cipher::CipherSuite &suite, const cipher::KeyBlock &key_block, bool is_client,
    Direction direction, bool encrypt_then_mac);

}  // namespace tls::record
