#include "x509/verify_error.hpp"

namespace tls::x509 {

namespace {

struct Row {
  VerifyError error;
  const char *name;
  const char *text;
  AlertDescription alert;
};

using A = AlertDescription;
using E = VerifyError;

// Texts from OpenSSL 3's crypto/x509/x509_txt.c; alerts as OpenSSL's x509table (ssl_lib.c)
// maps them, certificate_unknown for the codes that table leaves out.
constexpr Row kRows[] = {
    {E::ok, "X509_V_OK", "ok", A::certificate_unknown},
    {E::unspecified, "X509_V_ERR_UNSPECIFIED", "unspecified certificate verification error",
     A::internal_error},
    {E::unable_to_get_issuer_cert, "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT",
     "unable to get issuer certificate", A::unknown_ca},
    {E::unable_to_decode_issuer_public_key, "X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
     "unable to decode issuer public key", A::bad_certificate},
    {E::cert_signature_failure, "X509_V_ERR_CERT_SIGNATURE_FAILURE",
     "certificate signature failure", A::decrypt_error},
    {E::cert_not_yet_valid, "X509_V_ERR_CERT_NOT_YET_VALID", "certificate is not yet valid",
     A::bad_certificate},
    {E::cert_has_expired, "X509_V_ERR_CERT_HAS_EXPIRED", "certificate has expired",
     A::certificate_expired},
    {E::depth_zero_self_signed_cert, "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT",
     "self-signed certificate", A::unknown_ca},
    {E::self_signed_cert_in_chain, "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
     "self-signed certificate in certificate chain", A::unknown_ca},
    {E::unable_to_get_issuer_cert_locally, "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
     "unable to get local issuer certificate", A::unknown_ca},
    {E::unable_to_verify_leaf_signature, "X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE",
     "unable to verify the first certificate", A::unknown_ca},
    {E::cert_chain_too_long, "X509_V_ERR_CERT_CHAIN_TOO_LONG", "certificate chain too long",
     A::unknown_ca},
    {E::path_length_exceeded, "X509_V_ERR_PATH_LENGTH_EXCEEDED", "path length constraint exceeded",
     A::unknown_ca},
    {E::invalid_purpose, "X509_V_ERR_INVALID_PURPOSE", "unsuitable certificate purpose",
     A::unsupported_certificate},
    {E::cert_rejected, "X509_V_ERR_CERT_REJECTED", "certificate rejected", A::bad_certificate},
    {E::keyusage_no_certsign, "X509_V_ERR_KEYUSAGE_NO_CERTSIGN",
     "key usage does not include certificate signing", A::certificate_unknown},
    {E::unhandled_critical_extension, "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION",
     "unhandled critical extension", A::certificate_unknown},
    {E::permitted_violation, "X509_V_ERR_PERMITTED_VIOLATION", "permitted subtree violation",
     A::certificate_unknown},
    {E::excluded_violation, "X509_V_ERR_EXCLUDED_VIOLATION", "excluded subtree violation",
     A::certificate_unknown},
    {E::application_verification, "X509_V_ERR_APPLICATION_VERIFICATION",
     "application verification failure", A::handshake_failure},
    {E::unsupported_constraint_type, "X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE",
     "unsupported name constraint type", A::certificate_unknown},
    {E::unsupported_name_syntax, "X509_V_ERR_UNSUPPORTED_NAME_SYNTAX",
     "unsupported or invalid name syntax", A::certificate_unknown},
    {E::hostname_mismatch, "X509_V_ERR_HOSTNAME_MISMATCH", "hostname mismatch", A::bad_certificate},
    {E::ip_address_mismatch, "X509_V_ERR_IP_ADDRESS_MISMATCH", "IP address mismatch",
     A::bad_certificate},
    {E::ee_key_too_small, "X509_V_ERR_EE_KEY_TOO_SMALL", "EE certificate key too weak",
     A::bad_certificate},
    {E::ca_key_too_small, "X509_V_ERR_CA_KEY_TOO_SMALL", "CA certificate key too weak",
     A::bad_certificate},
    {E::ca_md_too_weak, "X509_V_ERR_CA_MD_TOO_WEAK", "CA signature digest algorithm too weak",
     A::bad_certificate},
    {E::unsupported_signature_algorithm, "X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM",
     "Cannot find certificate signature algorithm", A::certificate_unknown},
    {E::signature_algorithm_mismatch, "X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH",
     "subject signature algorithm and issuer public key algorithm mismatch",
     A::certificate_unknown},
    {E::invalid_ca, "X509_V_ERR_INVALID_CA", "invalid CA certificate", A::unknown_ca},
};

const Row *find(VerifyError error) {
  for (const Row &row : kRows)
    if (row.error == error) return &row;
  return nullptr;
}

}  // namespace

const char *verify_error_name(VerifyError error) noexcept {
  const Row *row = find(error);
  return row ? row->name : "X509_V_ERR_UNKNOWN";
}

const char *verify_error_text(VerifyError error) noexcept {
  const Row *row = find(error);
  return row ? row->text : "unknown certificate verification error";
}

AlertDescription verify_error_alert(VerifyError error) noexcept {
  const Row *row = find(error);
  return row ? row->alert : AlertDescription::certificate_unknown;
}

}  // namespace tls::x509
