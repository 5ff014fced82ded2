// The public half of a private key, for key files that do not carry it (PKCS#8 Ed25519 keys
// never do; SEC1 EC keys may leave it out).
//
// This is the one place in src/x509 that calls the primitive libraries directly rather than the
// Provider: loading a key file is not a protocol operation, the Provider interface has no
// "public key of this private key" call, and PrivateKey must carry its public key before any
// provider sees it. Everything else (signatures, the key-pair check) goes through the Provider.
#pragma once

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::x509 {

// The uncompressed point 04||X||Y for a P-256 / P-384 private scalar (big-endian, in
// [1, n-1]); illegal_parameter for a scalar outside that range.
Result<Bytes> derive_ec_public_point(cipher::KeyType type, ByteView scalar);

// The 32-byte Ed25519 public key for a 32-byte seed.
Result<Bytes> derive_ed25519_public_key(ByteView seed);

}  // namespace tls::x509
