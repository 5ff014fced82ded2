// libsodium backend: Ed25519 (PureEdDSA, RFC 8032) signatures over the whole message.
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// decode_error for a signature that is not 64 bytes, illegal_parameter for a malformed key,
// decrypt_error when it does not verify. libsodium rejects non-canonical S and small-order
// keys and R values.
Status sodium_ed25519_verify(const PublicKey &key, ByteView message, ByteView signature);

// 32 bytes that decode to a point of the main subgroup (libsodium's is_valid_point).
Status sodium_ed25519_check_public_key(const PublicKey &key);

// The 32-byte seed derives key.public_key.point.
Status sodium_ed25519_check_key_pair(const PrivateKey &key);

Result<std::unique_ptr<PrivateKeyOperations>> make_sodium_ed25519_private_key(
    const PrivateKey &key);

}  // namespace tls::cipher
