#include "cipher/deterministic_provider.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "cipher/default_provider.hpp"
#include "cipher/sodium_init.hpp"
#include "common/secure_buffer.hpp"

namespace tls::cipher {

namespace {

class ChaCha20RandomSource final : public RandomSource {
 public:
  explicit ChaCha20RandomSource(std::uint64_t seed) {
    ensure_sodium_initialized();
    // The key is SHA-256("tlspp deterministic provider" || seed as 8 little-endian bytes),
    // so that nearby seeds give unrelated streams.
    static constexpr char kLabel[] = "tlspp deterministic provider";
    std::array<std::uint8_t, 8> seed_bytes;
    for (std::size_t i = 0; i < 8; ++i)
      seed_bytes[i] = static_cast<std::uint8_t>(seed >> (8 * i));
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(kLabel),
                              sizeof kLabel - 1);
    crypto_hash_sha256_update(&state, seed_bytes.data(), seed_bytes.size());
    crypto_hash_sha256_final(&state, key_.data());
  }

  ~ChaCha20RandomSource() override { secure_zero(key_.data(), key_.size()); }

  void fill(MutableByteView out) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t done = 0;
    while (done < out.size()) {
      if (used_ == block_.size()) {
        // Keystream block number `counter_` (the all-zero nonce; 2^64 blocks is plenty).
        block_.fill(0);
        crypto_stream_chacha20_xor_ic(block_.data(), block_.data(), block_.size(), nonce_.data(),
                                      counter_++, key_.data());
        used_ = 0;
      }
      const std::size_t n = std::min(out.size() - done, block_.size() - used_);
      std::copy_n(block_.begin() + static_cast<std::ptrdiff_t>(used_), n,
                  out.begin() + static_cast<std::ptrdiff_t>(done));
      used_ += n;
      done += n;
    }
  }

 private:
  std::mutex mutex_;
  std::array<std::uint8_t, crypto_stream_chacha20_KEYBYTES> key_{};
  std::array<std::uint8_t, crypto_stream_chacha20_NONCEBYTES> nonce_{};
  std::array<std::uint8_t, 64> block_{};
  std::size_t used_ = 64;  // nothing buffered yet
  std::uint64_t counter_ = 0;
};

}  // namespace

std::shared_ptr<RandomSource> chacha20_random_source(std::uint64_t seed) {
  return std::make_shared<ChaCha20RandomSource>(seed);
}

std::shared_ptr<const Provider> deterministic_provider(std::uint64_t seed,
                                                       std::int64_t fixed_time) {
  return std::make_shared<DefaultProvider>(chacha20_random_source(seed), fixed_time);
}

}  // namespace tls::cipher
