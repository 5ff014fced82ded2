// An X.509 v1/v2/v3 certificate (RFC 5280 §4.1), parsed strictly from DER.
//
// A Certificate owns a copy of its DER bytes; every field is a view into them or a small
// decoded value. Copies share the bytes (copying is cheap), so views taken from one stay
// valid as long as any copy lives.
//
// Parsing checks, beyond DER itself: version 1..3 (v1 never encoded explicitly), serial number
// non-negative and at most 20 octets, the inner signature algorithm byte-for-byte equal to
// the outer one, a non-empty issuer, unique identifiers and extensions only where the version
// allows them, no duplicate extension, well-formed values for the extensions tlspp decodes,
// and nothing after the certificate.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "x509/extensions.hpp"
#include "x509/name.hpp"
#include "x509/public_key.hpp"
#include "x509/signature_algorithm.hpp"
#include "x509/time.hpp"

namespace tls::x509 {

class Certificate {
 public:
  // Parses exactly one DER certificate (no trailing bytes). Errors are bad_certificate (or
  // decode_error for broken DER) with the offset and what was expected.
  static Result<Certificate> parse(ByteView der);

  ByteView der() const { return f_->der; }
  ByteView tbs() const { return f_->tbs; }  // the signed TBSCertificate element

  int version() const { return f_->version; }  // 1, 2 or 3
  // The serial number's INTEGER contents (non-negative; a leading 0x00 when the top bit of
  // the first magnitude octet is set).
  ByteView serial() const { return f_->serial; }
  const SignatureAlgorithm &signature_algorithm() const { return f_->signature_algorithm; }
  const Name &issuer() const { return f_->issuer; }
  const Name &subject() const { return f_->subject; }
  UnixTime not_before() const { return f_->not_before; }
  UnixTime not_after() const { return f_->not_after; }
  const SubjectPublicKeyInfo &public_key_info() const { return f_->spki; }
  const cipher::PublicKey &public_key() const { return f_->spki.key; }
  ByteView issuer_unique_id() const { return f_->issuer_unique_id; }
  ByteView subject_unique_id() const { return f_->subject_unique_id; }
  const Extensions &extensions() const { return f_->extensions; }
  ByteView signature() const { return f_->signature; }  // the signature BIT STRING octets

  // Any extension by dotted OID ("1.3.6.1.4.1.99999.1"), or nullptr: its criticality and
  // raw value (the DER inside extnValue).
  const Extension *extension(std::string_view oid) const { return f_->extensions.find(oid); }

  // Subject and issuer are the same name (RFC 5280 "self-issued").
  bool is_self_issued() const;
  // Self-issued, and the key identifiers (when both are present) agree: the certificate
  // claims to be signed by its own key. The signature itself is not checked here.
  bool is_self_signed() const;
  bool is_ca() const {
    return f_->extensions.basic_constraints && f_->extensions.basic_constraints->ca;
  }

  // The dNSName, iPAddress, ... entries of subjectAltName (empty when there is none).
  const std::vector<GeneralName> &subject_alt_names() const;

  // The same bytes.
  bool operator==(const Certificate &other) const;

 private:
  struct Fields {
    Bytes bytes;
    ByteView der, tbs;
    int version = 1;
    ByteView serial;
    SignatureAlgorithm signature_algorithm;
    Name issuer, subject;
    UnixTime not_before = 0, not_after = 0;
    SubjectPublicKeyInfo spki;
    ByteView issuer_unique_id, subject_unique_id;
    Extensions extensions;
    ByteView signature;
  };
  explicit Certificate(std::shared_ptr<const Fields> f) : f_(std::move(f)) {}
  static Status parse_into(Fields &f);

  std::shared_ptr<const Fields> f_;
};

// Parses each DER certificate of a chain (as a TLS Certificate message carries it). The first
// failure is returned, naming the certificate's position.
Result<std::vector<Certificate>> parse_certificates(const std::vector<ByteView> &der_chain);

}  // namespace tls::x509
