// TLS ExtensionType code points (IANA "TLS ExtensionType Values"). tlspp parses the ones
// listed in extensions.hpp; the others are named for traces and otherwise kept raw.
#pragma once

#include <cstdint>
#include <string>

namespace tls::handshake {

enum class ExtensionType : std::uint16_t {
  server_name = 0,                              // RFC 6066
  max_fragment_length = 1,                      // RFC 6066
  client_certificate_url = 2,                   // RFC 6066
  trusted_ca_keys = 3,                          // RFC 6066
  truncated_hmac = 4,                           // RFC 6066
  status_request = 5,                           // RFC 6066
  user_mapping = 6,                             // RFC 4681
  client_authz = 7,                             // RFC 5878
  server_authz = 8,                             // RFC 5878
  cert_type = 9,                                // RFC 6091
  supported_groups = 10,                        // RFC 8422, RFC 7919 (was elliptic_curves)
  ec_point_formats = 11,                        // RFC 8422
  srp = 12,                                     // RFC 5054
  signature_algorithms = 13,                    // RFC 5246
  use_srtp = 14,                                // RFC 5764
  heartbeat = 15,                               // RFC 6520
  application_layer_protocol_negotiation = 16,  // RFC 7301
  status_request_v2 = 17,                       // RFC 6961
  signed_certificate_timestamp = 18,            // RFC 6962
  client_certificate_type = 19,                 // RFC 7250
  server_certificate_type = 20,                 // RFC 7250
  padding = 21,                                 // RFC 7685
  encrypt_then_mac = 22,                        // RFC 7366
  extended_master_secret = 23,                  // RFC 7627
  token_binding = 24,                           // RFC 8472
  cached_info = 25,                             // RFC 7924
  compress_certificate = 27,                    // RFC 8879
  record_size_limit = 28,                       // RFC 8449
  delegated_credential = 34,                    // RFC 9345
  session_ticket = 35,                          // RFC 5077 (was SessionTicket TLS)
  pre_shared_key = 41,                          // TLS 1.3
  early_data = 42,                              // TLS 1.3
  supported_versions = 43,                      // TLS 1.3
  cookie = 44,                                  // TLS 1.3
  psk_key_exchange_modes = 45,                  // TLS 1.3
  certificate_authorities = 47,                 // TLS 1.3
  oid_filters = 48,                             // TLS 1.3
  post_handshake_auth = 49,                     // TLS 1.3
  signature_algorithms_cert = 50,               // TLS 1.3
  key_share = 51,                               // TLS 1.3
  connection_id = 54,                           // RFC 9146
  quic_transport_parameters = 57,               // RFC 9001
  next_protocol_negotiation = 13172,            // draft-agl-tls-nextprotoneg
  application_settings = 17513,                 // draft-vvv-tls-alps
  encrypted_client_hello = 0xfe0d,              // draft-ietf-tls-esni
  renegotiation_info = 0xff01,                  // RFC 5746
};

// "server_name", "GREASE", ...; nullptr for a code with no name.
const char *extension_name(std::uint16_t type) noexcept;
// The name, or "unknown (0x1234)".
std::string extension_text(std::uint16_t type);

inline constexpr std::uint16_t to_wire(ExtensionType type) {
  return static_cast<std::uint16_t>(type);
}

}  // namespace tls::handshake
