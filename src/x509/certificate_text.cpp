#include "x509/certificate_text.hpp"

#include <algorithm>

#include <cstdio>

#include "x509/oid.hpp"
#include "x509/public_key.hpp"

namespace tls::x509 {

namespace {

constexpr const char *kKeyUsageNames[] = {
    "Digital Signature", "Non Repudiation", "Key Encipherment",
    "Data Encipherment", "Key Agreement",   "Certificate Sign",
    "CRL Sign",          "Encipher Only",   "Decipher Only",
};

// Hex bytes in rows of `per_line`, each row indented, as openssl prints keys and signatures.
std::string hex_block(ByteView bytes, std::size_t indent, std::size_t per_line) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += per_line) {
    out += std::string(indent, ' ');
    const std::size_t n = std::min(per_line, bytes.size() - i);
    out += colon_hex(bytes.subspan(i, n));
    if (i + n < bytes.size()) out += ':';
    out += '\n';
  }
  return out;
}

std::string lower_hash_name(cipher::HashAlg hash) {
  std::string s = cipher::hash_name(hash);
  for (char &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// RSA-PSS parameters, one line each, as openssl prints them below the algorithm name.
std::string pss_parameters_text(const SignatureAlgorithm &sa, std::size_t indent) {
  if (sa.oid != oid::kRsaPss || !sa.supported) return {};
  const std::string pad(indent, ' ');
  const std::string hash = lower_hash_name(sa.params.hash);
  char salt[32];
  std::snprintf(salt, sizeof salt, "0x%zX", sa.pss_salt_length);
  return pad + "Hash Algorithm: " + hash + "\n" + pad + "Mask Algorithm: mgf1 with " + hash + "\n" +
         pad + " Salt Length: " + salt + "\n" + pad + "Trailer Field: 0x01 (default)\n";
}

std::string serial_text(ByteView serial) {
  // As openssl: a serial below 2^63 prints in decimal and hex; a longer one as the colon hex of
  // its magnitude (without the sign octet).
  const ByteView magnitude = serial.size() > 1 && serial[0] == 0 ? serial.subspan(1) : serial;
  if (magnitude.size() < 8 || (magnitude.size() == 8 && (magnitude[0] & 0x80) == 0)) {
    std::uint64_t v = 0;
    for (std::uint8_t b : magnitude)
      v = v << 8 | b;
    char buf[64];
    std::snprintf(buf, sizeof buf, " %llu (0x%llx)", static_cast<unsigned long long>(v),
                  static_cast<unsigned long long>(v));
    return buf;
  }
  return "\n            " + colon_hex(magnitude);
}

std::string public_key_text(const SubjectPublicKeyInfo &spki) {
  const std::string pad16(16, ' ');
  std::string out =
      "            Public Key Algorithm: " + oid_display_name(spki.algorithm_oid) + "\n";
  if (!spki.supported) {
    out += pad16 + "Unsupported key (" + spki.unsupported_reason + "):\n";
    out += hex_block(spki.key_bits, 20, 15);
    return out;
  }
  const cipher::PublicKey &key = spki.key;
  switch (key.type) {
    case cipher::KeyType::rsa: {
      out += pad16 + "Public-Key: (" + std::to_string(spki.bits()) + " bit)\n";
      out += pad16 + "Modulus:\n";
      // A leading zero when the top bit is set, as openssl prints it. (Built by size rather
      // than push_back + insert, which g++ 12 -O2 misreports as an overflow.)
      const std::size_t lead = !key.rsa_n.empty() && (key.rsa_n[0] & 0x80) ? 1 : 0;
      Bytes n(lead + key.rsa_n.size(), 0);
      std::copy(key.rsa_n.begin(), key.rsa_n.end(), n.begin() + static_cast<std::ptrdiff_t>(lead));
      out += hex_block(n, 20, 15);
      std::uint64_t e = 0;
      if (key.rsa_e.size() <= 8) {
        for (std::uint8_t b : key.rsa_e)
          e = e << 8 | b;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%llu (0x%llx)", static_cast<unsigned long long>(e),
                      static_cast<unsigned long long>(e));
        out += pad16 + "Exponent: " + buf + "\n";
      } else {
        out += pad16 + "Exponent:\n" + hex_block(key.rsa_e, 20, 15);
      }
      break;
    }
    case cipher::KeyType::ec_p256:
    case cipher::KeyType::ec_p384: {
      const bool p256 = key.type == cipher::KeyType::ec_p256;
      out += pad16 + "Public-Key: (" + std::to_string(spki.bits()) + " bit)\n";
      out += pad16 + "pub:\n" + hex_block(key.point, 20, 15);
      out += pad16 + "ASN1 OID: " + (p256 ? "prime256v1" : "secp384r1") + "\n";
      out += pad16 + "NIST CURVE: " + (p256 ? "P-256" : "P-384") + "\n";
      break;
    }
    case cipher::KeyType::ed25519:
      out += pad16 + "ED25519 Public-Key:\n" + pad16 + "pub:\n" + hex_block(key.point, 20, 15);
      break;
  }
  return out;
}

std::string join(const std::vector<std::string> &items, const char *sep) {
  std::string out;
  for (const std::string &s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string general_names_text(const std::vector<GeneralName> &names) {
  std::vector<std::string> items;
  for (const GeneralName &n : names)
    items.push_back(n.to_string());
  return join(items, ", ");
}

// The decoded value of one extension, each line indented by 16 spaces.
std::string extension_value_text(const Extension &ext, const Extensions &all) {
  const std::string pad(16, ' ');
  if (ext.oid == oid::kBasicConstraints && all.basic_constraints) {
    std::string s = all.basic_constraints->ca ? "CA:TRUE" : "CA:FALSE";
    if (all.basic_constraints->path_len)
      s += ", pathlen:" + std::to_string(*all.basic_constraints->path_len);
    return pad + s + "\n";
  }
  if (ext.oid == oid::kKeyUsage && all.key_usage) {
    std::vector<std::string> names;
    for (unsigned i = 0; i < 9; ++i)
      if (all.key_usage->bits & (1u << i)) names.push_back(kKeyUsageNames[i]);
    return pad + join(names, ", ") + "\n";
  }
  if (ext.oid == oid::kExtKeyUsage && all.ext_key_usage) {
    std::vector<std::string> names;
    for (const std::string &o : *all.ext_key_usage)
      names.push_back(oid_display_name(o));
    return pad + join(names, ", ") + "\n";
  }
  if (ext.oid == oid::kSubjectAltName && all.subject_alt_names)
    return pad + general_names_text(*all.subject_alt_names) + "\n";
  if (ext.oid == oid::kSubjectKeyIdentifier && all.subject_key_id)
    return pad + colon_hex(*all.subject_key_id, true) + "\n";
  if (ext.oid == oid::kAuthorityKeyIdentifier && all.authority_key_id) {
    std::string s;
    if (all.authority_key_id->key_id)
      s += pad + colon_hex(*all.authority_key_id->key_id, true) + "\n";
    if (!all.authority_key_id->issuer.empty())
      s += pad + general_names_text(all.authority_key_id->issuer) + "\n";
    if (all.authority_key_id->serial)
      s += pad + "serial:" + colon_hex(*all.authority_key_id->serial, true) + "\n";
    return s;
  }
  if (ext.oid == oid::kNameConstraints && all.name_constraints) {
    std::string s;
    if (!all.name_constraints->permitted.empty()) {
      s += pad + "Permitted:\n";
      for (const GeneralName &n : all.name_constraints->permitted)
        s += pad + "  " + n.to_string() + "\n";
    }
    if (!all.name_constraints->excluded.empty()) {
      s += pad + "Excluded:\n";
      for (const GeneralName &n : all.name_constraints->excluded)
        s += pad + "  " + n.to_string() + "\n";
    }
    return s;
  }
  if (ext.oid == oid::kCertificatePolicies && all.certificate_policies) {
    std::string s;
    for (const PolicyInformation &p : *all.certificate_policies) {
      s += pad + "Policy: " + oid_display_name(p.oid) + "\n";
      for (const std::string &cps : p.cps_uris)
        s += pad + "  CPS: " + cps + "\n";
      for (const std::string &q : p.other_qualifiers)
        s += pad + "  Qualifier: " + oid_display_name(q) + "\n";
    }
    return s;
  }
  // Decoded for display only: AIA and CRL distribution points (URIs).
  if (ext.oid == oid::kAuthorityInfoAccess) {
    der::DerReader r(ext.value, "AuthorityInfoAccess");
    der::DerReader seq = r.enter(der::kSequence, "AuthorityInfoAccessSyntax");
    std::string s;
    while (seq.ok() && !seq.empty()) {
      der::DerReader ad = seq.enter(der::kSequence, "AccessDescription");
      const std::string method = oid_to_string(ad.oid("accessMethod"));
      const GeneralName location = read_general_name(ad);
      ad.expect_end("AccessDescription");
      s += pad + oid_display_name(method) + " - " + location.to_string() + "\n";
    }
    if (r.ok() && seq.ok()) return s;
  }
  if (ext.oid == oid::kCrlDistributionPoints) {
    der::DerReader r(ext.value, "CRLDistributionPoints");
    der::DerReader seq = r.enter(der::kSequence, "CRLDistributionPoints");
    std::string s;
    while (seq.ok() && !seq.empty()) {
      der::DerReader dp = seq.enter(der::kSequence, "DistributionPoint");
      if (dp.next_is(der::context(0, true))) {
        der::DerReader name = dp.enter(der::context(0, true), "distributionPoint");
        if (name.next_is(der::context(0, true))) {
          s += pad + "Full Name:\n";
          for (const GeneralName &n : read_general_names(name, der::context(0, true), "fullName"))
            s += pad + "  " + n.to_string() + "\n";
        } else {
          (void)name.read_any("nameRelativeToCRLIssuer");
          s += pad + "Relative Name\n";
        }
      }
      while (dp.ok() && !dp.empty())
        (void)dp.read_any("DistributionPoint field");
    }
    if (r.ok() && seq.ok()) return s;
  }
  // Anything else (an application's own extension included): the raw value as hex.
  return hex_block(ext.value, 16, 18);
}

}  // namespace

std::string colon_hex(ByteView bytes, bool upper) {
  static constexpr char kLower[] = "0123456789abcdef";
  static constexpr char kUpper[] = "0123456789ABCDEF";
  const char *digits = upper ? kUpper : kLower;
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i) out += ':';
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

std::string fingerprint(const Certificate &cert, const cipher::Provider &provider,
                        cipher::HashAlg hash) {
  return colon_hex(provider.digest(hash, cert.der()), true);
}

std::string certificate_text(const Certificate &cert, const cipher::Provider *provider) {
  std::string out = "Certificate:\n    Data:\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "        Version: %d (0x%x)\n", cert.version(),
                cert.version() - 1);
  out += buf;
  out += "        Serial Number:" + serial_text(cert.serial()) + "\n";
  out += "        Signature Algorithm: " + cert.signature_algorithm().name() + "\n";
  out += pss_parameters_text(cert.signature_algorithm(), 8);
  out += "        Issuer: " + cert.issuer().to_string() + "\n";
  out += "        Validity\n";
  out += "            Not Before: " + format_openssl_time(cert.not_before()) + "\n";
  out += "            Not After : " + format_openssl_time(cert.not_after()) + "\n";
  out += "        Subject: " + cert.subject().to_string() + "\n";
  out += "        Subject Public Key Info:\n" + public_key_text(cert.public_key_info());
  if (!cert.issuer_unique_id().empty())
    out += "        Issuer Unique ID: " + colon_hex(cert.issuer_unique_id()) + "\n";
  if (!cert.subject_unique_id().empty())
    out += "        Subject Unique ID: " + colon_hex(cert.subject_unique_id()) + "\n";
  const Extensions &ext = cert.extensions();
  if (!ext.all.empty()) {
    out += "        X509v3 extensions:\n";
    for (const Extension &e : ext.all) {
      out +=
          "            " + oid_display_name(e.oid) + ": " + (e.critical ? "critical" : "") + "\n";
      out += extension_value_text(e, ext);
    }
  }
  out += "    Signature Algorithm: " + cert.signature_algorithm().name() + "\n";
  out += "    Signature Value:\n" + pss_parameters_text(cert.signature_algorithm(), 8);
  out += hex_block(cert.signature(), 8, 18);
  if (provider) {
    out += "SHA256 Fingerprint=" + fingerprint(cert, *provider, cipher::HashAlg::sha256) + "\n";
    out += "SHA1 Fingerprint=" + fingerprint(cert, *provider, cipher::HashAlg::sha1) + "\n";
  }
  return out;
}

}  // namespace tls::x509
