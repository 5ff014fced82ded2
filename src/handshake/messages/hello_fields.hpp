// Fields the two hellos share: the protocol version, the 32-byte random and the session id,
// with their trace descriptions.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

// Random: uint32 gmt_unix_time + opaque random_bytes[28] (RFC 5246 §7.4.1.2). Modern
// implementations fill all 32 bytes at random.
using Random = std::array<std::uint8_t, 32>;

inline constexpr std::size_t kMaxSessionIdLength = 32;

// "TLSv1.2 (0x0303)", "TLSv1.3 (0x0304)", "unknown (0x7f17)".
std::string version_text(std::uint16_t wire);

// "2013-12-07T19:07:05Z"
std::string utc_time_text(std::int64_t unix_seconds);

namespace detail {

// Each reads one field from `r`, records it under `name` when tracing, and leaves failures in r.
ProtocolVersion read_version(Reader &r, const Tracer &t, const char *name);
Random read_random(Reader &r, const Tracer &t);
// session_id<0..32>: a longer one is decode_error (RFC 5246 §7.2.2: a field out of range).
Bytes read_session_id(Reader &r, const Tracer &t);

}  // namespace detail
}  // namespace tls::handshake
