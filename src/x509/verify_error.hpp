// Certificate verification errors: the codes, names and texts of OpenSSL 3's X509_V_ERR_*
// (so that `openssl verify` output and tlspp's can be compared number for number), and the TLS
// alert each one sends (as OpenSSL's ssl_verify_alarm_type() maps them).
#pragma once

#include <tls/alert.hpp>

namespace tls::x509 {

enum class VerifyError : int {
  ok = 0,
  unspecified = 1,
  unable_to_get_issuer_cert = 2,
  unable_to_decode_issuer_public_key = 6,
  cert_signature_failure = 7,
  cert_not_yet_valid = 9,
  cert_has_expired = 10,
  depth_zero_self_signed_cert = 18,
  self_signed_cert_in_chain = 19,
  unable_to_get_issuer_cert_locally = 20,
  unable_to_verify_leaf_signature = 21,
  cert_chain_too_long = 22,
  path_length_exceeded = 25,
  invalid_purpose = 26,
  cert_rejected = 28,
  keyusage_no_certsign = 32,
  unhandled_critical_extension = 34,
  permitted_violation = 47,
  excluded_violation = 48,
  application_verification = 50,
  unsupported_constraint_type = 51,
  unsupported_name_syntax = 53,
  hostname_mismatch = 62,
  ip_address_mismatch = 64,
  ee_key_too_small = 66,
  ca_key_too_small = 67,
  ca_md_too_weak = 68,
  unsupported_signature_algorithm = 76,
  signature_algorithm_mismatch = 77,
  invalid_ca = 79,
};

// "X509_V_ERR_CERT_HAS_EXPIRED" ("X509_V_OK" for ok).
const char *verify_error_name(VerifyError error) noexcept;
// "certificate has expired", as X509_verify_cert_error_string() says it.
const char *verify_error_text(VerifyError error) noexcept;
// The alert a TLS peer sends for it: certificate_expired, unknown_ca, bad_certificate,
// decrypt_error (a bad signature), unsupported_certificate (wrong purpose), ...
AlertDescription verify_error_alert(VerifyError error) noexcept;

}  // namespace tls::x509
