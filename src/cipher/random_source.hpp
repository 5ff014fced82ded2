// Where a provider's random bytes come from.
//
// The provider and every object it hands out that needs randomness later (a private key that
// signs, a key share) hold the same source through a shared_ptr, so a deterministic provider's
// stream stays one stream in one order whatever object draws from it.
#pragma once

#include <memory>

#include "common/bytes.hpp"

namespace tls::cipher {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Fills `out` with random bytes. Safe to call from several threads at once.
  virtual void fill(MutableByteView out) = 0;
};

}  // namespace tls::cipher
