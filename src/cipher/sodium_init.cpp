#include "cipher/sodium_init.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace tls::cipher {

void ensure_sodium_initialized() noexcept {
  // A function-local static runs its initialiser exactly once, even with concurrent callers.
  static const bool initialized = [] {
    if (sodium_init() < 0) {
      std::fputs("tlspp: libsodium failed to initialise\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialized;
}

}  // namespace tls::cipher
