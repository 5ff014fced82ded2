// The TLS 1.2 downgrade sentinel (RFC 8446 §4.1.3). A server able to do TLS 1.2 that negotiates
// TLS 1.1 or below ends its ServerHello random with "DOWNGRD" 00; a client that offered TLS 1.2
// and sees it knows that someone rewrote its ClientHello to force an older version, and aborts.
// The random is covered by the Finished values and the key exchange signature, so the mark
// cannot be removed without detection. (The 01 form marks a TLS 1.3 server choosing 1.2; a
// TLS 1.2 client must ignore it.)
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "handshake/messages/hello_fields.hpp"

namespace tls::handshake {

inline constexpr std::array<std::uint8_t, 8> kTls12DowngradeSentinel = {0x44, 0x4f, 0x57, 0x4e,
                                                                        0x47, 0x52, 0x44, 0x00};

inline void set_tls12_downgrade_sentinel(Random &server_random) {
  std::copy(kTls12DowngradeSentinel.begin(), kTls12DowngradeSentinel.end(),
            server_random.end() - kTls12DowngradeSentinel.size());
}

inline bool has_tls12_downgrade_sentinel(const Random &server_random) {
  return std::equal(kTls12DowngradeSentinel.begin(), kTls12DowngradeSentinel.end(),
                    server_random.end() - kTls12DowngradeSentinel.size());
}

}  // namespace tls::handshake
