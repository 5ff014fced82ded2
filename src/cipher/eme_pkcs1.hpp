// EME-PKCS1-v1_5, the RSA encryption padding of RFC 8017 §7.2.1, for the client's encrypted
// pre-master secret: EM = 00 02 || PS || 00 || M with PS at least 8 non-zero random bytes.
// (Decryption's unpadding is the handshake's: it must run in constant time and never reveal
// whether the padding was valid, so the provider only offers the raw private operation.)
#pragma once

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// EM of em_size bytes (the modulus length). An internal_error when the message is too long.
Result<Bytes> eme_pkcs1_v15_encode(ByteView message, std::size_t em_size, RandomSource &random);

}  // namespace tls::cipher
