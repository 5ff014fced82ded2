// Conversions between big-endian byte strings and Crypto++ Integers, used by the RSA, EC and
// DH backends.
#pragma once

#include <cryptopp/integer.h>

#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"

namespace tls::cipher {

// The unsigned big-endian integer in `bytes` (empty is zero).
CryptoPP::Integer integer_from_bytes(ByteView bytes);

// `value` as exactly `size` big-endian bytes (left-padded with zeros). The caller ensures the
// value fits.
Bytes integer_to_bytes(const CryptoPP::Integer &value, std::size_t size);
SecureBuffer integer_to_secure_bytes(const CryptoPP::Integer &value, std::size_t size);

}  // namespace tls::cipher
