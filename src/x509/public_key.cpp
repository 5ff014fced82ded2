#include "x509/public_key.hpp"

#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

// The largest RSA modulus accepted: verification cost grows with the cube of the size, and a
// peer must not be able to make us spend seconds on one signature.
constexpr std::size_t kMaxRsaBits = 16384;

Bytes to_bytes(ByteView v) {
  return Bytes(v.begin(), v.end());
}

void read_ec_point(der::DerReader &r, std::size_t at, SubjectPublicKeyInfo &spki,
                   cipher::KeyType type, std::size_t coordinate_size) {
  const ByteView point = spki.key_bits;
  if (point.empty()) {
    r.fail_at(at, "EC public key: empty point");
    return;
  }
  if (point[0] == 0x02 || point[0] == 0x03) {
    spki.unsupported_reason = "compressed EC points are not supported";
    return;
  }
  if (point[0] != 0x04 || point.size() != 1 + 2 * coordinate_size) {
    r.fail_at(at, "EC public key: not an uncompressed point of " +
                      std::to_string(1 + 2 * coordinate_size) + " bytes");
    return;
  }
  spki.key.type = type;
  spki.key.point = to_bytes(point);
  spki.supported = true;
}

}  // namespace

std::size_t bit_length(ByteView magnitude) {
  std::size_t i = 0;
  while (i < magnitude.size() && magnitude[i] == 0)
    ++i;
  if (i == magnitude.size()) return 0;
  std::size_t bits = (magnitude.size() - i - 1) * 8;
  for (std::uint8_t top = magnitude[i]; top != 0; top >>= 1)
    ++bits;
  return bits;
}

void read_rsa_public_key(der::DerReader &r, cipher::PublicKey &key) {
  der::DerReader seq = r.enter(der::kSequence, "RSAPublicKey");
  const std::size_t n_at = seq.offset();
  const ByteView n = seq.unsigned_integer("RSA modulus");
  const std::size_t e_at = seq.offset();
  const ByteView e = seq.unsigned_integer("RSA public exponent");
  seq.expect_end("RSAPublicKey");
  if (seq.failed()) return;
  if (n.empty()) return seq.fail_at(n_at, "RSA modulus is zero");
  if (bit_length(n) > kMaxRsaBits)
    return seq.fail_at(n_at, "RSA modulus of " + std::to_string(bit_length(n)) + " bits exceeds " +
                                 std::to_string(kMaxRsaBits));
  if (e.empty()) return seq.fail_at(e_at, "RSA public exponent is zero");
  key.type = cipher::KeyType::rsa;
  key.rsa_n = to_bytes(n);
  key.rsa_e = to_bytes(e);
}

SubjectPublicKeyInfo read_subject_public_key_info(der::DerReader &r, const char *what) {
  SubjectPublicKeyInfo spki;
  der::Element whole;
  der::DerReader seq = r.enter(der::kSequence, what, &whole);
  spki.der = whole.encoding;
  der::DerReader alg = seq.enter(der::kSequence, "SubjectPublicKeyInfo algorithm");
  const std::size_t alg_at = alg.offset();
  spki.algorithm_oid = oid_to_string(alg.oid("public key algorithm"));
  if (alg.ok() && !alg.empty()) spki.parameters = alg.read_any("algorithm parameters").encoding;
  alg.expect_end("public key AlgorithmIdentifier");
  const std::size_t key_at = seq.offset();
  const der::BitString bits = seq.bit_string("subjectPublicKey");
  seq.expect_end(what);
  if (seq.failed()) return spki;
  if (bits.unused_bits != 0) {
    seq.fail_at(key_at, "subjectPublicKey has unused bits");
    return spki;
  }
  spki.key_bits = bits.bytes;

  if (spki.algorithm_oid == oid::kRsaEncryption) {
    // RFC 3279 §2.3.1: the parameters MUST be NULL.
    if (spki.parameters.size() != 2 || spki.parameters[0] != 0x05 || spki.parameters[1] != 0) {
      seq.fail_at(alg_at, "rsaEncryption parameters must be NULL");
      return spki;
    }
    der::DerReader inner(spki.key_bits, "RSAPublicKey");
    read_rsa_public_key(inner, spki.key);
    if (inner.ok()) inner.expect_end("subjectPublicKey");
    if (inner.failed()) {
      seq.fail_at(key_at, "subjectPublicKey: " + inner.message());
      return spki;
    }
    spki.supported = true;
  } else if (spki.algorithm_oid == oid::kEcPublicKey) {
    // RFC 5480 §2.1.1: namedCurve only (implicit and explicit curves are not allowed).
    der::DerReader params(spki.parameters, "ECParameters");
    if (!params.next_is(der::kOid)) {
      spki.unsupported_reason = "EC keys with explicit or implicit curve parameters";
      return spki;
    }
    spki.curve_oid = oid_to_string(params.oid("namedCurve"));
    params.expect_end("ECParameters");
    if (params.failed()) {
      seq.fail_at(alg_at, "EC parameters: " + params.message());
      return spki;
    }
    if (spki.curve_oid == oid::kPrime256v1) {
      read_ec_point(seq, key_at, spki, cipher::KeyType::ec_p256, 32);
    } else if (spki.curve_oid == oid::kSecp384r1) {
      read_ec_point(seq, key_at, spki, cipher::KeyType::ec_p384, 48);
    } else {
      spki.unsupported_reason = "EC curve " + oid_display_name(spki.curve_oid);
    }
  } else if (spki.algorithm_oid == oid::kEd25519) {
    // RFC 8410 §3: the parameters MUST be absent.
    if (!spki.parameters.empty()) {
      seq.fail_at(alg_at, "Ed25519 algorithm parameters must be absent");
      return spki;
    }
    if (spki.key_bits.size() != 32) {
      seq.fail_at(key_at, "Ed25519 public key is not 32 bytes");
      return spki;
    }
    spki.key.type = cipher::KeyType::ed25519;
    spki.key.point = to_bytes(spki.key_bits);
    spki.supported = true;
  } else {
    spki.unsupported_reason = "public key algorithm " + oid_display_name(spki.algorithm_oid);
  }
  return spki;
}

