// TLS alert levels and descriptions (RFC 5246 §7.2 and the later RFCs that added codes).
#pragma once

#include <cstdint>

namespace tls {

enum class AlertLevel : std::uint8_t { warning = 1, fatal = 2 };

enum class AlertDescription : std::uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  decryption_failed = 21,  // reserved since TLS 1.1; never sent by tlspp
  record_overflow = 22,
  decompression_failure = 30,
  handshake_failure = 40,
  no_certificate = 41,  // SSL 3.0 only
  bad_certificate = 42,
  unsupported_certificate = 43,
  certificate_revoked = 44,
  certificate_expired = 45,
  certificate_unknown = 46,
  illegal_parameter = 47,
  unknown_ca = 48,
  access_denied = 49,
  decode_error = 50,
  decrypt_error = 51,
  export_restriction = 60,
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  inappropriate_fallback = 86,  // RFC 7507
  user_canceled = 90,
  no_renegotiation = 100,
  missing_extension = 109,
  unsupported_extension = 110,
  certificate_unobtainable = 111,         // RFC 6066
  unrecognized_name = 112,                // RFC 6066
  bad_certificate_status_response = 113,  // RFC 6066
  bad_certificate_hash_value = 114,       // RFC 6066
  unknown_psk_identity = 115,             // RFC 4279
  certificate_required = 116,             // RFC 8446
  no_application_protocol = 120,          // RFC 7301
};

// "handshake_failure", ...; "unknown_alert" for a code with no name.
const char *alert_name(AlertDescription description) noexcept;
const char *alert_level_name(AlertLevel level) noexcept;

}  // namespace tls
