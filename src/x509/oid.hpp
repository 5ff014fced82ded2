// Object identifiers: checking the DER contents, dotted text both ways, and the names OpenSSL
// prints for the ones a TLS stack meets. Parsed OIDs are compared as dotted text
// (`ext.oid == oid::kBasicConstraints`), which keeps the code readable and the tables short.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"

namespace tls::x509 {

// Checks OBJECT IDENTIFIER contents: non-empty, every sub-identifier in the minimal base-128
// form (no leading 0x80 octet), the last octet closes a sub-identifier, and no arc is longer
// than 140 bits (UUID arcs under 2.25 are 128). `why` receives the broken rule.
bool check_oid(ByteView content, std::string *why = nullptr);

// "1.2.840.113549.1.1.11" from checked contents ("<invalid OID>" if they are not valid).
std::string oid_to_string(ByteView content);

// The DER contents of a dotted OID; nullopt when the text is not a valid OID (fewer than two
// arcs, first arc above 2, second above 39 under 0 or 1, empty, non-decimal or too long arcs).
std::optional<Bytes> oid_from_string(std::string_view dotted);

// OpenSSL's short and long names ("CN" / "commonName", "sha256WithRSAEncryption"); nullptr for
// an OID tlspp has no name for.
const char *oid_short_name(std::string_view dotted);
const char *oid_long_name(std::string_view dotted);
// The long name, or the dotted text when there is none (how OpenSSL prints an OID).
std::string oid_display_name(std::string_view dotted);

namespace oid {

// Signature algorithms
inline constexpr std::string_view kMd5WithRsa = "1.2.840.113549.1.1.4";
inline constexpr std::string_view kSha1WithRsa = "1.2.840.113549.1.1.5";
inline constexpr std::string_view kSha256WithRsa = "1.2.840.113549.1.1.11";
inline constexpr std::string_view kSha384WithRsa = "1.2.840.113549.1.1.12";
inline constexpr std::string_view kSha512WithRsa = "1.2.840.113549.1.1.13";
inline constexpr std::string_view kSha224WithRsa = "1.2.840.113549.1.1.14";
inline constexpr std::string_view kRsaPss = "1.2.840.113549.1.1.10";
inline constexpr std::string_view kMgf1 = "1.2.840.113549.1.1.8";
inline constexpr std::string_view kEcdsaWithSha1 = "1.2.840.10045.4.1";
inline constexpr std::string_view kEcdsaWithSha224 = "1.2.840.10045.4.3.1";
inline constexpr std::string_view kEcdsaWithSha256 = "1.2.840.10045.4.3.2";
inline constexpr std::string_view kEcdsaWithSha384 = "1.2.840.10045.4.3.3";
inline constexpr std::string_view kEcdsaWithSha512 = "1.2.840.10045.4.3.4";
inline constexpr std::string_view kEd25519 = "1.3.101.112";

// Hashes (inside RSA-PSS parameters)
inline constexpr std::string_view kSha1 = "1.3.14.3.2.26";
inline constexpr std::string_view kSha224 = "2.16.840.1.101.3.4.2.4";
inline constexpr std::string_view kSha256 = "2.16.840.1.101.3.4.2.1";
inline constexpr std::string_view kSha384 = "2.16.840.1.101.3.4.2.2";
inline constexpr std::string_view kSha512 = "2.16.840.1.101.3.4.2.3";

// Public-key algorithms and curves
inline constexpr std::string_view kRsaEncryption = "1.2.840.113549.1.1.1";
inline constexpr std::string_view kEcPublicKey = "1.2.840.10045.2.1";
inline constexpr std::string_view kPrime256v1 = "1.2.840.10045.3.1.7";
inline constexpr std::string_view kSecp384r1 = "1.3.132.0.34";
inline constexpr std::string_view kSecp521r1 = "1.3.132.0.35";
inline constexpr std::string_view kX25519 = "1.3.101.110";
inline constexpr std::string_view kEd448 = "1.3.101.113";

// Name attributes
inline constexpr std::string_view kCommonName = "2.5.4.3";
inline constexpr std::string_view kEmailAddress = "1.2.840.113549.1.9.1";

// Certificate extensions
inline constexpr std::string_view kSubjectKeyIdentifier = "2.5.29.14";
inline constexpr std::string_view kKeyUsage = "2.5.29.15";
inline constexpr std::string_view kSubjectAltName = "2.5.29.17";
inline constexpr std::string_view kIssuerAltName = "2.5.29.18";
inline constexpr std::string_view kBasicConstraints = "2.5.29.19";
inline constexpr std::string_view kNameConstraints = "2.5.29.30";
inline constexpr std::string_view kCrlDistributionPoints = "2.5.29.31";
inline constexpr std::string_view kCertificatePolicies = "2.5.29.32";
inline constexpr std::string_view kAuthorityKeyIdentifier = "2.5.29.35";
inline constexpr std::string_view kExtKeyUsage = "2.5.29.37";
inline constexpr std::string_view kAuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";
inline constexpr std::string_view kAnyPolicy = "2.5.29.32.0";

// Extended key usages
inline constexpr std::string_view kAnyExtendedKeyUsage = "2.5.29.37.0";
inline constexpr std::string_view kServerAuth = "1.3.6.1.5.5.7.3.1";
inline constexpr std::string_view kClientAuth = "1.3.6.1.5.5.7.3.2";
inline constexpr std::string_view kCodeSigning = "1.3.6.1.5.5.7.3.3";
inline constexpr std::string_view kEmailProtection = "1.3.6.1.5.5.7.3.4";
inline constexpr std::string_view kTimeStamping = "1.3.6.1.5.5.7.3.8";
inline constexpr std::string_view kOcspSigning = "1.3.6.1.5.5.7.3.9";

// Access methods (Authority Information Access)
inline constexpr std::string_view kOcsp = "1.3.6.1.5.5.7.48.1";
inline constexpr std::string_view kCaIssuers = "1.3.6.1.5.5.7.48.2";

}  // namespace oid

}  // namespace tls::x509