Result<SubjectPublicKeyInfo> parse_subject_public_key_info(ByteView der) {
  der::DerReader r(der, "SubjectPublicKeyInfo");
  SubjectPublicKeyInfo spki = read_subject_public_key_info(r, "SubjectPublicKeyInfo");
  r.expect_end("SubjectPublicKeyInfo");
  if (r.failed()) return r.error();
  if (!spki.supported)
    return make_error(AlertDescription::unsupported_certificate,
                      "SubjectPublicKeyInfo: unsupported key: " + spki.unsupported_reason);
  return spki;
}

Result<cipher::PublicKey> parse_rsa_public_key(ByteView der) {
  der::DerReader r(der, "RSAPublicKey");
  cipher::PublicKey key;
  read_rsa_public_key(r, key);
  r.expect_end("RSAPublicKey");
  if (r.failed()) return r.error();
  return key;
}

std::size_t SubjectPublicKeyInfo::bits() const {
  if (!supported) return 0;
  switch (key.type) {
    case cipher::KeyType::rsa:
      return bit_length(key.rsa_n);
    case cipher::KeyType::ec_p256:
      return 256;
    case cipher::KeyType::ec_p384:
      return 384;
    case cipher::KeyType::ed25519:
      return 256;
  }
  return 0;
}

std::string SubjectPublicKeyInfo::type_name() const {
  if (supported) {
    switch (key.type) {
      case cipher::KeyType::rsa:
        return "RSA";
      case cipher::KeyType::ec_p256:
        return "EC P-256";
      case cipher::KeyType::ec_p384:
        return "EC P-384";
      case cipher::KeyType::ed25519:
        return "Ed25519";
    }
  }
  return oid_display_name(algorithm_oid);
}

namespace {

// An INTEGER for a non-negative big-endian magnitude (a 0x00 octet in front when the top bit
// is set; 0 for an empty magnitude).
void write_unsigned(Writer &w, ByteView magnitude) {
  std::size_t i = 0;
  while (i + 1 < magnitude.size() && magnitude[i] == 0)
    ++i;
  magnitude = magnitude.subspan(std::min(i, magnitude.size()));
  Bytes content;
  if (magnitude.empty() || (magnitude[0] & 0x80)) content.push_back(0);
  append(content, magnitude);
  der::write_element(w, der::kInteger, content);
}

Bytes oid_element(std::string_view dotted) {
  return der::encode_element(der::kOid, *oid_from_string(dotted));
}

}  // namespace

Bytes encode_subject_public_key_info(const cipher::PublicKey &key) {
  Bytes alg;
  Bytes bits{0x00};  // no unused bits
  switch (key.type) {
    case cipher::KeyType::rsa: {
      append(alg, oid_element(oid::kRsaEncryption));
      append(alg, der::encode_element(der::kNull, {}));
      Writer rsa;
      Writer body;
      write_unsigned(body, key.rsa_n);
      write_unsigned(body, key.rsa_e);
      der::write_element(rsa, der::kSequence, body.data());
      append(bits, rsa.data());
      break;
    }
    case cipher::KeyType::ec_p256:
    case cipher::KeyType::ec_p384:
      append(alg, oid_element(oid::kEcPublicKey));
      append(alg, oid_element(key.type == cipher::KeyType::ec_p256 ? oid::kPrime256v1
                                                                   : oid::kSecp384r1));
      append(bits, key.point);
      break;
    case cipher::KeyType::ed25519:
      append(alg, oid_element(oid::kEd25519));
      append(bits, key.point);
      break;
  }
  Writer body;
  der::write_element(body, der::kSequence, alg);
  der::write_element(body, der::kBitString, bits);
  return der::encode_element(der::kSequence, body.data());
}

}  // namespace tls::x509
