// SubjectPublicKeyInfo: the public key of a certificate or of a PUBLIC KEY PEM block, read into
// the provider's PublicKey. Supported: RSA (rsaEncryption), EC on the named curves P-256 and
// P-384 (uncompressed points), Ed25519. Another algorithm, curve or point form still parses
// (so such a certificate can be printed) but is marked unsupported with the reason; a
// malformed key of a supported type is a parse error.
#pragma once

#include <string>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "x509/der.hpp"

namespace tls::x509 {

struct SubjectPublicKeyInfo {
  ByteView der;               // the whole SubjectPublicKeyInfo element
  std::string algorithm_oid;  // dotted: oid::kRsaEncryption, oid::kEcPublicKey, oid::kEd25519
  std::string curve_oid;      // EC only: oid::kPrime256v1 or oid::kSecp384r1 (or another)
  ByteView parameters;        // the AlgorithmIdentifier parameters element (empty if absent)
  ByteView key_bits;          // the subjectPublicKey BIT STRING octets

  bool supported = false;  // `key` holds the key
  std::string unsupported_reason;
  cipher::PublicKey key;

  // Key size in bits: the RSA modulus length, the EC curve size, 256 for Ed25519; 0 when
  // unsupported.
  std::size_t bits() const;
  // "RSA", "EC P-256", "EC P-384", "Ed25519", or the algorithm OID's name.
  std::string type_name() const;
};

SubjectPublicKeyInfo read_subject_public_key_info(der::DerReader &r, const char *what);

// A DER SubjectPublicKeyInfo on its own (a PUBLIC KEY PEM block), with nothing after it.
// An unsupported key type is an error here (unsupported_certificate).
Result<SubjectPublicKeyInfo> parse_subject_public_key_info(ByteView der);

// A PKCS#1 RSAPublicKey (an RSA PUBLIC KEY PEM block): SEQUENCE { n, e }.
Result<cipher::PublicKey> parse_rsa_public_key(ByteView der);

// Reads the RSAPublicKey SEQUENCE { modulus, publicExponent } from `r` into `key`.
void read_rsa_public_key(der::DerReader &r, cipher::PublicKey &key);

// The SubjectPublicKeyInfo DER for a public key (for comparisons and fingerprints).
Bytes encode_subject_public_key_info(const cipher::PublicKey &key);

// The bit length of a big-endian unsigned integer without leading zeros.
std::size_t bit_length(ByteView magnitude);

}  // namespace tls::x509
