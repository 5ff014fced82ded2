// The AlgorithmIdentifier of a certificate signature, mapped onto the provider's signature
// schemes: RSA PKCS#1 v1.5 with MD5 / SHA-1 / SHA-256 / SHA-384 / SHA-512, RSA-PSS (MGF1 with
// the same hash and a salt as long as the hash, as the provider implements it), ECDSA with
// SHA-1 / SHA-256 / SHA-384 / SHA-512, and Ed25519. Anything else parses (so the certificate
// can be printed) and is marked unsupported: verification then fails for that signature.
#pragma once

#include <string>

#include "cipher/provider.hpp"
#include "x509/der.hpp"

namespace tls::x509 {

struct SignatureAlgorithm {
  std::string oid;      // dotted
  ByteView encoding;    // the whole AlgorithmIdentifier element
  ByteView parameters;  // the parameters element, empty when absent

  bool supported = false;
  std::string unsupported_reason;
  cipher::SignatureParams params;   // when supported
  std::size_t pss_salt_length = 0;  // RSA-PSS only

  // The key type the signature needs: RSA for rsa_pkcs1 / rsa_pss, an EC key for ecdsa.
  bool matches_key(cipher::KeyType type) const;
  // openssl's name: "sha256WithRSAEncryption", "ecdsa-with-SHA384", "rsassaPss", "ED25519".
  std::string name() const;
};

// Reads an AlgorithmIdentifier for a signature. The parameters are checked as the RFCs say:
// NULL or absent for PKCS#1 v1.5 (RFC 4055 §5), absent for ECDSA (RFC 5758 §3.2) and Ed25519
// (RFC 8410 §3), RSASSA-PSS-params for RSA-PSS (RFC 4055 §3.1).
SignatureAlgorithm read_signature_algorithm(der::DerReader &r, const char *what);

}  // namespace tls::x509
