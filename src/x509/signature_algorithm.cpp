#include "x509/signature_algorithm.hpp"

#include <optional>

#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

using cipher::HashAlg;
using cipher::SignatureAlg;

std::optional<HashAlg> hash_from_oid(std::string_view oid) {
  if (oid == oid::kSha1) return HashAlg::sha1;
  if (oid == oid::kSha256) return HashAlg::sha256;
  if (oid == oid::kSha384) return HashAlg::sha384;
  if (oid == oid::kSha512) return HashAlg::sha512;
  return std::nullopt;
}

bool is_null(ByteView element) {
  return element.size() == 2 && element[0] == 0x05 && element[1] == 0x00;
}

// A hash AlgorithmIdentifier inside RSASSA-PSS-params: the OID, parameters NULL or absent.
std::string read_hash_algorithm(der::DerReader &r, const char *what) {
  der::DerReader alg = r.enter(der::kSequence, what);
  std::string oid = oid_to_string(alg.oid(what));
  if (alg.ok() && !alg.empty()) alg.null("hash parameters");
  alg.expect_end(what);
  return oid;
}

void read_pss_parameters(der::DerReader &r, SignatureAlgorithm &sa) {
  der::Element whole;
  der::DerReader params = r.enter(der::kSequence, "RSASSA-PSS-params", &whole);
  sa.parameters = whole.encoding;
  std::string hash = std::string(oid::kSha1);  // the DEFAULTs of RFC 4055 §3.1
  std::string mgf_hash = std::string(oid::kSha1);
  std::int64_t salt = 20;
  if (params.next_is(der::context(0, true))) {
    der::DerReader h = params.enter(der::context(0, true), "hashAlgorithm");
    hash = read_hash_algorithm(h, "hashAlgorithm");
    h.expect_end("hashAlgorithm");
  }
  if (params.next_is(der::context(1, true))) {
    der::DerReader m = params.enter(der::context(1, true), "maskGenAlgorithm");
    der::DerReader mgf = m.enter(der::kSequence, "maskGenAlgorithm");
    const std::size_t at = mgf.offset();
    const std::string mgf_oid = oid_to_string(mgf.oid("maskGenAlgorithm"));
    if (mgf.ok() && mgf_oid != oid::kMgf1)
      mgf.fail_at(at, "RSA-PSS mask generation function " + mgf_oid + " is not MGF1");
    mgf_hash = read_hash_algorithm(mgf, "MGF1 hash");
    mgf.expect_end("maskGenAlgorithm");
    m.expect_end("maskGenAlgorithm");
  }
  if (params.next_is(der::context(2, true))) {
    der::DerReader s = params.enter(der::context(2, true), "saltLength");
    salt = s.small_integer("saltLength", 0, 1024);
    s.expect_end("saltLength");
  }
  if (params.next_is(der::context(3, true))) {
    der::DerReader t = params.enter(der::context(3, true), "trailerField");
    (void)t.small_integer("trailerField", 1, 1);  // RFC 4055: trailerFieldBC (1) only
    t.expect_end("trailerField");
  }
  params.expect_end("RSASSA-PSS-params");
  if (params.failed()) return;

  sa.pss_salt_length = static_cast<std::size_t>(salt);
  const auto h = hash_from_oid(hash);
  if (!h) {
    sa.unsupported_reason = "RSA-PSS with hash " + oid_display_name(hash);
  } else if (mgf_hash != hash) {
    sa.unsupported_reason = "RSA-PSS with an MGF1 hash different from the message hash";
  } else if (sa.pss_salt_length != cipher::hash_size(*h)) {
    sa.unsupported_reason = "RSA-PSS with a salt length other than the hash length";
  } else {
    sa.supported = true;
    sa.params = {SignatureAlg::rsa_pss, *h};
  }
}

}  // namespace

SignatureAlgorithm read_signature_algorithm(der::DerReader &r, const char *what) {
  SignatureAlgorithm sa;
  der::Element whole;
  der::DerReader alg = r.enter(der::kSequence, what, &whole);
  sa.encoding = whole.encoding;
  const std::size_t at = alg.offset();
  sa.oid = oid_to_string(alg.oid("signature algorithm"));
  if (alg.failed()) return sa;

  struct Pkcs1 {
    std::string_view oid;
    HashAlg hash;
  };
  static constexpr Pkcs1 kPkcs1[] = {
      {oid::kMd5WithRsa, HashAlg::md5},       {oid::kSha1WithRsa, HashAlg::sha1},
      {oid::kSha256WithRsa, HashAlg::sha256}, {oid::kSha384WithRsa, HashAlg::sha384},
      {oid::kSha512WithRsa, HashAlg::sha512},
  };
  static constexpr Pkcs1 kEcdsa[] = {
      {oid::kEcdsaWithSha1, HashAlg::sha1},
      {oid::kEcdsaWithSha256, HashAlg::sha256},
      {oid::kEcdsaWithSha384, HashAlg::sha384},
      {oid::kEcdsaWithSha512, HashAlg::sha512},
  };

  if (sa.oid == oid::kRsaPss) {
    if (alg.empty()) {
      alg.fail_at(at, "RSA-PSS signature algorithm without parameters");
      return sa;
    }
    read_pss_parameters(alg, sa);
  } else {
    if (!alg.empty()) sa.parameters = alg.read_any("signature algorithm parameters").encoding;
    bool known = false;
    for (const Pkcs1 &p : kPkcs1) {
      if (sa.oid != p.oid) continue;
      known = true;
      // RFC 4055 §5: parameters NULL, and implementations MUST accept them absent too.
      if (!sa.parameters.empty() && !is_null(sa.parameters)) {
        alg.fail_at(at, oid_display_name(sa.oid) + " parameters must be NULL or absent");
        return sa;
      }
      sa.supported = true;
      sa.params = {SignatureAlg::rsa_pkcs1, p.hash};
    }
    for (const Pkcs1 &p : kEcdsa) {
      if (sa.oid != p.oid) continue;
      known = true;
      if (!sa.parameters.empty()) {
        alg.fail_at(at, oid_display_name(sa.oid) + " parameters must be absent");
        return sa;
      }
      sa.supported = true;
      sa.params = {SignatureAlg::ecdsa, p.hash};
    }
    if (sa.oid == oid::kEd25519) {
      known = true;
      if (!sa.parameters.empty()) {
        alg.fail_at(at, "ED25519 parameters must be absent");
        return sa;
      }
      sa.supported = true;
      sa.params = {SignatureAlg::ed25519, HashAlg::sha512};
    }
    if (!known) sa.unsupported_reason = "signature algorithm " + oid_display_name(sa.oid);
  }
  alg.expect_end(what);
  return sa;
}

bool SignatureAlgorithm::matches_key(cipher::KeyType type) const {
  if (!supported) return false;
  switch (params.alg) {
    case SignatureAlg::rsa_pkcs1:
    case SignatureAlg::rsa_pss:
      return type == cipher::KeyType::rsa;
    case SignatureAlg::ecdsa:
      return type == cipher::KeyType::ec_p256 || type == cipher::KeyType::ec_p384;
    case SignatureAlg::ed25519:
      return type == cipher::KeyType::ed25519;
  }
  return false;
}

std::string SignatureAlgorithm::name() const {
  return oid_display_name(oid);
}

}  // namespace tls::x509
