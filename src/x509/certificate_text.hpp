// A certificate as text, laid out like `openssl x509 -text -noout`: version, serial,
// algorithms, issuer, validity, subject, public key, every extension decoded (unknown ones as
// hex), the signature, and (given a provider to hash with) the SHA-256 and SHA-1 fingerprints.
#pragma once

#include <string>

#include "cipher/provider.hpp"
#include "x509/certificate.hpp"

namespace tls::x509 {

std::string certificate_text(const Certificate &cert, const cipher::Provider *provider = nullptr);

// "AB:CD:..." of the certificate's DER under `hash`.
std::string fingerprint(const Certificate &cert, const cipher::Provider &provider,
                        cipher::HashAlg hash);

// Colon-separated hex ("ab:cd" or "AB:CD"), as openssl prints keys, serials and identifiers.
std::string colon_hex(ByteView bytes, bool upper = false);

}  // namespace tls::x509
