// The NIST curves P-256 and P-384 over Crypto++: parameters, and strict encoding and decoding
// of points, shared by ECDSA and ECDH.
#pragma once

#include <cryptopp/eccrypto.h>
#include <cryptopp/ecp.h>

#include "cipher/provider.hpp"

namespace tls::cipher {

enum class Curve : std::uint8_t { p256, p384 };

using EcParams = CryptoPP::DL_GroupParameters_EC<CryptoPP::ECP>;

const char *curve_name(Curve curve) noexcept;        // "P-256", "P-384"
std::size_t curve_field_size(Curve curve) noexcept;  // 32, 48 (coordinate and scalar bytes)

// The curve's parameters. Crypto++ fills some members of these objects lazily, so each thread
// gets its own copy rather than sharing one.
const EcParams &ec_params(Curve curve);

// Decodes an uncompressed point 04 || X || Y: exactly 1 + 2 * field size bytes, both
// coordinates below the field prime, on the curve. Compressed and hybrid forms, other lengths,
// the point at infinity and points off the curve are illegal_parameter. (Both curves have
// cofactor 1, so a point on the curve is in the prime-order group.)
Result<CryptoPP::ECP::Point> decode_ec_point(Curve curve, ByteView encoded);

// The uncompressed encoding 04 || X || Y of a point that is not the point at infinity.
Bytes encode_ec_point(Curve curve, const CryptoPP::ECP::Point &point);

}  // namespace tls::cipher
