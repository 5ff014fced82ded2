// EMSA-PKCS1-v1_5, the RSA signature encoding of RFC 8017 §9.2:
//   EM = 00 01 FF..FF 00 || T,   T = DigestInfo(hash) || digest,   at least 8 FF bytes.
// For HashAlg::md5_sha1, T is the 36-byte MD5 || SHA-1 alone, without a DigestInfo: the form
// TLS 1.0 / 1.1 and SSL 3.0 sign (RFC 2246 §4.7).
//
// Signing builds EM; verifying builds the expected EM and compares it whole with the one the
// signature carries, so exactly one encoding is accepted (no parsing of attacker-chosen
// DigestInfo structures, hence none of the Bleichenbacher'06 signature-forgery family).
#pragma once

#include "cipher/provider.hpp"

namespace tls::cipher {

// EM of em_size bytes (the modulus length) for `digest` of hash_size(hash) bytes. An
// internal_error when the digest has the wrong size or em_size is too small for it.
Result<Bytes> emsa_pkcs1_v15_encode(HashAlg hash, ByteView digest, std::size_t em_size);

// The DER DigestInfo prefix (RFC 8017 §9.2 note 1) that precedes a digest of `hash`; empty for
// md5_sha1.
ByteView digest_info_prefix(HashAlg hash) noexcept;

}  // namespace tls::cipher
