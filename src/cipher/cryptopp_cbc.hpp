// Crypto++ backend: raw CBC (no padding) over AES-128, AES-256 and 3DES-EDE.
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// A key of the wrong size is an internal_error.
Result<std::unique_ptr<CbcCipher>> make_cryptopp_cbc(BlockCipherAlg alg, ByteView key);

}  // namespace tls::cipher
