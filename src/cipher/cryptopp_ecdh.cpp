#include "cipher/cryptopp_ecdh.hpp"

#include <string>

#include "cipher/cryptopp_errors.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/cryptopp_rng.hpp"

namespace tls::cipher {

namespace {

using CryptoPP::Integer;

class CryptoppEcdhKeyShare final : public KeyShare {
 public:
  CryptoppEcdhKeyShare(Curve curve, Integer d, Bytes public_value)
      : curve_(curve), d_(std::move(d)), public_value_(std::move(public_value)) {}

  ByteView public_value() const override { return public_value_; }

  Result<SecureBuffer> derive(ByteView peer_public) override {
    return catch_exceptions("ECDH derive", [&]() -> Result<SecureBuffer> {
      auto peer = decode_ec_point(curve_, peer_public);
      if (!peer) return with_context(peer.error(), "ECDH peer public value");
      const EcParams &params = ec_params(curve_);
      const CryptoPP::ECP::Point shared = params.GetCurve().ScalarMultiply(*peer, d_);
      if (shared.identity) {
        return make_error(AlertDescription::illegal_parameter,
                          "ECDH: shared point is the point at infinity");
      }
      return integer_to_secure_bytes(shared.x, curve_field_size(curve_));
    });
  }

 private:
  Curve curve_;
  Integer d_;  // Crypto++ Integers wipe their storage when freed
  Bytes public_value_;
};

Result<std::unique_ptr<KeyShare>> make_key_share(Curve curve, Integer d) {
  const EcParams &params = ec_params(curve);
  Bytes public_value = encode_ec_point(curve, params.ExponentiateBase(d));
  return std::unique_ptr<KeyShare>(
      std::make_unique<CryptoppEcdhKeyShare>(curve, std::move(d), std::move(public_value)));
}

}  // namespace

Result<std::unique_ptr<KeyShare>> make_cryptopp_ecdh_key_share(Curve curve, RandomSource &random) {
  return catch_exceptions("ECDH key share", [&]() -> Result<std::unique_ptr<KeyShare>> {
    CryptoppRng rng(random);
    return make_key_share(
        curve, Integer(rng, Integer::One(), ec_params(curve).GetSubgroupOrder() - Integer::One()));
  });
}

Result<std::unique_ptr<KeyShare>> make_cryptopp_ecdh_key_share(Curve curve, ByteView private_key) {
  return catch_exceptions("ECDH key share", [&]() -> Result<std::unique_ptr<KeyShare>> {
    Integer d = integer_from_bytes(private_key);
    if (d.IsZero() || d >= ec_params(curve).GetSubgroupOrder()) {
      return make_error(
          AlertDescription::illegal_parameter,
          std::string("ECDH on ") + curve_name(curve) + ": private key is not in [1, n-1]");
    }
    return make_key_share(curve, std::move(d));
  });
}

}  // namespace tls::cipher
