#include "cipher/cryptopp_ec_curve.hpp"

#include <cryptopp/asn.h>
#include <cryptopp/oids.h>

#include <string>

#include "cipher/cryptopp_integer.hpp"

namespace tls::cipher {

const char *curve_name(Curve curve) noexcept {
  return curve == Curve::p256 ? "P-256" : "P-384";
}

std::size_t curve_field_size(Curve curve) noexcept {
  return curve == Curve::p256 ? 32 : 48;
}

const EcParams &ec_params(Curve curve) {
  thread_local const EcParams p256 = [] {
    EcParams params(CryptoPP::ASN1::secp256r1());
    params.Precompute();
    return params;
  }();
  thread_local const EcParams p384 = [] {
    EcParams params(CryptoPP::ASN1::secp384r1());
    params.Precompute();
    return params;
  }();
  return curve == Curve::p256 ? p256 : p384;
}

Result<CryptoPP::ECP::Point> decode_ec_point(Curve curve, ByteView encoded) {
  const std::size_t field = curve_field_size(curve);
  const std::string what = std::string("EC point on ") + curve_name(curve);
  if (encoded.empty()) {
    return make_error(AlertDescription::illegal_parameter, what + ": empty");
  }
  if (encoded[0] != 0x04) {
    return make_error(AlertDescription::illegal_parameter,
                      what + ": only the uncompressed form (04) is accepted, got first byte " +
                          std::to_string(encoded[0]));
  }
  if (encoded.size() != 1 + 2 * field) {
    return make_error(AlertDescription::illegal_parameter,
                      what + ": " + std::to_string(encoded.size()) + " bytes, expected " +
                          std::to_string(1 + 2 * field));
  }
  const EcParams &params = ec_params(curve);
  const CryptoPP::ECP &ecp = params.GetCurve();
  CryptoPP::ECP::Point point(integer_from_bytes(encoded.subspan(1, field)),
                             integer_from_bytes(encoded.subspan(1 + field, field)));
  // VerifyPoint checks 0 <= x, y < p and the curve equation; it also accepts the identity,
  // which has no uncompressed encoding here but is refused explicitly all the same.
  if (point.identity || !ecp.VerifyPoint(point)) {
    return make_error(AlertDescription::illegal_parameter, what + ": not on the curve");
  }
  return point;
}

Bytes encode_ec_point(Curve curve, const CryptoPP::ECP::Point &point) {
  const std::size_t field = curve_field_size(curve);
  Bytes out;
  out.reserve(1 + 2 * field);
  out.push_back(0x04);
  append(out, integer_to_bytes(point.x, field));
  append(out, integer_to_bytes(point.y, field));
  return out;
}

}  // namespace tls::cipher
