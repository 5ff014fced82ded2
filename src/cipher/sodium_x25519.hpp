// libsodium backend: X25519 key agreement (RFC 7748).
#pragma once

#include <memory>

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// A fresh key pair (the 32-byte private scalar drawn from `random`). derive() takes exactly 32
// bytes and refuses the all-zero shared secret that low-order peer points produce (RFC 7748
// §6.1, RFC 8422 §5.11).
Result<std::unique_ptr<KeyShare>> make_sodium_x25519_key_share(RandomSource &random);

// The same with a given 32-byte private scalar (anything else is illegal_parameter).
Result<std::unique_ptr<KeyShare>> make_sodium_x25519_key_share(ByteView private_key);

}  // namespace tls::cipher
