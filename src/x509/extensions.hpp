// Certificate extensions (RFC 5280 §4.2). Every extension is kept as raw bytes and can be
// looked up by OID, so an application can read its own (the attestation evidence of RA-TLS
// certificates, say). The ones path validation and host-name matching need are decoded:
// basicConstraints, keyUsage, extKeyUsage, subjectAltName, authorityKeyIdentifier,
// subjectKeyIdentifier, nameConstraints; certificatePolicies is recognised (decoded, then not
// enforced). A duplicate extension, or a malformed value of a decoded one, is a parse error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "x509/der.hpp"
#include "x509/general_name.hpp"

namespace tls::x509 {

struct Extension {
  std::string oid;  // dotted
  bool critical = false;
  ByteView value;     // the extnValue OCTET STRING contents (DER of the extension's type)
  ByteView encoding;  // the whole Extension element
  std::size_t offset = 0;
};

struct BasicConstraints {
  bool ca = false;
  std::optional<std::uint64_t> path_len;  // pathLenConstraint
};

// KeyUsage bits, numbered as in RFC 5280 (bit 0 = digitalSignature).
enum class KeyUsageBit : std::uint8_t {
  digital_signature = 0,
  non_repudiation = 1,  // contentCommitment
  key_encipherment = 2,
  data_encipherment = 3,
  key_agreement = 4,
  key_cert_sign = 5,
  crl_sign = 6,
  encipher_only = 7,
  decipher_only = 8,
};

struct KeyUsage {
  std::uint16_t bits = 0;  // bit i set = KeyUsageBit i asserted
  bool has(KeyUsageBit bit) const { return (bits >> static_cast<unsigned>(bit)) & 1u; }
};

struct AuthorityKeyIdentifier {
  std::optional<ByteView> key_id;
  std::vector<GeneralName> issuer;  // authorityCertIssuer
  std::optional<ByteView> serial;   // authorityCertSerialNumber (INTEGER contents)
};

struct NameConstraints {
  std::vector<GeneralName> permitted;  // bases of permittedSubtrees
  std::vector<GeneralName> excluded;   // bases of excludedSubtrees
};

struct PolicyInformation {
  std::string oid;
  std::vector<std::string> cps_uris;          // id-qt-cps qualifiers
  std::vector<std::string> other_qualifiers;  // OIDs of the other qualifiers
};

struct Extensions {
  std::vector<Extension> all;  // in certificate order

  std::optional<BasicConstraints> basic_constraints;
  std::optional<KeyUsage> key_usage;
  std::optional<std::vector<std::string>> ext_key_usage;  // dotted OIDs
  std::optional<std::vector<GeneralName>> subject_alt_names;
  std::optional<AuthorityKeyIdentifier> authority_key_id;
  std::optional<ByteView> subject_key_id;
  std::optional<NameConstraints> name_constraints;
  std::optional<std::vector<PolicyInformation>> certificate_policies;

  // The extension with this dotted OID, or nullptr.
  const Extension *find(std::string_view oid) const;
  bool has_ext_key_usage(std::string_view oid) const;
};

// True for the extensions tlspp decodes and acts on (or, for certificatePolicies, recognises):
// a critical extension outside this list makes path validation fail.
bool is_handled_extension(std::string_view oid);

// Reads `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension` from `r` into `out`.
void read_extensions(der::DerReader &r, Extensions &out);

}  // namespace tls::x509
