// The deterministic provider (deterministic_provider() in provider.hpp): the default provider
// with a seeded random stream and a fixed clock. Never for real traffic.
#pragma once

#include <cstdint>
#include <memory>

#include "cipher/random_source.hpp"

namespace tls::cipher {

// The ChaCha20 keystream (RFC 8439 block function, libsodium's crypto_stream_chacha20) under a
// key derived from `seed`, read from the start in order: the n-th byte drawn is always the
// n-th keystream byte, whichever object draws it. Thread-safe (one mutex).
std::shared_ptr<RandomSource> chacha20_random_source(std::uint64_t seed);

}  // namespace tls::cipher
