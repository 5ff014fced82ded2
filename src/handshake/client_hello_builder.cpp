#include "handshake/client_hello_builder.hpp"

#include <algorithm>

#include "cipher/cipher_string.hpp"
#include "cipher/suites.hpp"
#include "handshake/extension_rules.hpp"
#include "handshake/signature_choice.hpp"
#include "x509/hostname.hpp"

namespace tls::handshake {

std::vector<std::uint16_t> configured_suites(const Config &config) {
  if (!config.cipher_suites.empty()) return config.cipher_suites;
  std::vector<std::uint16_t> ids;
  for (const cipher::CipherSuite *suite : cipher::default_cipher_list())
    ids.push_back(suite->id);
  return ids;
}

Result<BuiltClientHello> build_client_hello(const Config &config, const std::string &hostname,
                                            const Random &random, const ClientHelloExtras &extras) {
  BuiltClientHello out;
  ClientHello &hello = out.hello;
  hello.version = config.max_version;
  hello.random = random;
  hello.session_id = extras.session_id;

  bool any_ecdhe = false, any_cbc = false;
  for (std::uint16_t id : configured_suites(config)) {
    const cipher::CipherSuite *suite = cipher::find_suite(id);
    if (suite == nullptr) continue;
    // Usable at some version of our range.
    if (to_wire(suite->min_version) > to_wire(config.max_version) ||
        to_wire(suite->max_version) < to_wire(config.min_version))
      continue;
    hello.cipher_suites.push_back(id);
    any_ecdhe = any_ecdhe || (suite->kx & cipher::kECDHE) != 0 || (suite->auth & cipher::aECDSA);
    any_cbc = any_cbc || suite->bulk().kind == cipher::CipherKind::cbc;
  }
  if (hello.cipher_suites.empty())
    return make_error(AlertDescription::internal_error,
                      std::string("no configured cipher suite is usable from ") +
                          version_name(config.min_version) + " to " +
                          version_name(config.max_version));

  const bool ssl3_only = config.max_version == ProtocolVersion::ssl3;
  // RFC 5746: an SSL 3.0 hello carries no extensions, so it signals with the SCSV.
  if (ssl3_only && !extras.renegotiating)
    hello.cipher_suites.push_back(cipher::kEmptyRenegotiationInfoScsv);
  if (config.send_fallback_scsv) hello.cipher_suites.push_back(cipher::kFallbackScsv);
  hello.compression_methods = {0};
  if (ssl3_only) return out;

  Extensions &ext = out.extensions;
  if (!hostname.empty() && !x509::parse_ip_address(hostname)) ext.server_name = hostname;
  if (any_ecdhe) {
    std::vector<std::uint16_t> groups;
    for (cipher::NamedGroup g : config.groups)
      groups.push_back(static_cast<std::uint16_t>(g));
    if (!groups.empty()) ext.supported_groups = groups;
    ext.ec_point_formats = Bytes{0};
  }
  if (config.max_version == ProtocolVersion::tls12)
    ext.signature_algorithms = our_signature_schemes(config);
  if (!config.alpn_protocols.empty()) ext.alpn = config.alpn_protocols;
  ext.extended_master_secret = config.extended_master_secret;
  ext.encrypt_then_mac = config.encrypt_then_mac && any_cbc;
  if (config.max_fragment_length != 0) ext.max_fragment_length = config.max_fragment_length;
  if (config.record_size_limit != 0) ext.record_size_limit = config.record_size_limit;
  ext.renegotiation_info = extras.renegotiated_connection;  // empty in an initial handshake
  ext.session_ticket = extras.session_ticket;

  auto raw = serialize_extensions(ext, ExtensionContext::client_hello);
  if (!raw) return raw.error();
  hello.extensions = std::move(raw.value());
  hello.has_extensions_block = true;
  auto padded = pad_client_hello(hello);
  if (!padded) return padded.error();
  return out;
}

}  // namespace tls::handshake
