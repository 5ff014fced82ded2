// Crypto++ backend: ECDSA on P-256 and P-384 over a given digest, signatures in DER (see
// ecdsa_der.hpp), plus the EC public-key and key-pair checks.
#pragma once

#include <memory>

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// Verifies a DER signature over `digest` (hash_size(hash) bytes; hash is SHA-1 or SHA-2).
Status cryptopp_ecdsa_verify(const PublicKey &key, HashAlg hash, ByteView digest,
                             ByteView signature);

// The point is a valid uncompressed point on the key's curve.
Status cryptopp_ec_check_public_key(const PublicKey &key);

// The secret scalar lies in [1, n-1] and its public point is key.public_key.point.
Status cryptopp_ec_check_key_pair(const PrivateKey &key);

// Signing with an in-memory EC key; nonces come from `random`.
Result<std::unique_ptr<PrivateKeyOperations>> make_cryptopp_ecdsa_private_key(
    const PrivateKey &key, std::shared_ptr<RandomSource> random);

}  // namespace tls::cipher
