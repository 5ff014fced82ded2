// Private keys: PKCS#1 RSAPrivateKey, PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RSA, EC P-256 /
// P-384, Ed25519) and SEC1 ECPrivateKey, in PEM or DER, into the provider's PrivateKey (secrets
// in SecureBuffers). Encrypted keys are not supported.
//
// A key whose file carries its public half gets it checked against the private half where
// that is cheap (EC and Ed25519 are re-derived); RSA consistency (n = p*q, ...) is the
// provider's check_key_pair(), which check_key_matches_certificate() runs.
#pragma once

#include <string>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"

namespace tls::x509 {

class Certificate;

enum class PrivateKeyFormat : std::uint8_t {
  pkcs1,  // RSAPrivateKey, "RSA PRIVATE KEY"
  pkcs8,  // PrivateKeyInfo, "PRIVATE KEY"
  sec1,   // ECPrivateKey, "EC PRIVATE KEY"
};

const char *private_key_format_name(PrivateKeyFormat format) noexcept;

// A DER private key in the given format.
Result<cipher::PrivateKey> parse_private_key_der(ByteView der, PrivateKeyFormat format);

// A private key from a PEM file (the first PRIVATE KEY / RSA PRIVATE KEY / EC PRIVATE KEY block;
// certificates and other blocks around it are ignored) or from DER in any of the three
// formats (told apart by their structure). `format`, when given, receives the format found.
Result<cipher::PrivateKey> parse_private_key(ByteView pem_or_der,
                                             PrivateKeyFormat *format = nullptr);

// DER encodings, for round trips and for writing keys out. PKCS#8 and SEC1 include the public
// key; SEC1 names the curve.
Result<SecureBuffer> encode_private_key(const cipher::PrivateKey &key, PrivateKeyFormat format);

// Refuses a private key that is not the private half of the certificate's public key: the
// public keys must be equal, and the provider's check_key_pair() must accept the pair.
// bad_certificate ("private key does not match the certificate") when they differ.
Status check_key_matches_certificate(const cipher::PrivateKey &key, const Certificate &cert,
                                     const cipher::Provider &provider);

}  // namespace tls::x509
