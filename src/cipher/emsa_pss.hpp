// EMSA-PSS, the RSA-PSS signature encoding of RFC 8017 §9.1, with MGF1 over the same hash and
// a salt as long as the digest (what TLS's rsa_pss_rsae_* schemes use, RFC 8446 §4.2.3).
#pragma once

#include "cipher/provider.hpp"

namespace tls::cipher {

// EMSA-PSS-ENCODE (§9.1.1) of `digest` (= mHash) with `salt`, for an encoded message of
// em_bits bits (the modulus bits minus one). An internal_error for a wrong digest size or
// when em_bits is too small.
Result<Bytes> emsa_pss_encode(HashAlg hash, ByteView digest, ByteView salt, std::size_t em_bits);

// EMSA-PSS-VERIFY (§9.1.2) with salt length = hash length: decrypt_error naming the failed
// step when `em` (ceil(em_bits / 8) bytes) is not a valid encoding of `digest`.
Status emsa_pss_verify(HashAlg hash, ByteView digest, ByteView em, std::size_t em_bits);

}  // namespace tls::cipher
