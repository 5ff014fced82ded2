// The server's decisions on a ClientHello: the version, the suite and the certificate, the
// (EC)DHE group, the signature scheme, and the answer to every extension.
#include <algorithm>
#include <string>

#include "cipher/select.hpp"
#include "cipher/suites.hpp"
#include "handshake/certificate_fit.hpp"
#include "handshake/client_hello_builder.hpp"
#include "handshake/extension_rules.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/server_machine.hpp"
#include "handshake/signature_choice.hpp"
#include "x509/hostname.hpp"

namespace tls::handshake {
namespace {

ProtocolVersion negotiate_version(std::uint16_t client_wire, ProtocolVersion max) {
  if (client_wire >= to_wire(max)) return max;
  return *version_from_wire(client_wire);
}

bool offers(const std::vector<std::uint16_t> &list, std::uint16_t value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

Status ServerMachine::apply_client_hello(const ClientHello &hello) {
  HandshakeData &h = hs();
  h.client_random = hello.random;
  h.client_version = to_wire(hello.version);
  h.offered_suites = hello.cipher_suites;
  negotiated_.client_random.assign(hello.random.begin(), hello.random.end());
  negotiated_.client_cipher_suites = hello.cipher_suites;
  for (const RawExtension &e : hello.extensions)
    negotiated_.client_extensions.push_back(e.type);

  // Version: the client's highest, capped by ours, within our range (RFC 5246 Appendix E.1).
  const std::uint16_t client_wire = h.client_version;
  if ((client_wire >> 8) != 3 || client_wire < to_wire(config_->min_version))
    return make_error(AlertDescription::protocol_version,
                      "client offers at most " + version_text(client_wire) + "; at least " +
                          version_name(config_->min_version) + " is required");
  const ProtocolVersion version = negotiate_version(client_wire, config_->max_version);
  negotiated_.version = version;
  // RFC 7507: a client that fell back below what we both speak is being downgraded.
  if (offers(hello.cipher_suites, cipher::kFallbackScsv) &&
      to_wire(version) < to_wire(config_->max_version))
    return make_error(AlertDescription::inappropriate_fallback,
                      std::string("TLS_FALLBACK_SCSV with ") + version_name(version) +
                          " while the server supports " + version_name(config_->max_version));

  auto ext = parse_extensions(hello.extensions, ExtensionContext::client_hello);
  if (!ext) return ext.error();
  h.client_extensions = std::move(ext.value());
  const Extensions &offered = h.client_extensions;

  // SNI, and the configuration it may select.
  if (offered.server_name) {
    negotiated_.server_name = *offered.server_name;
    bool switched = false;
    if (config_->sni_callback) {
      SniDecision decision = config_->sni_callback(*offered.server_name);
      if (decision.action == SniDecision::Action::reject)
        return make_error(AlertDescription::unrecognized_name,
                          "server name '" + *offered.server_name + "' refused");
      if (decision.action == SniDecision::Action::switch_config && decision.config) {
        config_ = decision.config;
        switched = true;
        note("server name '" + *offered.server_name + "' selects another configuration");
      }
    }
    // A name the callback did not switch for must match one of our certificates.
    if (!switched && config_->reject_unknown_server_name) {
      const bool known = std::any_of(
          config_->certificates.begin(), config_->certificates.end(), [&](const CertifiedKey &c) {
            return !c.chain.empty() && x509::match_host(c.chain.front(), *offered.server_name).ok;
          });
      if (!known)
        return make_error(AlertDescription::unrecognized_name,
                          "no certificate for server name '" + *offered.server_name + "'");
    }
    if (version != ProtocolVersion::ssl3) reply_.server_name = std::string();
  }

  h.our_signature_schemes = our_signature_schemes(*config_);
  auto resumable = find_resumable_session(hello);
  if (!resumable) return resumable.error();
  if (*resumable) {
    TLS_TRY(adopt_session(**resumable));
    // Echo exactly the id the client sent, its length included (Ticketbleed, CVE-2016-9244).
    negotiated_.session_id = hello.session_id;
    h.resumed_session = std::move(*resumable);
    note(std::string("resuming a ") + version_name(version) + " " + negotiated_.suite->name +
         " session");
  } else {
    TLS_TRY(choose_suite_and_certificate(hello));
    negotiated_.session_created = provider().now();
    if (config_->session_cache) {
      negotiated_.session_id.resize(kMaxSessionIdLength);
      provider().random(negotiated_.session_id);
    }
    // RFC 5077: a ticket for a client that asked, sealed after the handshake's Finished.
    h.issue_ticket = offered.session_ticket && config_->session_tickets && config_->ticket_keys &&
                     version != ProtocolVersion::ssl3;
  }
  if (h.issue_ticket) reply_.session_ticket = Bytes{};
  const cipher::CipherSuite &suite = *negotiated_.suite;

  // RFC 5746: renegotiation_info (empty in an initial handshake) or the SCSV.
  TLS_TRY(check_renegotiation_info(hello));

  // RFC 7627, not in SSL 3.0.
  negotiated_.extended_master_secret = config_->extended_master_secret &&
                                       offered.extended_master_secret &&
                                       version != ProtocolVersion::ssl3;
  if (config_->require_extended_master_secret && !negotiated_.extended_master_secret)
    return make_error(AlertDescription::handshake_failure,
                      "the client did not offer the extended master secret (RFC 7627)");
  reply_.extended_master_secret = negotiated_.extended_master_secret;

  // RFC 7366: only for CBC suites.
  negotiated_.encrypt_then_mac = config_->encrypt_then_mac && offered.encrypt_then_mac &&
                                 suite.bulk().kind == cipher::CipherKind::cbc &&
                                 version != ProtocolVersion::ssl3;
  reply_.encrypt_then_mac = negotiated_.encrypt_then_mac;

  // RFC 7301.
  if (offered.alpn && (config_->alpn_select || !config_->alpn_protocols.empty())) {
    std::optional<std::string> chosen;
    if (config_->alpn_select) {
      chosen = config_->alpn_select(*offered.alpn);
    } else {
      for (const std::string &p : config_->alpn_protocols)
        if (std::find(offered.alpn->begin(), offered.alpn->end(), p) != offered.alpn->end()) {
          chosen = p;
          break;
        }
    }
    if (!chosen)
      return make_error(AlertDescription::no_application_protocol,
                        "no application protocol in common with the client");
    negotiated_.alpn = *chosen;
    reply_.alpn = std::vector<std::string>{*chosen};
  }

  if (offered.ec_point_formats && (suite.kx & cipher::kECDHE || suite.auth & cipher::aECDSA))
    reply_.ec_point_formats = Bytes{0};

  // RFC 8449 takes precedence over RFC 6066 max_fragment_length (RFC 8449 §5).
  if (offered.record_size_limit && version != ProtocolVersion::ssl3) {
    h.peer_record_size_limit = *offered.record_size_limit;
    h.our_record_size_limit = config_->record_size_limit != 0
                                  ? config_->record_size_limit
                                  : static_cast<std::uint16_t>(record::kMaxPlaintext);
    reply_.record_size_limit = h.our_record_size_limit;
  } else if (offered.max_fragment_length && version != ProtocolVersion::ssl3) {
    h.max_fragment_bytes = max_fragment_length_bytes(*offered.max_fragment_length);
    negotiated_.max_fragment_length = static_cast<std::uint16_t>(h.max_fragment_bytes);
    reply_.max_fragment_length = *offered.max_fragment_length;
  }
  if (version == ProtocolVersion::ssl3) restrict_to_ssl3(reply_);
  return Status::success();
}

Status ServerMachine::choose_suite_and_certificate(const ClientHello &hello) {
  HandshakeData &h = hs();
  const ProtocolVersion version = negotiated_.version;
  const Extensions &offered = h.client_extensions;
  const std::optional<std::vector<std::uint16_t>> &client_schemes =
      signs_with_algorithm(version) ? offered.signature_algorithms : std::nullopt;

  // Certificates we could sign with at this version for this client.
  std::vector<const CertifiedKey *> usable;
  std::vector<cipher::KeyType> usable_types;
  for (const CertifiedKey &c : config_->certificates) {
    const cipher::KeyType type = c.key_type();
    if (!key_curve_offered(type, offered.supported_groups)) continue;
    if (signs_with_algorithm(version)) {
      if (!choose_signature_scheme(h.our_signature_schemes, client_schemes, type)) continue;
    } else if (type == cipher::KeyType::ed25519) {
      continue;
    }
    usable.push_back(&c);
    usable_types.push_back(type);
  }

  // An EC group both sides have (RFC 8422 §5.1: no list means the client takes any).
  for (cipher::NamedGroup g : config_->groups) {
    if (cipher::is_ffdhe(g)) continue;
    if (offered.supported_groups &&
        !offers(*offered.supported_groups, static_cast<std::uint16_t>(g)))
      continue;
    ecdhe_group_ = g;
    break;
  }
  const bool points_ok = allows_uncompressed_points(offered);

  // DHE: the configured group, or the first RFC 7919 group the client listed (RFC 7919 §4).
  dhe_group_ = config_->dhe_group;
  if (!config_->dhe_custom_group && offered.supported_groups) {
    const bool lists_ffdhe = std::any_of(
        offered.supported_groups->begin(), offered.supported_groups->end(),
        [](std::uint16_t g) { return cipher::is_ffdhe(static_cast<cipher::NamedGroup>(g)); });
    if (lists_ffdhe &&
        !offers(*offered.supported_groups, static_cast<std::uint16_t>(*dhe_group_))) {
      for (std::uint16_t g : *offered.supported_groups)
        if (cipher::is_ffdhe(static_cast<cipher::NamedGroup>(g))) {
          dhe_group_ = static_cast<cipher::NamedGroup>(g);
          break;
        }
    }
  }

  cipher::ServerSetup setup{usable_types, ecdhe_group_.has_value() && points_ok, true};
  std::vector<const cipher::CipherSuite *> preference;
  for (std::uint16_t id : configured_suites(*config_))
    if (const cipher::CipherSuite *s = cipher::find_suite(id)) preference.push_back(s);
  cipher::SelectionRequest request{hello.cipher_suites, preference, version,
                                   cipher::server_abilities(setup, version),
                                   config_->server_preference};
  auto suite = cipher::choose_cipher(request);
  if (!suite) return suite.error();
  negotiated_.suite = *suite;
  h.kx = *key_exchange_kind_from_mask((*suite)->kx);

  for (const CertifiedKey *c : usable) {
    if (!key_fits_auth(c->key_type(), (*suite)->auth, version)) continue;
    h.our_certificate = c;
    if (signs_with_algorithm(version))
      h.our_scheme =
          choose_signature_scheme(h.our_signature_schemes, client_schemes, c->key_type());
    break;
  }
  if (h.our_certificate == nullptr)
    return make_error(AlertDescription::internal_error,
                      std::string("no certificate for ") + (*suite)->name);
  note(std::string("chose ") + version_name(version) + " " + (*suite)->name + " with a " +
       cipher::key_type_name(h.our_certificate->key_type()) + " certificate");
  return Status::success();
}

}  // namespace tls::handshake
