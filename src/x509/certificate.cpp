#include "x509/certificate.hpp"

#include <algorithm>

#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

// RFC 5280 §4.1.2.2: serial numbers are at most 20 octets.
constexpr std::size_t kMaxSerialOctets = 20;

bool same_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

Status Certificate::parse_into(Fields &f) {
  der::DerReader r(f.der, "Certificate");
  der::Element cert_element;
  der::DerReader cert = r.enter(der::kSequence, "Certificate", &cert_element);
  r.expect_end("the input after the Certificate");

  der::Element tbs_element;
  der::DerReader tbs = cert.enter(der::kSequence, "TBSCertificate", &tbs_element);
  f.tbs = tbs_element.encoding;

  // version [0] EXPLICIT Version DEFAULT v1
  if (tbs.next_is(der::context(0, true))) {
    der::DerReader v = tbs.enter(der::context(0, true), "version");
    const std::size_t at = v.offset();
    const std::int64_t version = v.small_integer("version", 0, 2);
    v.expect_end("version");
    if (v.ok() && version == 0) v.fail_at(at, "version v1 encoded explicitly (DER omits defaults)");
    f.version = static_cast<int>(version) + 1;
  }

  const std::size_t serial_at = tbs.offset();
  f.serial = tbs.integer("serialNumber");
  if (tbs.ok()) {
    if (f.serial[0] & 0x80) {
      tbs.fail_at(serial_at, "serialNumber is negative");
    } else if (f.serial.size() - (f.serial[0] == 0 ? 1 : 0) > kMaxSerialOctets) {
      tbs.fail_at(serial_at, "serialNumber longer than 20 octets");
    }
  }

  const std::size_t sig_at = tbs.offset();
  f.signature_algorithm = read_signature_algorithm(tbs, "signature");
  const std::size_t issuer_at = tbs.offset();
  f.issuer = read_name(tbs, "issuer");
  if (tbs.ok() && f.issuer.empty()) tbs.fail_at(issuer_at, "issuer name is empty");

  der::DerReader validity = tbs.enter(der::kSequence, "validity");
  f.not_before = validity.time("notBefore");
  f.not_after = validity.time("notAfter");
  validity.expect_end("validity");

  const std::size_t subject_at = tbs.offset();
  f.subject = read_name(tbs, "subject");
  f.spki = read_subject_public_key_info(tbs, "subjectPublicKeyInfo");

  // issuerUniqueID [1] IMPLICIT, subjectUniqueID [2] IMPLICIT: v2 and v3 only.
  if (tbs.next_is(der::context(1, false))) {
    const std::size_t at = tbs.offset();
    f.issuer_unique_id = tbs.bit_string("issuerUniqueID", der::context(1, false)).bytes;
    if (tbs.ok() && f.version < 2) tbs.fail_at(at, "issuerUniqueID in a v1 certificate");
  }
  if (tbs.next_is(der::context(2, false))) {
    const std::size_t at = tbs.offset();
    f.subject_unique_id = tbs.bit_string("subjectUniqueID", der::context(2, false)).bytes;
    if (tbs.ok() && f.version < 2) tbs.fail_at(at, "subjectUniqueID in a v1 certificate");
  }
  // extensions [3] EXPLICIT Extensions: v3 only.
  if (tbs.next_is(der::context(3, true))) {
    const std::size_t at = tbs.offset();
    if (f.version != 3)
      tbs.fail_at(at, "extensions in a v" + std::to_string(f.version) + " certificate");
    der::DerReader ext = tbs.enter(der::context(3, true), "extensions");
    read_extensions(ext, f.extensions);
    ext.expect_end("extensions");
  }
  tbs.expect_end("TBSCertificate");

  // RFC 5280 §4.1.2.6: an empty subject needs a subjectAltName (which must then be critical).
  if (tbs.ok() && f.subject.empty() && !f.extensions.subject_alt_names)
    tbs.fail_at(subject_at, "empty subject without a subjectAltName extension");

  const std::size_t outer_at = cert.offset();
  const SignatureAlgorithm outer = read_signature_algorithm(cert, "signatureAlgorithm");
  // RFC 5280 §4.1.1.2: the signed copy must be identical to the unsigned one.
  if (cert.ok() && !same_bytes(outer.encoding, f.signature_algorithm.encoding))
    cert.fail_at(outer_at,
                 "signatureAlgorithm differs from the TBSCertificate signature field (at " +
                     std::to_string(sig_at) + ")");
  const std::size_t signature_at = cert.offset();
  const der::BitString signature = cert.bit_string("signatureValue");
  if (cert.ok() && signature.unused_bits != 0)
    cert.fail_at(signature_at, "signatureValue has unused bits");
  f.signature = signature.bytes;
  cert.expect_end("Certificate");

  if (r.failed()) return r.error(AlertDescription::decode_error);
  f.der = cert_element.encoding;
  return Status::success();
}

Result<Certificate> Certificate::parse(ByteView der) {
  auto f = std::make_shared<Fields>();
  f->bytes.assign(der.begin(), der.end());
  f->der = f->bytes;
  TLS_TRY(parse_into(*f));
  return Certificate(std::move(f));
}

bool Certificate::is_self_issued() const {
  return names_match(f_->subject, f_->issuer);
}

bool Certificate::is_self_signed() const {
  if (!is_self_issued()) return false;
  const auto &aki = f_->extensions.authority_key_id;
  const auto &ski = f_->extensions.subject_key_id;
  if (aki && aki->key_id && ski) return same_bytes(*aki->key_id, *ski);
  return true;
}

const std::vector<GeneralName> &Certificate::subject_alt_names() const {
  static const std::vector<GeneralName> kNone;
  return f_->extensions.subject_alt_names ? *f_->extensions.subject_alt_names : kNone;
}

bool Certificate::operator==(const Certificate &other) const {
  return f_ == other.f_ || same_bytes(der(), other.der());
}

Result<std::vector<Certificate>> parse_certificates(const std::vector<ByteView> &der_chain) {
  std::vector<Certificate> out;
  out.reserve(der_chain.size());
  for (std::size_t i = 0; i < der_chain.size(); ++i) {
    auto cert = Certificate::parse(der_chain[i]);
    if (!cert) return with_context(cert.error(), "certificate " + std::to_string(i));
    out.push_back(std::move(*cert));
  }
  return out;
}

}  // namespace tls::x509
