// Crypto++ backend: AES-128-GCM and AES-256-GCM (the Aead contract is in provider.hpp).
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// alg is aes128_gcm or aes256_gcm; a key of the wrong size is an internal_error.
Result<std::unique_ptr<Aead>> make_cryptopp_aes_gcm(AeadAlg alg, ByteView key);

}  // namespace tls::cipher
