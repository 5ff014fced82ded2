// Crypto++ backend: the bare compression functions of MD5, SHA-1, SHA-256, SHA-384 and SHA-512
// (HashCompressor in provider.hpp), for the record layer's constant-time CBC MAC check.
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// nullptr for md5_sha1, which has no single compression function.
std::unique_ptr<HashCompressor> make_cryptopp_compressor(HashAlg alg);

}  // namespace tls::cipher
