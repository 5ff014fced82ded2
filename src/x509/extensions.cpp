#include "x509/extensions.hpp"

#include <algorithm>
#include <set>

#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

BasicConstraints read_basic_constraints(der::DerReader &r) {
  BasicConstraints bc;
  der::DerReader seq = r.enter(der::kSequence, "BasicConstraints");
  if (seq.next_is(der::kBoolean)) {
    const std::size_t at = seq.offset();
    bc.ca = seq.boolean("cA");
    // DER leaves out a value equal to its DEFAULT (FALSE).
    if (seq.ok() && !bc.ca) seq.fail_at(at, "cA FALSE encoded explicitly (DER omits defaults)");
  }
  if (seq.next_is(der::kInteger))
    bc.path_len = static_cast<std::uint64_t>(seq.small_integer("pathLenConstraint", 0, INT64_MAX));
  seq.expect_end("BasicConstraints");
  return bc;
}

KeyUsage read_key_usage(der::DerReader &r) {
  KeyUsage ku;
  const std::size_t at = r.offset();
  const der::BitString bits = r.bit_string("KeyUsage");
  if (r.failed()) return ku;
  for (std::size_t i = 0; i < 9; ++i)
    if (bits.bit(i)) ku.bits = static_cast<std::uint16_t>(ku.bits | (1u << i));
  // RFC 5280 §4.2.1.3: at least one bit MUST be set.
  bool any = false;
  for (std::size_t i = 0; i < bits.bit_count(); ++i)
    any = any || bits.bit(i);
  if (!any) r.fail_at(at, "KeyUsage with no bit set");
  return ku;
}

std::vector<std::string> read_ext_key_usage(der::DerReader &r) {
  std::vector<std::string> oids;
  der::DerReader seq = r.enter(der::kSequence, "ExtKeyUsageSyntax");
  if (seq.ok() && seq.empty()) seq.fail("empty ExtKeyUsageSyntax");
  while (seq.ok() && !seq.empty())
    oids.push_back(oid_to_string(seq.oid("KeyPurposeId")));
  return oids;
}

AuthorityKeyIdentifier read_authority_key_id(der::DerReader &r) {
  AuthorityKeyIdentifier aki;
  der::DerReader seq = r.enter(der::kSequence, "AuthorityKeyIdentifier");
  if (seq.next_is(der::context(0, false)))
    aki.key_id = seq.octet_string("keyIdentifier", der::context(0, false));
  if (seq.next_is(der::context(1, true)))
    aki.issuer = read_general_names(seq, der::context(1, true), "authorityCertIssuer");
  if (seq.next_is(der::context(2, false)))
    aki.serial = seq.integer("authorityCertSerialNumber", der::context(2, false));
  seq.expect_end("AuthorityKeyIdentifier");
  // RFC 5280 §4.2.1.1: issuer and serial number come together or not at all.
  if (seq.ok() && aki.issuer.empty() != !aki.serial.has_value())
    seq.fail("AuthorityKeyIdentifier: authorityCertIssuer and SerialNumber must come together");
  return aki;
}

std::vector<GeneralName> read_subtrees(der::DerReader &r, der::Tag tag, const char *what) {
  std::vector<GeneralName> bases;
  der::DerReader seq = r.enter(tag, what);
  if (seq.ok() && seq.empty()) seq.fail(std::string("empty ") + what);
  while (seq.ok() && !seq.empty()) {
    der::DerReader subtree = seq.enter(der::kSequence, "GeneralSubtree");
    bases.push_back(read_general_name(subtree, true));
    // RFC 5280 §4.2.1.10: minimum MUST be zero (so, in DER, absent) and maximum MUST be absent.
    if (subtree.ok() && !subtree.empty())
      subtree.fail("GeneralSubtree minimum / maximum are not allowed (RFC 5280)");
  }
  return bases;
}

NameConstraints read_name_constraints(der::DerReader &r) {
  NameConstraints nc;
  der::DerReader seq = r.enter(der::kSequence, "NameConstraints");
  const std::size_t at = seq.offset();
  bool any = false;
  if (seq.next_is(der::context(0, true))) {
    nc.permitted = read_subtrees(seq, der::context(0, true), "permittedSubtrees");
    any = true;
  }
  if (seq.next_is(der::context(1, true))) {
    nc.excluded = read_subtrees(seq, der::context(1, true), "excludedSubtrees");
    any = true;
  }
  seq.expect_end("NameConstraints");
  if (seq.ok() && !any) seq.fail_at(at, "NameConstraints with neither permitted nor excluded");
  return nc;
}

