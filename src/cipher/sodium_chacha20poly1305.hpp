// libsodium backend: ChaCha20-Poly1305 as RFC 8439 / RFC 7905 define it (the "IETF" variant:
// 96-bit nonce, 32-bit block counter).
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// A key of the wrong size is an internal_error.
Result<std::unique_ptr<Aead>> make_sodium_chacha20_poly1305(ByteView key);

}  // namespace tls::cipher
