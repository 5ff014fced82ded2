// Pseudo-random functions of SSL 3.0, TLS 1.0/1.1 and TLS 1.2.
#pragma once

#include <initializer_list>
#include <string_view>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"

namespace tls::cipher {

enum class PrfKind : std::uint8_t {
  ssl3,          // SSL 3.0: MD5(secret + SHA1('A' + secret + seed)) + MD5(... 'BB' ...) + ...
  tls10,         // TLS 1.0 and 1.1: P_MD5(S1, label + seed) XOR P_SHA1(S2, label + seed)
  tls12_sha256,  // TLS 1.2: P_SHA256(secret, label + seed)
  tls12_sha384,  // TLS 1.2: P_SHA384(secret, label + seed)
};

const char *prf_name(PrfKind kind) noexcept;

// Fills `out` with PRF(secret, label, seed[0] + seed[1] + ...). The seed is a list of spans so
// callers need not concatenate randoms. For ssl3 the label is ignored (SSL 3.0 has none): its
// salts 'A', 'BB', 'CCC', ... are applied to secret and seed, and at most 26 * 16 bytes can be
// produced.
void prf(const Provider &provider, PrfKind kind, ByteView secret, std::string_view label,
         std::initializer_list<ByteView> seed, MutableByteView out);

}  // namespace tls::cipher
