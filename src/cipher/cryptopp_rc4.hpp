// Crypto++ backend: RC4, for the legacy RC4 suites (off by default).
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::cipher {

// Keys of 1 to 256 bytes (TLS uses 16); anything else is an internal_error.
Result<std::unique_ptr<StreamCipher>> make_cryptopp_rc4(ByteView key);

}  // namespace tls::cipher
