// SSL 2.0-format ClientHellos (RFC 6101 Appendix E.1, RFC 5246 Appendix E.2): some old clients
// open with an SSLv2 record carrying a CLIENT-HELLO that offers SSL 3.0 or TLS. tlspp refuses
// them (RFC 6176 forbids SSL 2.0; accepting the format only helps ancient clients and adds an
// unauthenticated parser). The record layer recognises one in the first bytes a server reads
// and says so clearly instead of reporting a garbled record header.
//
// Layout: 2-byte header with the top bit set (record length in the low 15 bits),
// msg_type = 1 (CLIENT-HELLO), version (2 bytes), cipher_spec_length, session_id_length,
// challenge_length, then the data.
#pragma once

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::record {

// How many first bytes settle it: header, msg_type and version.
inline constexpr std::size_t kSslv2HelloPrefix = 5;

// True when the first bytes received (at least 3 are needed) look like an SSLv2 CLIENT-HELLO:
// a 2-byte header with the top bit set, a length covering the fixed 9-byte part, and
// msg_type 1; with 5 bytes or more the version must also be 0x0002 or 0x03xx. A TLS record
// never starts with a byte >= 0x80, so this cannot mistake a TLS ClientHello.
bool looks_like_sslv2_client_hello(ByteView first_bytes) noexcept;

// The error to report: handshake_failure with a reason naming the format and the version the
// client offered, when the bytes show it.
Error sslv2_client_hello_error(ByteView first_bytes);

}  // namespace tls::record
