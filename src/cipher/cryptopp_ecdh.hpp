// Crypto++ backend: ephemeral ECDH on P-256 and P-384 with uncompressed points.
#pragma once

#include <memory>

#include "cipher/cryptopp_ec_curve.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// A fresh key pair; derive() refuses any peer value decode_ec_point() refuses and returns the
// x-coordinate of the shared point (field-size bytes, RFC 8422 §5.10).
Result<std::unique_ptr<KeyShare>> make_cryptopp_ecdh_key_share(Curve curve, RandomSource &random);

// The same with a given big-endian private scalar, which must lie in [1, n-1]
// (illegal_parameter otherwise).
Result<std::unique_ptr<KeyShare>> make_cryptopp_ecdh_key_share(Curve curve, ByteView private_key);

}  // namespace tls::cipher
