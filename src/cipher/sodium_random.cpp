#include "cipher/sodium_random.hpp"

#include <sodium.h>

#include "cipher/sodium_init.hpp"

namespace tls::cipher {

namespace {

class SodiumRandom final : public RandomSource {
 public:
  SodiumRandom() { ensure_sodium_initialized(); }
  void fill(MutableByteView out) override {
    if (!out.empty()) randombytes_buf(out.data(), out.size());
  }
};

}  // namespace

std::shared_ptr<RandomSource> sodium_random_source() {
  // Stateless, so one instance serves the whole process.
  static const std::shared_ptr<RandomSource> source = std::make_shared<SodiumRandom>();
  return source;
}

}  // namespace tls::cipher