std::vector<PolicyInformation> read_certificate_policies(der::DerReader &r) {
  std::vector<PolicyInformation> policies;
  der::DerReader seq = r.enter(der::kSequence, "CertificatePolicies");
  if (seq.ok() && seq.empty()) seq.fail("empty CertificatePolicies");
  while (seq.ok() && !seq.empty()) {
    const std::size_t at = seq.offset();
    der::DerReader info = seq.enter(der::kSequence, "PolicyInformation");
    PolicyInformation policy;
    policy.oid = oid_to_string(info.oid("policyIdentifier"));
    if (info.ok() && !info.empty()) {
      der::DerReader qualifiers = info.enter(der::kSequence, "policyQualifiers");
      if (qualifiers.ok() && qualifiers.empty()) qualifiers.fail("empty policyQualifiers");
      while (qualifiers.ok() && !qualifiers.empty()) {
        der::DerReader q = qualifiers.enter(der::kSequence, "PolicyQualifierInfo");
        const std::string qid = oid_to_string(q.oid("policyQualifierId"));
        if (q.ok() && qid == "1.3.6.1.5.5.7.2.1") {
          policy.cps_uris.push_back(q.ia5_string("CPSuri"));
        } else {
          (void)q.read_any("qualifier");
          policy.other_qualifiers.push_back(qid);
        }
        q.expect_end("PolicyQualifierInfo");
      }
    }
    info.expect_end("PolicyInformation");
    for (const PolicyInformation &p : policies)
      if (seq.ok() && p.oid == policy.oid)
        seq.fail_at(at, "policy " + policy.oid + " listed twice");
    policies.push_back(std::move(policy));
  }
  return policies;
}

// Decodes the value of one extension tlspp understands; `value` reads the extnValue
// contents.
void decode(const Extension &ext, der::DerReader &value, Extensions &out) {
  if (ext.oid == oid::kBasicConstraints) {
    out.basic_constraints = read_basic_constraints(value);
  } else if (ext.oid == oid::kKeyUsage) {
    out.key_usage = read_key_usage(value);
  } else if (ext.oid == oid::kExtKeyUsage) {
    out.ext_key_usage = read_ext_key_usage(value);
  } else if (ext.oid == oid::kSubjectAltName) {
    out.subject_alt_names = read_general_names(value, der::kSequence, "SubjectAltName");
  } else if (ext.oid == oid::kAuthorityKeyIdentifier) {
    out.authority_key_id = read_authority_key_id(value);
  } else if (ext.oid == oid::kSubjectKeyIdentifier) {
    out.subject_key_id = value.octet_string("SubjectKeyIdentifier");
  } else if (ext.oid == oid::kNameConstraints) {
    out.name_constraints = read_name_constraints(value);
  } else if (ext.oid == oid::kCertificatePolicies) {
    out.certificate_policies = read_certificate_policies(value);
  } else {
    return;  // kept as raw bytes only
  }
  value.expect_end(oid_display_name(ext.oid).c_str());
}

}  // namespace

bool is_handled_extension(std::string_view oid) {
  return oid == oid::kBasicConstraints || oid == oid::kKeyUsage || oid == oid::kExtKeyUsage ||
         oid == oid::kSubjectAltName || oid == oid::kAuthorityKeyIdentifier ||
         oid == oid::kSubjectKeyIdentifier || oid == oid::kNameConstraints ||
         oid == oid::kCertificatePolicies;
}

const Extension *Extensions::find(std::string_view oid) const {
  for (const Extension &ext : all)
    if (ext.oid == oid) return &ext;
  return nullptr;
}

bool Extensions::has_ext_key_usage(std::string_view oid) const {
  return ext_key_usage &&
         std::find(ext_key_usage->begin(), ext_key_usage->end(), oid) != ext_key_usage->end();
}

void read_extensions(der::DerReader &r, Extensions &out) {
  std::set<std::string> seen;  // a set: thousands of extensions must not cost n^2
  der::DerReader seq = r.enter(der::kSequence, "Extensions");
  if (seq.ok() && seq.empty()) seq.fail("empty Extensions (RFC 5280: SIZE (1..MAX))");
  while (seq.ok() && !seq.empty()) {
    Extension ext;
    ext.offset = seq.offset();
    der::Element whole;
    der::DerReader e = seq.enter(der::kSequence, "Extension", &whole);
    ext.encoding = whole.encoding;
    ext.oid = oid_to_string(e.oid("extnID"));
    if (e.next_is(der::kBoolean)) {
      const std::size_t at = e.offset();
      ext.critical = e.boolean("critical");
      if (e.ok() && !ext.critical)
        e.fail_at(at, "critical FALSE encoded explicitly (DER omits defaults)");
    }
    der::Element value_element;
    der::DerReader value = e.enter(der::kOctetString, "extnValue", &value_element);
    ext.value = value_element.content;
    e.expect_end("Extension");
    if (e.failed()) return;
    if (!seen.insert(ext.oid).second) {
      seq.fail_at(ext.offset, "extension " + oid_display_name(ext.oid) + " appears twice");
      return;
    }
    decode(ext, value, out);
    out.all.push_back(std::move(ext));
  }
}

}  // namespace tls::x509
