// Crypto++ backend: MD5, SHA-1, SHA-2 and HMAC with each (see provider.hpp for the contract).
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

std::unique_ptr<Hash> make_cryptopp_hash(HashAlg alg);
std::unique_ptr<Hmac> make_cryptopp_hmac(HashAlg alg, ByteView key);  // not md5_sha1

}  // namespace tls::cipher
