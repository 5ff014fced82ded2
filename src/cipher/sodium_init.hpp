// libsodium must be initialised once before its random generator and its CPU-dispatched
// primitives are used.
#pragma once

namespace tls::cipher {

// Calls sodium_init() once per process (thread-safe). Aborts when libsodium cannot initialise,
// since without it there is no random generator to run TLS on.
void ensure_sodium_initialized() noexcept;

}  // namespace tls::cipher
