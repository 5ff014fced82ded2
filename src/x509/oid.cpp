#include "x509/oid.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "common/reader.hpp"

namespace tls::x509 {

namespace {

struct OidName {
  std::string_view dotted;
  const char *short_name;
  const char *long_name;
};

// The names OpenSSL 3 gives these OIDs (OBJ_nid2sn / OBJ_nid2ln), so that tls-x509 prints
// what openssl prints.
constexpr OidName kNames[] = {
    // Name attributes
    {"2.5.4.3", "CN", "commonName"},
    {"2.5.4.4", "SN", "surname"},
    {"2.5.4.5", "serialNumber", "serialNumber"},
    {"2.5.4.6", "C", "countryName"},
    {"2.5.4.7", "L", "localityName"},
    {"2.5.4.8", "ST", "stateOrProvinceName"},
    {"2.5.4.9", "street", "streetAddress"},
    {"2.5.4.10", "O", "organizationName"},
    {"2.5.4.11", "OU", "organizationalUnitName"},
    {"2.5.4.12", "title", "title"},
    {"2.5.4.15", "businessCategory", "businessCategory"},
    {"2.5.4.17", "postalCode", "postalCode"},
    {"2.5.4.42", "GN", "givenName"},
    {"2.5.4.46", "dnQualifier", "dnQualifier"},
    {"2.5.4.97", "organizationIdentifier", "organizationIdentifier"},
    {"0.9.2342.19200300.100.1.1", "UID", "userId"},
    {"0.9.2342.19200300.100.1.25", "DC", "domainComponent"},
    {"1.2.840.113549.1.9.1", "emailAddress", "emailAddress"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC", "jurisdictionCountryName"},
    // Signature algorithms
    {"1.2.840.113549.1.1.4", "RSA-MD5", "md5WithRSAEncryption"},
    {"1.2.840.113549.1.1.5", "RSA-SHA1", "sha1WithRSAEncryption"},
    {"1.2.840.113549.1.1.11", "RSA-SHA256", "sha256WithRSAEncryption"},
    {"1.2.840.113549.1.1.12", "RSA-SHA384", "sha384WithRSAEncryption"},
    {"1.2.840.113549.1.1.13", "RSA-SHA512", "sha512WithRSAEncryption"},
    {"1.2.840.113549.1.1.14", "RSA-SHA224", "sha224WithRSAEncryption"},
    {"1.2.840.113549.1.1.10", "RSASSA-PSS", "rsassaPss"},
    {"1.2.840.113549.1.1.8", "MGF1", "mgf1"},
    {"1.2.840.10045.4.1", "ecdsa-with-SHA1", "ecdsa-with-SHA1"},
    {"1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "ecdsa-with-SHA224"},
    {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "ecdsa-with-SHA256"},
    {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "ecdsa-with-SHA384"},
    {"1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "ecdsa-with-SHA512"},
    {"1.3.101.112", "ED25519", "ED25519"},
    {"1.3.101.113", "ED448", "ED448"},
    {"1.3.101.110", "X25519", "X25519"},
    // Hashes
    {"1.2.840.113549.2.5", "MD5", "md5"},
    {"1.3.14.3.2.26", "SHA1", "sha1"},
    {"2.16.840.1.101.3.4.2.4", "SHA224", "sha224"},
    {"2.16.840.1.101.3.4.2.1", "SHA256", "sha256"},
    {"2.16.840.1.101.3.4.2.2", "SHA384", "sha384"},
    {"2.16.840.1.101.3.4.2.3", "SHA512", "sha512"},
    // Public-key algorithms and curves
    {"1.2.840.113549.1.1.1", "rsaEncryption", "rsaEncryption"},
    {"1.2.840.10045.2.1", "id-ecPublicKey", "id-ecPublicKey"},
    {"1.2.840.10045.3.1.7", "prime256v1", "prime256v1"},
    {"1.3.132.0.34", "secp384r1", "secp384r1"},
    {"1.3.132.0.35", "secp521r1", "secp521r1"},
    // Extensions
    {"2.5.29.14", "subjectKeyIdentifier", "X509v3 Subject Key Identifier"},
    {"2.5.29.15", "keyUsage", "X509v3 Key Usage"},
    {"2.5.29.17", "subjectAltName", "X509v3 Subject Alternative Name"},
    {"2.5.29.18", "issuerAltName", "X509v3 Issuer Alternative Name"},
    {"2.5.29.19", "basicConstraints", "X509v3 Basic Constraints"},
    {"2.5.29.30", "nameConstraints", "X509v3 Name Constraints"},
    {"2.5.29.31", "crlDistributionPoints", "X509v3 CRL Distribution Points"},
    {"2.5.29.32", "certificatePolicies", "X509v3 Certificate Policies"},
    {"2.5.29.33", "policyMappings", "X509v3 Policy Mappings"},
    {"2.5.29.35", "authorityKeyIdentifier", "X509v3 Authority Key Identifier"},
    {"2.5.29.36", "policyConstraints", "X509v3 Policy Constraints"},
    {"2.5.29.37", "extendedKeyUsage", "X509v3 Extended Key Usage"},
    {"2.5.29.54", "inhibitAnyPolicy", "X509v3 Inhibit Any Policy"},
    {"1.3.6.1.5.5.7.1.1", "authorityInfoAccess", "Authority Information Access"},
    {"1.3.6.1.5.5.7.1.24", "tlsfeature", "TLS Feature"},
    {"1.3.6.1.4.1.11129.2.4.2", "ct_precert_scts", "CT Precertificate SCTs"},
    {"2.16.840.1.113730.1.1", "nsCertType", "Netscape Cert Type"},
    {"2.16.840.1.113730.1.13", "nsComment", "Netscape Comment"},
    {"2.5.29.32.0", "anyPolicy", "X509v3 Any Policy"},
    // Extended key usages
    {"2.5.29.37.0", "anyExtendedKeyUsage", "Any Extended Key Usage"},
    {"1.3.6.1.5.5.7.3.1", "serverAuth", "TLS Web Server Authentication"},
    {"1.3.6.1.5.5.7.3.2", "clientAuth", "TLS Web Client Authentication"},
    {"1.3.6.1.5.5.7.3.3", "codeSigning", "Code Signing"},
    {"1.3.6.1.5.5.7.3.4", "emailProtection", "E-mail Protection"},
    {"1.3.6.1.5.5.7.3.8", "timeStamping", "Time Stamping"},
    {"1.3.6.1.5.5.7.3.9", "OCSPSigning", "OCSP Signing"},
    // Access methods and policy qualifiers
    {"1.3.6.1.5.5.7.48.1", "OCSP", "OCSP"},
    {"1.3.6.1.5.5.7.48.2", "caIssuers", "CA Issuers"},
    {"1.3.6.1.5.5.7.2.1", "id-qt-cps", "Policy Qualifier CPS"},
    {"1.3.6.1.5.5.7.2.2", "id-qt-unotice", "Policy Qualifier User Notice"},
    // Curves for SPKI printing
    {"1.3.132.0.10", "secp256k1", "secp256k1"},
    {"1.3.101.111", "X448", "X448"},
};

const OidName *find_name(std::string_view dotted) {
  for (const OidName &n : kNames)
    if (n.dotted == dotted) return &n;
  return nullptr;
}

// The longest sub-identifier accepted: 20 base-128 groups (140 bits) covers the 128-bit UUID
// arcs of 2.25 (X.667) and bounds the work on hostile input.
constexpr std::size_t kMaxArcGroups = 20;

// A non-negative integer in base 10^9 limbs (least significant first), for arcs that do not
// fit in 64 bits.
class BigArc {
 public:
  void mul_add(std::uint32_t mul, std::uint32_t add) {
    std::uint64_t carry = add;
    for (std::uint32_t &limb : limbs_) {
      const std::uint64_t v = static_cast<std::uint64_t>(limb) * mul + carry;
      limb = static_cast<std::uint32_t>(v % kBase);
      carry = v / kBase;
    }
    while (carry) {
      limbs_.push_back(static_cast<std::uint32_t>(carry % kBase));
      carry /= kBase;
    }
  }
  std::uint32_t div_small(std::uint32_t d) {  // returns the remainder
    std::uint64_t rem = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      const std::uint64_t v = rem * kBase + limbs_[i];
      limbs_[i] = static_cast<std::uint32_t>(v / d);
      rem = v % d;
    }
    trim();
    return static_cast<std::uint32_t>(rem);
  }
  void sub_small(std::uint32_t v) {  // caller guarantees *this >= v
    std::int64_t borrow = v;
    for (std::uint32_t &limb : limbs_) {
      std::int64_t x = static_cast<std::int64_t>(limb) - borrow;
      borrow = 0;
      if (x < 0) {
        x += kBase;
        borrow = 1;
      }
      limb = static_cast<std::uint32_t>(x);
      if (!borrow) break;
    }
    trim();
  }
  bool is_zero() const { return limbs_.empty(); }
  std::string to_string() const {
    if (limbs_.empty()) return "0";
    std::string out = std::to_string(limbs_.back());
    for (std::size_t i = limbs_.size() - 1; i-- > 0;) {
      const std::string part = std::to_string(limbs_[i]);
      out += std::string(9 - part.size(), '0') + part;
    }
    return out;
  }

 private:
  static constexpr std::uint64_t kBase = 1000000000;
  void trim() {
    while (!limbs_.empty() && limbs_.back() == 0)
      limbs_.pop_back();
  }
  std::vector<std::uint32_t> limbs_;
};

// Reads the octets of one base-128 sub-identifier; false when it is not minimal, does not
// end, or is longer than kMaxArcGroups.
bool read_arc(Reader &r, ByteView &groups, std::string *why) {
  const ByteView rest = r.rest();
  std::size_t n = 0;
  for (;;) {
    if (n == rest.size()) {
      if (why) *why = "OID sub-identifier not terminated";
      return false;
    }
    if (n == 0 && rest[0] == 0x80) {
      if (why) *why = "OID sub-identifier not minimally encoded (leading 0x80)";
      return false;
    }
    if (++n > kMaxArcGroups) {
      if (why) *why = "OID sub-identifier longer than 140 bits";
      return false;
    }
    if ((rest[n - 1] & 0x80) == 0) break;
  }
  groups = rest.first(n);
  return true;
}

BigArc arc_value(ByteView groups) {
  BigArc v;
  for (std::uint8_t b : groups)
    v.mul_add(128, b & 0x7f);
  return v;
}

// Parses one decimal arc (no leading zeros); nullopt when it is not one.
std::optional<BigArc> decimal_arc(std::string_view part) {
  if (part.empty() || part.size() > 45 || (part.size() > 1 && part[0] == '0')) return std::nullopt;
  BigArc v;
  for (char c : part) {
    if (c < '0' || c > '9') return std::nullopt;
    v.mul_add(10, static_cast<std::uint32_t>(c - '0'));
  }
  return v;
}

void put_arc(Bytes &out, BigArc v) {
  std::uint8_t tmp[64];
  std::size_t n = 0;
  do {
    tmp[n++] = static_cast<std::uint8_t>(v.div_small(128));
  } while (!v.is_zero() && n < sizeof tmp);
  while (n > 0) {
    --n;
    out.push_back(static_cast<std::uint8_t>(tmp[n] | (n > 0 ? 0x80 : 0)));
  }
}

}  // namespace

bool check_oid(ByteView content, std::string *why) {
  if (content.empty()) {
    if (why) *why = "empty OID";
    return false;
  }
  std::size_t pos = 0;
  while (pos < content.size()) {
    Reader r(content.subspan(pos), "OID");
    ByteView groups;
    if (!read_arc(r, groups, why)) return false;
    pos += groups.size();
  }
  return true;
}

std::string oid_to_string(ByteView content) {
  if (!check_oid(content)) return "<invalid OID>";
  std::string out;
  std::size_t pos = 0;
  while (pos < content.size()) {
    Reader r(content.subspan(pos), "OID");
    ByteView groups;
    (void)read_arc(r, groups, nullptr);
    BigArc arc = arc_value(groups);
    if (pos == 0) {
      // The first sub-identifier packs two arcs: 40 * X + Y, X in {0, 1, 2}.
      BigArc probe = arc;
      // Two groups hold at most 14 bits; three or more mean a value >= 16384, so X = 2.
      const auto first = groups.size() <= 2
                             ? static_cast<std::uint32_t>(std::stoul(arc.to_string()))
                             : std::uint32_t{80};
      const std::uint32_t x = first < 40 ? 0 : first < 80 ? 1 : 2;
      probe.sub_small(40 * x);
      out = std::to_string(x) + "." + probe.to_string();
    } else {
      out += "." + arc.to_string();
    }
    pos += groups.size();
  }
  return out;
}

std::optional<Bytes> oid_from_string(std::string_view dotted) {
  std::vector<BigArc> arcs;
  std::size_t pos = 0;
  while (pos <= dotted.size()) {
    const std::size_t dot = std::min(dotted.find('.', pos), dotted.size());
    auto arc = decimal_arc(dotted.substr(pos, dot - pos));
    if (!arc) return std::nullopt;
    arcs.push_back(std::move(*arc));
    pos = dot + 1;
  }
  if (arcs.size() < 2) return std::nullopt;
  const std::string first = arcs[0].to_string();
  if (first != "0" && first != "1" && first != "2") return std::nullopt;
  const std::string second = arcs[1].to_string();
  if (first != "2" && (second.size() > 2 || std::stoul(second) > 39)) return std::nullopt;
  BigArc combined = arcs[1];
  combined.mul_add(1, static_cast<std::uint32_t>(40 * std::stoul(first)));
  Bytes out;
  put_arc(out, combined);
  for (std::size_t i = 2; i < arcs.size(); ++i)
    put_arc(out, arcs[i]);
  if (!check_oid(out)) return std::nullopt;  // an arc beyond what check_oid accepts
  return out;
}

const char *oid_short_name(std::string_view dotted) {
  const OidName *n = find_name(dotted);
  return n ? n->short_name : nullptr;
}

const char *oid_long_name(std::string_view dotted) {
  const OidName *n = find_name(dotted);
  return n ? n->long_name : nullptr;
}

std::string oid_display_name(std::string_view dotted) {
  const char *name = oid_long_name(dotted);
  return name ? std::string(name) : std::string(dotted);
}

}  // namespace tls::x509
