// libsodium's random generator (the operating system's CSPRNG) as a RandomSource: the random
// bytes of the default provider.
#pragma once

#include <memory>

#include "cipher/random_source.hpp"

namespace tls::cipher {

std::shared_ptr<RandomSource> sodium_random_source();

}  // namespace tls::cipher
