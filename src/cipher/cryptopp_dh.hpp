// Crypto++ backend: finite-field Diffie-Hellman, for the RFC 7919 groups and for groups a
// server chooses (DHE in TLS 1.2 and earlier).
#pragma once

#include <memory>

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

// A key pair in `group`. Refuses p of fewer than min_bits bits (insufficient_security), more
// than 10000 bits, an even p, and g outside 1 < g < p-1 (illegal_parameter).
// For the RFC 7919 primes the private exponent is short, as RFC 7919 §5.2 allows for safe
// primes (at least twice the group's strength); for any other group it is drawn from the full
// range [2, p-2], since nothing is known of that group's structure.
Result<std::unique_ptr<KeyShare>> make_cryptopp_dh_key_share(const DhGroup &group,
                                                             std::size_t min_bits,
                                                             std::shared_ptr<RandomSource> random);

// The same with a given big-endian private exponent x, 1 < x < p-1 (illegal_parameter
// otherwise).
Result<std::unique_ptr<KeyShare>> make_cryptopp_dh_key_share(const DhGroup &group,
                                                             std::size_t min_bits,
                                                             ByteView private_key);

}  // namespace tls::cipher
