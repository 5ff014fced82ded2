// TLS's finite-field DH pre-master secret is Z "with leading bytes of Z that contain all zero
// bits stripped" (RFC 5246 §8.1.2). Doing that with an early-exit loop would make the time
// depend on the secret (the Raccoon attack measures exactly that, plus the hashing that follows).
#pragma once

#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"

namespace tls::cipher {

// `padded` without its leading zero bytes. The zero count is computed with constant-time masks
// and the bytes are moved by a shift whose memory accesses and running time depend only on
// padded.size(); only the returned length, which TLS makes public to the key derivation
// anyway, depends on the value.
SecureBuffer strip_leading_zeros_constant_time(ByteView padded);

}  // namespace tls::cipher
