#include "x509/private_key.hpp"

#include <algorithm>

#include "x509/certificate.hpp"
#include "x509/der.hpp"
#include "x509/derive_public_key.hpp"
#include "x509/oid.hpp"
#include "x509/pem.hpp"

namespace tls::x509 {

namespace {

using cipher::KeyType;
using cipher::PrivateKey;

std::size_t ec_scalar_size(KeyType type) {
  return type == KeyType::ec_p256 ? 32 : 48;
}

const char *type_name(KeyType type) {
  switch (type) {
    case KeyType::rsa:
      return "RSA";
    case KeyType::ec_p256:
      return "EC P-256";
    case KeyType::ec_p384:
      return "EC P-384";
    case KeyType::ed25519:
      return "Ed25519";
  }
  return "unknown";
}

std::string_view curve_oid(KeyType type) {
  return type == KeyType::ec_p256 ? oid::kPrime256v1 : oid::kSecp384r1;
}

// A positive INTEGER's magnitude into a SecureBuffer; fails on zero.
SecureBuffer secret_integer(der::DerReader &r, const char *what) {
  const std::size_t at = r.offset();
  const ByteView v = r.unsigned_integer(what);
  if (r.ok() && v.empty()) r.fail_at(at, std::string(what) + " is zero");
  return to_secure(v);
}

void read_rsa_private_key(der::DerReader &r, PrivateKey &key) {
  der::DerReader seq = r.enter(der::kSequence, "RSAPrivateKey");
  const std::size_t version_at = seq.offset();
  const std::int64_t version = seq.small_integer("RSAPrivateKey version", 0, 1);
  if (seq.ok() && version != 0)
    seq.fail_at(version_at, "multi-prime RSA keys (version 1) are not supported");
  const std::size_t n_at = seq.offset();
  const ByteView n = seq.unsigned_integer("modulus");
  const ByteView e = seq.unsigned_integer("publicExponent");
  if (seq.ok() && (n.empty() || e.empty())) seq.fail_at(n_at, "RSA modulus or exponent is zero");
  key.rsa_d = secret_integer(seq, "privateExponent");
  key.rsa_p = secret_integer(seq, "prime1");
  key.rsa_q = secret_integer(seq, "prime2");
  key.rsa_dp = secret_integer(seq, "exponent1");
  key.rsa_dq = secret_integer(seq, "exponent2");
  key.rsa_qinv = secret_integer(seq, "coefficient");
  seq.expect_end("RSAPrivateKey");
  key.public_key.type = KeyType::rsa;
  key.public_key.rsa_n.assign(n.begin(), n.end());
  key.public_key.rsa_e.assign(e.begin(), e.end());
}

// ECPrivateKey (RFC 5915). `curve` is the curve named outside (PKCS#8), or empty (SEC1).
void read_ec_private_key(der::DerReader &r, PrivateKey &key, std::string curve,
                         ByteView &public_bits) {
  der::DerReader seq = r.enter(der::kSequence, "ECPrivateKey");
  (void)seq.small_integer("ECPrivateKey version", 1, 1);
  const std::size_t scalar_at = seq.offset();
  const ByteView scalar = seq.octet_string("privateKey");
  if (seq.next_is(der::context(0, true))) {
    der::DerReader params = seq.enter(der::context(0, true), "parameters");
    const std::size_t at = params.offset();
    if (!params.next_is(der::kOid)) {
      params.fail_at(at, "EC keys with explicit curve parameters are not supported");
    } else {
      const std::string named = oid_to_string(params.oid("namedCurve"));
      if (params.ok() && !curve.empty() && named != curve)
        params.fail_at(at, "ECPrivateKey curve differs from the PrivateKeyInfo curve");
      curve = named;
    }
    params.expect_end("parameters");
  }
  if (seq.next_is(der::context(1, true))) {
    der::DerReader pub = seq.enter(der::context(1, true), "publicKey");
    const std::size_t at = pub.offset();
    const der::BitString bits = pub.bit_string("publicKey");
    if (pub.ok() && bits.unused_bits != 0) pub.fail_at(at, "publicKey has unused bits");
    public_bits = bits.bytes;
    pub.expect_end("publicKey");
  }
  seq.expect_end("ECPrivateKey");
  if (seq.failed()) return;
  if (curve.empty()) {
    seq.fail_at(scalar_at, "ECPrivateKey names no curve");
    return;
  }
  if (curve == oid::kPrime256v1) {
    key.public_key.type = KeyType::ec_p256;
  } else if (curve == oid::kSecp384r1) {
    key.public_key.type = KeyType::ec_p384;
  } else {
    seq.fail_at(scalar_at, "EC curve " + oid_display_name(curve) + " is not supported");
    return;
  }
  // RFC 5915 §3: the scalar is exactly ceiling(log2(n) / 8) octets.
  if (scalar.size() != ec_scalar_size(key.public_key.type)) {
    seq.fail_at(scalar_at, "EC private key is " + std::to_string(scalar.size()) +
                               " bytes, expected " +
                               std::to_string(ec_scalar_size(key.public_key.type)));
    return;
  }
  key.secret = to_secure(scalar);
}

// Fills in the EC / Ed25519 public key from the secret and checks it against the one the file
// carried, if any.
Status complete_public_key(PrivateKey &key, ByteView carried, const char *context) {
  Result<Bytes> derived = key.public_key.type == KeyType::ed25519
                              ? derive_ed25519_public_key(key.secret)
                              : derive_ec_public_point(key.public_key.type, key.secret);
  if (!derived) return with_context(derived.error(), context);
  if (!carried.empty() &&
      !std::equal(carried.begin(), carried.end(), derived->begin(), derived->end()))
    return make_error(AlertDescription::decode_error,
                      std::string(context) +
                          ": the public key in the file does not match the "
                          "private key");
  key.public_key.point = std::move(*derived);
  return Status::success();
}

Result<PrivateKey> parse_pkcs8(ByteView der) {
  der::DerReader r(der, "PrivateKeyInfo");
  PrivateKey key;
  ByteView public_bits;
  der::DerReader seq = r.enter(der::kSequence, "PrivateKeyInfo");
  // 0 = PKCS#8 v1; 1 = OneAsymmetricKey (RFC 5958), which may carry the public key.
  const std::int64_t version = seq.small_integer("PrivateKeyInfo version", 0, 1);
  der::DerReader alg = seq.enter(der::kSequence, "privateKeyAlgorithm");
  const std::size_t alg_at = alg.offset();
  const std::string algorithm = oid_to_string(alg.oid("private key algorithm"));
  ByteView params;
  if (alg.ok() && !alg.empty()) params = alg.read_any("algorithm parameters").encoding;
  alg.expect_end("privateKeyAlgorithm");
  if (seq.failed()) return r.error();

  der::DerReader inner = seq.enter(der::kOctetString, "privateKey");
  if (algorithm == oid::kRsaEncryption) {
    if (params.size() != 2 || params[0] != 0x05 || params[1] != 0)
      seq.fail_at(alg_at, "rsaEncryption parameters must be NULL");
    read_rsa_private_key(inner, key);
  } else if (algorithm == oid::kEcPublicKey) {
    der::DerReader p(params, "ECParameters");
    if (!p.next_is(der::kOid)) {
      seq.fail_at(alg_at, "EC keys need a named curve");
    } else {
      const std::string curve = oid_to_string(p.oid("namedCurve"));
      p.expect_end("ECParameters");
      if (p.failed()) seq.fail_at(alg_at, "EC parameters: " + p.message());
      read_ec_private_key(inner, key, curve, public_bits);
    }
  } else if (algorithm == oid::kEd25519) {
    if (!params.empty()) seq.fail_at(alg_at, "Ed25519 parameters must be absent");
    // CurvePrivateKey ::= OCTET STRING (RFC 8410 §7), inside the privateKey OCTET STRING.
    const std::size_t at = inner.offset();
    const ByteView seed = inner.octet_string("CurvePrivateKey");
    if (inner.ok() && seed.size() != 32) inner.fail_at(at, "Ed25519 private key is not 32 bytes");
    key.public_key.type = KeyType::ed25519;
    key.secret = to_secure(seed);
  } else {
    seq.fail_at(alg_at,
                "private key algorithm " + oid_display_name(algorithm) + " is not supported");
  }
  inner.expect_end("privateKey");
  if (seq.next_is(der::context(0, true))) (void)seq.read_any("attributes");
  if (seq.next_is(der::context(1, false))) {
    const std::size_t at = seq.offset();
    const der::BitString bits = seq.bit_string("publicKey", der::context(1, false));
    if (seq.ok() && version != 1) seq.fail_at(at, "publicKey in a version 0 PrivateKeyInfo");
    if (seq.ok() && bits.unused_bits != 0) seq.fail_at(at, "publicKey has unused bits");
    if (seq.ok() && key.public_key.type != KeyType::rsa) public_bits = bits.bytes;
  }
  seq.expect_end("PrivateKeyInfo");
  r.expect_end("the input after the PrivateKeyInfo");
  if (r.failed()) return r.error();
  if (key.public_key.type != KeyType::rsa)
    TLS_TRY(complete_public_key(key, public_bits, "PrivateKeyInfo"));
  return key;
}

Result<PrivateKey> parse_pkcs1(ByteView der) {
  der::DerReader r(der, "RSAPrivateKey");
  PrivateKey key;
  read_rsa_private_key(r, key);
  r.expect_end("the input after the RSAPrivateKey");
  if (r.failed()) return r.error();
  return key;
}

Result<PrivateKey> parse_sec1(ByteView der) {
  der::DerReader r(der, "ECPrivateKey");
  PrivateKey key;
  ByteView public_bits;
  read_ec_private_key(r, key, std::string(), public_bits);
  r.expect_end("the input after the ECPrivateKey");
  if (r.failed()) return r.error();
  TLS_TRY(complete_public_key(key, public_bits, "ECPrivateKey"));
  return key;
}

// Which of the three structures a DER key is: PKCS#8 has an AlgorithmIdentifier SEQUENCE
// after the version, SEC1 an OCTET STRING, PKCS#1 an INTEGER.
PrivateKeyFormat detect_format(ByteView der) {
  der::DerReader r(der, "private key");
  der::DerReader seq = r.enter(der::kSequence, "private key");
  (void)seq.integer("version");
  if (seq.next_is(der::kOctetString)) return PrivateKeyFormat::sec1;
  if (seq.next_is(der::kInteger)) return PrivateKeyFormat::pkcs1;
  return PrivateKeyFormat::pkcs8;
}

// --- Encoding (every secret byte goes straight into a SecureBuffer) ---------------------------

void put(SecureBuffer &out, der::Tag tag, ByteView content) {
  Writer header;
  der::write_header(header, tag, content.size());
  append(out, header.data());
  append(out, content);
}

void put_integer(SecureBuffer &out, ByteView magnitude) {
  SecureBuffer content;
  if (magnitude.empty() || (magnitude[0] & 0x80)) content.push_back(0);
  append(content, magnitude);
  put(out, der::kInteger, content);
}

void put_oid(SecureBuffer &out, std::string_view dotted) {
  put(out, der::kOid, *oid_from_string(dotted));
}

SecureBuffer rsa_private_key(const PrivateKey &key) {
  SecureBuffer body;
  put_integer(body, ByteView{});  // version 0
  put_integer(body, key.public_key.rsa_n);
  put_integer(body, key.public_key.rsa_e);
  put_integer(body, key.rsa_d);
  put_integer(body, key.rsa_p);
  put_integer(body, key.rsa_q);
  put_integer(body, key.rsa_dp);
  put_integer(body, key.rsa_dq);
  put_integer(body, key.rsa_qinv);
  SecureBuffer out;
  put(out, der::kSequence, body);
  return out;
}

SecureBuffer ec_private_key(const PrivateKey &key, bool with_curve) {
  SecureBuffer body;
  const std::uint8_t one = 1;
  put(body, der::kInteger, ByteView(&one, 1));
  put(body, der::kOctetString, key.secret);
  if (with_curve) {
    SecureBuffer curve;
    put_oid(curve, curve_oid(key.public_key.type));
    put(body, der::context(0, true), curve);
  }
  SecureBuffer bits{0x00};
  append(bits, key.public_key.point);
  SecureBuffer pub;
  put(pub, der::kBitString, bits);
  put(body, der::context(1, true), pub);
  SecureBuffer out;
  put(out, der::kSequence, body);
  return out;
}

SecureBuffer pkcs8(const PrivateKey &key) {
  SecureBuffer alg, inner;
  switch (key.public_key.type) {
    case KeyType::rsa:
      put_oid(alg, oid::kRsaEncryption);
      put(alg, der::kNull, ByteView{});
      inner = rsa_private_key(key);
      break;
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      put_oid(alg, oid::kEcPublicKey);
      put_oid(alg, curve_oid(key.public_key.type));
      inner = ec_private_key(key, false);
      break;
    case KeyType::ed25519:
      put_oid(alg, oid::kEd25519);
      put(inner, der::kOctetString, key.secret);
      break;
  }
  SecureBuffer body;
  put_integer(body, ByteView{});  // version 0
  put(body, der::kSequence, alg);
  put(body, der::kOctetString, inner);
  SecureBuffer out;
  put(out, der::kSequence, body);
  return out;
}

}  // namespace

const char *private_key_format_name(PrivateKeyFormat format) noexcept {
  switch (format) {
    case PrivateKeyFormat::pkcs1:
      return "PKCS#1";
    case PrivateKeyFormat::pkcs8:
      return "PKCS#8";
    case PrivateKeyFormat::sec1:
      return "SEC1";
  }
  return "unknown";
}

Result<PrivateKey> parse_private_key_der(ByteView der, PrivateKeyFormat format) {
  switch (format) {
    case PrivateKeyFormat::pkcs1:
      return parse_pkcs1(der);
    case PrivateKeyFormat::pkcs8:
      return parse_pkcs8(der);
    case PrivateKeyFormat::sec1:
      return parse_sec1(der);
  }
  return make_error(AlertDescription::internal_error, "unknown private key format");
}

Result<PrivateKey> parse_private_key(ByteView pem_or_der, PrivateKeyFormat *format) {
  if (!contains_pem(pem_or_der)) {
    const PrivateKeyFormat f = detect_format(pem_or_der);
    if (format) *format = f;
    return parse_private_key_der(pem_or_der, f);
  }
  auto blocks = parse_pem(pem_or_der);
  if (!blocks) return blocks.error();
  for (const PemBlock &block : *blocks) {
    PrivateKeyFormat f;
    if (block.label == kPemPrivateKey) {
      f = PrivateKeyFormat::pkcs8;
    } else if (block.label == kPemRsaPrivateKey) {
      f = PrivateKeyFormat::pkcs1;
    } else if (block.label == kPemEcPrivateKey) {
      f = PrivateKeyFormat::sec1;
    } else if (block.label == "ENCRYPTED PRIVATE KEY") {
      return make_error(AlertDescription::decode_error,
                        "PEM: encrypted private keys are not supported");
    } else {
      continue;
    }
    if (format) *format = f;
    auto key = parse_private_key_der(block.der, f);
    if (!key)
      return with_context(key.error(),
                          "PEM " + block.label + " block at line " + std::to_string(block.line));
    return key;
  }
  return make_error(AlertDescription::decode_error, "PEM: no private key block");
}

Result<SecureBuffer> encode_private_key(const PrivateKey &key, PrivateKeyFormat format) {
  const KeyType type = key.public_key.type;
  switch (format) {
    case PrivateKeyFormat::pkcs1:
      if (type != KeyType::rsa) break;
      return rsa_private_key(key);
    case PrivateKeyFormat::sec1:
      if (type != KeyType::ec_p256 && type != KeyType::ec_p384) break;
      return ec_private_key(key, true);
    case PrivateKeyFormat::pkcs8:
      return pkcs8(key);
  }
  return make_error(
      AlertDescription::internal_error,
      std::string(private_key_format_name(format)) + " cannot hold a " + type_name(type) + " key");
}

Status check_key_matches_certificate(const PrivateKey &key, const Certificate &cert,
                                     const cipher::Provider &provider) {
  const SubjectPublicKeyInfo &spki = cert.public_key_info();
  if (!spki.supported)
    return make_error(AlertDescription::unsupported_certificate,
                      "certificate key unsupported: " + spki.unsupported_reason);
  if (!(key.public_key == spki.key))
    return make_error(AlertDescription::bad_certificate,
                      "private key does not match the certificate (" + spki.type_name() +
                          " key of " + cert.subject().to_string() + ")");
  if (Status s = provider.check_key_pair(key); !s)
    return with_context(s.error(), "private key does not match its public key");
  return Status::success();
}

}  // namespace tls::x509
