// Crypto++ backend: RSA. Crypto++ does the modular arithmetic (the public function, and the
// private function with blinding and a check of its result); the encodings are tlspp's own
// (emsa_pkcs1, emsa_pss, eme_pkcs1) so that verification compares one exact encoding.
#pragma once

#include <memory>

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// Modulus odd and 512..16384 bits, e odd and 1 < e < n, and e of at most 64 bits when the
// modulus has more than 3072 (a bound on the cost of one verification).
Status cryptopp_rsa_check_public_key(const PublicKey &key);

// PKCS#1 v1.5 (params.alg == rsa_pkcs1, including md5_sha1) or PSS (rsa_pss) over `digest`.
Status cryptopp_rsa_verify(const PublicKey &key, const SignatureParams &params, ByteView digest,
                           ByteView signature);

// RSAES-PKCS1-v1_5 encryption; the padding comes from `random`.
Result<Bytes> cryptopp_rsa_encrypt_pkcs1(const PublicKey &key, ByteView message,
                                         RandomSource &random);

// n = p*q, d*e = 1 mod (p-1) and (q-1), the CRT values agree, p and q are (probable) primes.
Status cryptopp_rsa_check_key_pair(const PrivateKey &key, RandomSource &random);

// Signing and raw decryption with an in-memory key; blinding values and PSS salts come from
// `random`. The key is checked for consistency (not primality) on creation; a key given as
// (n, e, d) alone has its p and q recovered first.
Result<std::unique_ptr<PrivateKeyOperations>> make_cryptopp_rsa_private_key(
    const PrivateKey &key, std::shared_ptr<RandomSource> random);

}  // namespace tls::cipher
