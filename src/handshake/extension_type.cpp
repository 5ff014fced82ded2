#include "handshake/extension_type.hpp"

#include "handshake/iana_names.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

const char *extension_name(std::uint16_t type) noexcept {
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name:
      return "server_name";
    case ExtensionType::max_fragment_length:
      return "max_fragment_length";
    case ExtensionType::client_certificate_url:
      return "client_certificate_url";
    case ExtensionType::trusted_ca_keys:
      return "trusted_ca_keys";
    case ExtensionType::truncated_hmac:
      return "truncated_hmac";
    case ExtensionType::status_request:
      return "status_request";
    case ExtensionType::user_mapping:
      return "user_mapping";
    case ExtensionType::client_authz:
      return "client_authz";
    case ExtensionType::server_authz:
      return "server_authz";
    case ExtensionType::cert_type:
      return "cert_type";
    case ExtensionType::supported_groups:
      return "supported_groups";
    case ExtensionType::ec_point_formats:
      return "ec_point_formats";
    case ExtensionType::srp:
      return "srp";
    case ExtensionType::signature_algorithms:
      return "signature_algorithms";
    case ExtensionType::use_srtp:
      return "use_srtp";
    case ExtensionType::heartbeat:
      return "heartbeat";
    case ExtensionType::application_layer_protocol_negotiation:
      return "application_layer_protocol_negotiation";
    case ExtensionType::status_request_v2:
      return "status_request_v2";
    case ExtensionType::signed_certificate_timestamp:
      return "signed_certificate_timestamp";
    case ExtensionType::client_certificate_type:
      return "client_certificate_type";
    case ExtensionType::server_certificate_type:
      return "server_certificate_type";
    case ExtensionType::padding:
      return "padding";
    case ExtensionType::encrypt_then_mac:
      return "encrypt_then_mac";
    case ExtensionType::extended_master_secret:
      return "extended_master_secret";
    case ExtensionType::token_binding:
      return "token_binding";
    case ExtensionType::cached_info:
      return "cached_info";
    case ExtensionType::compress_certificate:
      return "compress_certificate";
    case ExtensionType::record_size_limit:
      return "record_size_limit";
    case ExtensionType::delegated_credential:
      return "delegated_credential";
    case ExtensionType::session_ticket:
      return "session_ticket";
    case ExtensionType::pre_shared_key:
      return "pre_shared_key";
    case ExtensionType::early_data:
      return "early_data";
    case ExtensionType::supported_versions:
      return "supported_versions";
    case ExtensionType::cookie:
      return "cookie";
    case ExtensionType::psk_key_exchange_modes:
      return "psk_key_exchange_modes";
    case ExtensionType::certificate_authorities:
      return "certificate_authorities";
    case ExtensionType::oid_filters:
      return "oid_filters";
    case ExtensionType::post_handshake_auth:
      return "post_handshake_auth";
    case ExtensionType::signature_algorithms_cert:
      return "signature_algorithms_cert";
    case ExtensionType::key_share:
      return "key_share";
    case ExtensionType::connection_id:
      return "connection_id";
    case ExtensionType::quic_transport_parameters:
      return "quic_transport_parameters";
    case ExtensionType::next_protocol_negotiation:
      return "next_protocol_negotiation";
    case ExtensionType::application_settings:
      return "application_settings";
    case ExtensionType::encrypted_client_hello:
      return "encrypted_client_hello";
    case ExtensionType::renegotiation_info:
      return "renegotiation_info";
  }
  return is_grease(type) ? "GREASE" : nullptr;
}

std::string extension_text(std::uint16_t type) {
  return detail::named_code(extension_name(type), type, 4);
}

}  // namespace tls::handshake
