// Names of IANA TLS registry values, for printing what a peer offered
// (Connection::client_cipher_suites / client_extensions): also the values tlspp does not
// implement.
#pragma once

#include <cstdint>
#include <string>

namespace tls {

// "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "GREASE", or "0xc0ff" when unknown.
std::string cipher_suite_text(std::uint16_t id);
// OpenSSL's name of a suite tlspp implements ("ECDHE-RSA-AES128-GCM-SHA256"); empty otherwise.
std::string cipher_suite_openssl_name(std::uint16_t id);
// "server_name", "renegotiation_info", "GREASE", or "unknown (0x1234)".
std::string extension_text(std::uint16_t type);

}  // namespace tls
