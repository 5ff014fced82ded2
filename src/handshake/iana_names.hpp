// Names of IANA TLS registry values that the handshake traces print: cipher suites, named
// groups, EC point formats, compression methods, and the GREASE values (RFC 8701) that
// browsers scatter through every list.
//
// cipher_suite_name() uses a table of its own: the suite table (src/cipher/suites.*) holds
// only the suites tlspp implements, while a trace must also name what a peer offers.
#pragma once

#include <cstdint>
#include <string>

namespace tls::handshake {

// RFC 8701: 0x0a0a, 0x1a1a, ..., 0xfafa (both bytes equal, low nibbles 0xa).
bool is_grease(std::uint16_t value) noexcept;

// "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "GREASE", or nullptr when unknown.
const char *cipher_suite_name(std::uint16_t id) noexcept;
// The name, or "0xc0ff" when unknown.
std::string cipher_suite_text(std::uint16_t id);

// "x25519", "secp256r1", "ffdhe2048", "GREASE", or nullptr when unknown.
const char *named_group_name(std::uint16_t group) noexcept;

// "uncompressed", "ansiX962_compressed_prime", "ansiX962_compressed_char2"; nullptr otherwise.
const char *ec_point_format_name(std::uint8_t format) noexcept;

// "null", "DEFLATE", "LZS"; nullptr otherwise.
const char *compression_method_name(std::uint8_t method) noexcept;

}  // namespace tls::handshake
