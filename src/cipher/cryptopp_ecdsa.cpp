#include "cipher/cryptopp_ecdsa.hpp"

#include <optional>
#include <string>

#include "cipher/cryptopp_ec_curve.hpp"
#include "cipher/cryptopp_errors.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/cryptopp_rng.hpp"
#include "cipher/ecdsa_der.hpp"

namespace tls::cipher {

namespace {

using CryptoPP::Integer;

std::optional<Curve> curve_of(KeyType type) {
  if (type == KeyType::ec_p256) return Curve::p256;
  if (type == KeyType::ec_p384) return Curve::p384;
  return std::nullopt;
}

Status check_digest(HashAlg hash, ByteView digest) {
  if (hash == HashAlg::md5 || hash == HashAlg::md5_sha1 || hash_size(hash) == 0) {
    return make_error(AlertDescription::illegal_parameter,
                      std::string("ECDSA: hash ") + hash_name(hash) + " is not used with ECDSA");
  }
  if (digest.size() != hash_size(hash)) {
    return make_error(AlertDescription::internal_error,
                      std::string("ECDSA: digest is ") + std::to_string(digest.size()) +
                          " bytes, " + hash_name(hash) + " gives " +
                          std::to_string(hash_size(hash)));
  }
  return Status::success();
}

// The integer e of SEC 1 §4.1.3 step 5 (bits2int in RFC 6979 §2.3.2): the leftmost
// bit-length-of-n bits of the digest.
Integer digest_to_integer(ByteView digest, const Integer &order) {
  Integer e = integer_from_bytes(digest);
  const unsigned int digest_bits = static_cast<unsigned int>(digest.size() * 8);
  const unsigned int order_bits = order.BitCount();
  if (digest_bits > order_bits) e >>= (digest_bits - order_bits);
  return e;
}

class CryptoppEcdsaPrivateKey final : public PrivateKeyOperations {
 public:
  CryptoppEcdsaPrivateKey(const PrivateKey &key, Curve curve, std::shared_ptr<RandomSource> random)
      : public_key_(key.public_key),
        curve_(curve),
        secret_(key.secret),
        random_(std::move(random)) {}

  const PublicKey &public_key() const override { return public_key_; }

  Result<Bytes> sign(const SignatureParams &params, ByteView digest) override {
    if (params.alg != SignatureAlg::ecdsa) {
      return make_error(
          AlertDescription::internal_error,
          std::string("an ") + key_type_name(public_key_.type) + " key signs only with ECDSA");
    }
    TLS_TRY(check_digest(params.hash, digest));
    return catch_exceptions("ECDSA sign", [&]() -> Result<Bytes> {
      const EcParams &group = ec_params(curve_);
      const Integer &n = group.GetSubgroupOrder();
      const Integer x = integer_from_bytes(secret_);
      const Integer e = digest_to_integer(digest, n);
      CryptoppRng rng(*random_);
      // SEC 1 §4.1.3; a fresh uniform nonce k in [1, n-1] until neither r nor s is zero.
      for (;;) {
        const Integer k(rng, Integer::One(), n - Integer::One());
        const Integer r = group.ExponentiateBase(k).x % n;
        if (r.IsZero()) continue;
        const Integer s = (k.InverseMod(n) * (e + x * r)) % n;
        if (s.IsZero()) continue;
        const std::size_t size = curve_field_size(curve_);
        return encode_ecdsa_signature(integer_to_bytes(r, size), integer_to_bytes(s, size));
      }
    });
  }

  Result<SecureBuffer> rsa_decrypt_raw(ByteView) override {
    return make_error(AlertDescription::internal_error, "rsa_decrypt_raw: not an RSA key");
  }

 private:
  PublicKey public_key_;
  Curve curve_;
  SecureBuffer secret_;
  std::shared_ptr<RandomSource> random_;
};

}  // namespace

Status cryptopp_ecdsa_verify(const PublicKey &key, HashAlg hash, ByteView digest,
                             ByteView signature) {
  const auto curve = curve_of(key.type);
  if (!curve) {
    return make_error(AlertDescription::illegal_parameter,
                      std::string("ECDSA signature with an ") + key_type_name(key.type) + " key");
  }
  TLS_TRY(check_digest(hash, digest));
  auto value = decode_ecdsa_signature(signature);
  if (!value) return value.error();
  return catch_exceptions("ECDSA verify", [&]() -> Status {
    auto q = decode_ec_point(*curve, key.point);
    if (!q) return with_context(q.error(), "ECDSA public key");
    const EcParams &group = ec_params(*curve);
    const Integer &n = group.GetSubgroupOrder();
    const Integer r = integer_from_bytes(value->r);
    const Integer s = integer_from_bytes(value->s);
    if (r.IsZero() || s.IsZero() || r >= n || s >= n) {
      return make_error(AlertDescription::decrypt_error,
                        "ECDSA signature: r or s is not in [1, n-1]");
    }
    // SEC 1 §4.1.4: R = u1*G + u2*Q with u1 = e/s, u2 = r/s; valid when R.x mod n == r.
    const Integer e = digest_to_integer(digest, n);
    const Integer w = s.InverseMod(n);
    const Integer u1 = (e * w) % n;
    const Integer u2 = (r * w) % n;
    const CryptoPP::ECP::Point point =
        group.GetCurve().CascadeScalarMultiply(group.GetSubgroupGenerator(), u1, *q, u2);
    if (point.identity || point.x % n != r) {
      return make_error(
          AlertDescription::decrypt_error,
          std::string("ECDSA signature on ") + curve_name(*curve) + " does not verify");
    }
    return Status::success();
  });
}

Status cryptopp_ec_check_public_key(const PublicKey &key) {
  const auto curve = curve_of(key.type);
  if (!curve) return make_error(AlertDescription::internal_error, "not an EC key");
  return catch_exceptions("EC public key check", [&]() -> Status {
    auto q = decode_ec_point(*curve, key.point);
    if (!q) return with_context(q.error(), "EC public key");
    return Status::success();
  });
}

Status cryptopp_ec_check_key_pair(const PrivateKey &key) {
  const auto curve = curve_of(key.public_key.type);
  if (!curve) return make_error(AlertDescription::internal_error, "not an EC key");
  return catch_exceptions("EC key pair check", [&]() -> Status {
    const EcParams &group = ec_params(*curve);
    const Integer d = integer_from_bytes(key.secret);
    if (d.IsZero() || d >= group.GetSubgroupOrder()) {
      return make_error(AlertDescription::illegal_parameter,
                        "EC private key: scalar is not in [1, n-1]");
    }
    const Bytes expected = encode_ec_point(*curve, group.ExponentiateBase(d));
    if (expected != key.public_key.point) {
      return make_error(AlertDescription::illegal_parameter,
                        "EC private key does not match the public key");
    }
    return Status::success();
  });
}

Result<std::unique_ptr<PrivateKeyOperations>> make_cryptopp_ecdsa_private_key(
    const PrivateKey &key, std::shared_ptr<RandomSource> random) {
  const auto curve = curve_of(key.public_key.type);
  if (!curve) return make_error(AlertDescription::internal_error, "not an EC key");
  TLS_TRY(cryptopp_ec_check_key_pair(key));
  return std::unique_ptr<PrivateKeyOperations>(
      std::make_unique<CryptoppEcdsaPrivateKey>(key, *curve, std::move(random)));
}

}  // namespace tls::cipher
