// The server's side of RSA key exchange: turning the raw RSA result into the pre-master secret
// without revealing whether the client's padding or version was valid (RFC 5246 §7.4.7.1;
// Bleichenbacher 1998, ROBOT 2017).
#pragma once

#include <cstdint>

#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"

namespace tls::handshake {

inline constexpr std::size_t kPreMasterSize = 48;

// `decrypted` is m = c^d mod n left-padded to the modulus length k. When it is a well-formed
// PKCS#1 v1.5 type 2 block (00 02, at least 8 non-zero padding bytes, 00) holding exactly 48
// bytes that start with `client_version` (the version in the ClientHello), the result is those
// 48 bytes; otherwise it is `fallback` (48 random bytes the caller drew *before* decrypting).
//
// Nothing here branches on, or indexes memory by, the contents of `decrypted`: every check makes
// a mask, the masks are combined, and the result is chosen byte by byte with the final mask. The
// 48 bytes are read from the fixed position k-48, which is where a valid message must sit, so the
// separator's position is never used as an index.
SecureBuffer rsa_premaster_from_decrypted(ByteView decrypted, std::uint16_t client_version,
                                          ByteView fallback);

}  // namespace tls::handshake
