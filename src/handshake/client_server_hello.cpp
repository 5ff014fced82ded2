// The client's decisions on a ServerHello: the version, suite, compression method and
// extensions must be ones it offered, and they settle what the rest of the handshake does.
#include <algorithm>
#include <string>

#include "cipher/suites.hpp"
#include "common/hex.hpp"
#include "handshake/client_hello_builder.hpp"
#include "handshake/client_machine.hpp"
#include "handshake/downgrade_sentinel.hpp"
#include "handshake/extension_rules.hpp"
#include "handshake/extensions.hpp"
#include "handshake/messages/server_hello.hpp"
#include "x509/hostname.hpp"

namespace tls::handshake {

// A client that offered TLS 1.2 refuses a lower version marked by the server (RFC 8446 §4.1.3).
Status ClientMachine::check_downgrade_sentinel(const ServerHello &hello,
                                               ProtocolVersion version) const {
  if (config_->max_version != ProtocolVersion::tls12 || version == ProtocolVersion::tls12)
    return {};
  if (!has_tls12_downgrade_sentinel(hello.random)) return {};
  return make_error(AlertDescription::illegal_parameter,
                    std::string("server chose ") + version_name(version) +
                        " but its random ends with the TLS 1.2 downgrade sentinel (RFC 8446 "
                        "§4.1.3): the ClientHello offering TLS 1.2 was tampered with");
}

Status ClientMachine::apply_server_hello(const ServerHello &hello) {
  HandshakeData &h = hs();
  const std::uint16_t wire = to_wire(hello.version);
  const auto version = version_from_wire(wire);
  if (!version || wire < to_wire(config_->min_version) || wire > to_wire(config_->max_version))
    return make_error(AlertDescription::protocol_version,
                      "server chose " + version_text(wire) + ", outside " +
                          version_name(config_->min_version) + " to " +
                          version_name(config_->max_version));
  TLS_TRY(check_downgrade_sentinel(hello, *version));
  const cipher::CipherSuite *suite = cipher::find_suite(hello.cipher_suite);
  if (suite == nullptr || std::find(h.offered_suites.begin(), h.offered_suites.end(),
                                    hello.cipher_suite) == h.offered_suites.end())
    return make_error(AlertDescription::illegal_parameter,
                      "server chose cipher suite 0x" +
                          to_hex(Bytes{static_cast<std::uint8_t>(hello.cipher_suite >> 8),
                                       static_cast<std::uint8_t>(hello.cipher_suite)}) +
                          ", which was not offered");
  if (!suite->allows(*version))
    return make_error(AlertDescription::illegal_parameter,
                      std::string("server chose ") + suite->name + ", which " +
                          version_name(*version) + " does not allow");
  if (hello.compression_method != 0)
    return make_error(AlertDescription::illegal_parameter,
                      "server chose compression method " +
                          std::to_string(hello.compression_method) + "; only null was offered");
  TLS_TRY(check_server_hello_extensions(hello.extensions, h.offered_extension_types, *version));
  auto ext = parse_extensions(hello.extensions, ExtensionContext::server_hello);
  if (!ext) return ext.error();

  // Resumption: the server echoes the offered session's id exactly, and must then keep that
  // session's version, suite and extended-master-secret status.
  const std::optional<Session> &offered = h.offered_session;
  if (offered && !hello.session_id.empty() && hello.session_id == offered->session_id) {
    if (*version != offered->version)
      return make_error(AlertDescription::protocol_version,
                        "server resumed a " + std::string(version_name(offered->version)) +
                            " session with " + version_name(*version));
    if (hello.cipher_suite != offered->cipher_suite)
      return make_error(AlertDescription::illegal_parameter,
                        std::string("server resumed a session with ") + suite->name +
                            ", not the session's suite");
    // RFC 7627 §5.3: the EMS status of a resumed session cannot change, either way.
    if (ext->extended_master_secret != offered->extended_master_secret)
      return make_error(AlertDescription::handshake_failure,
                        offered->extended_master_secret
                            ? "server resumed an extended-master-secret session without it"
                            : "server resumed a session without extended master secret with it");
    TLS_TRY(adopt_session(*offered));
    negotiated_.session_ticket = offered->ticket;
    negotiated_.ticket_lifetime_hint = offered->ticket_lifetime_hint;
    note("the server resumed the session");
  } else {
    if (offered) note("the server did not resume the session: full handshake");
    negotiated_.session_created = provider().now();
  }
  h.ticket_expected = ext->session_ticket.has_value();

  negotiated_.version = *version;
  negotiated_.suite = suite;
  h.server_random = hello.random;
  negotiated_.server_random.assign(hello.random.begin(), hello.random.end());
  negotiated_.session_id = hello.session_id;
  h.kx = *key_exchange_kind_from_mask(suite->kx);

  TLS_TRY(check_renegotiation_info(ext->renegotiation_info, *version));
  negotiated_.extended_master_secret = ext->extended_master_secret;
  if (config_->require_extended_master_secret && !negotiated_.extended_master_secret)
    return make_error(AlertDescription::handshake_failure,
                      "the server did not agree to the extended master secret (RFC 7627)");
  if (ext->encrypt_then_mac) {
    if (suite->bulk().kind != cipher::CipherKind::cbc)
      return make_error(
          AlertDescription::illegal_parameter,
          std::string("encrypt_then_mac with ") + suite->name + ", which is not a CBC suite");
    negotiated_.encrypt_then_mac = true;
  }
  if (ext->alpn) {
    const std::string &chosen = ext->alpn->front();
    if (std::find(config_->alpn_protocols.begin(), config_->alpn_protocols.end(), chosen) ==
        config_->alpn_protocols.end())
      return make_error(AlertDescription::illegal_parameter,
                        "server chose ALPN protocol '" + chosen + "', which was not offered");
    negotiated_.alpn = chosen;
  }
  if (!allows_uncompressed_points(*ext))
    return make_error(AlertDescription::illegal_parameter,
                      "server's ec_point_formats lacks uncompressed");
  if (ext->max_fragment_length) {
    if (*ext->max_fragment_length != config_->max_fragment_length)
      return make_error(AlertDescription::illegal_parameter,
                        "server answered max_fragment_length " +
                            std::to_string(*ext->max_fragment_length) + " to a request for " +
                            std::to_string(config_->max_fragment_length));
    h.max_fragment_bytes = max_fragment_length_bytes(*ext->max_fragment_length);
    negotiated_.max_fragment_length = static_cast<std::uint16_t>(h.max_fragment_bytes);
    TLS_TRY(records_.set_max_read_plaintext(h.max_fragment_bytes));
    TLS_TRY(records_.set_max_write_plaintext(h.max_fragment_bytes));
  }
  if (ext->record_size_limit) {
    h.peer_record_size_limit = *ext->record_size_limit;
    h.our_record_size_limit = config_->record_size_limit;
  }
  records_.set_version(*version);
  note(std::string("negotiated ") + version_name(*version) + " with " + suite->name);
  return Status::success();
}

}  // namespace tls::handshake

namespace tls::handshake {

std::optional<Session> ClientMachine::session_to_offer() {
  if (!params_.session) return std::nullopt;
  const Session &s = *params_.session;
  auto refuse = [&](const std::string &why) -> std::optional<Session> {
    note("not offering the session: " + why);
    return std::nullopt;
  };
  const bool ssl3_only = config_->max_version == ProtocolVersion::ssl3;
  const bool ticket_usable = !s.ticket.empty() && config_->session_tickets && !ssl3_only;
  if (s.session_id.empty() && !ticket_usable) return refuse("no session id and no usable ticket");
  if (s.session_id.size() > kMaxSessionIdLength || s.master_secret.size() != 48)
    return refuse("malformed session");
  if (to_wire(s.version) < to_wire(config_->min_version) ||
      to_wire(s.version) > to_wire(config_->max_version))
    return refuse(std::string(version_name(s.version)) + " is outside the configured range");
  const auto suites = configured_suites(*config_);
  if (std::find(suites.begin(), suites.end(), s.cipher_suite) == suites.end())
    return refuse("its cipher suite is no longer configured");
  // RFC 6066 §3: a session is resumed only under the name it was made for.
  const std::string name =
      ssl3_only || x509::parse_ip_address(params_.hostname) ? std::string() : params_.hostname;
  if (s.server_name != name) return refuse("it was made for server name '" + s.server_name + "'");
  if (s.expired(provider().now())) return refuse("it has expired");
  Session offer = s;
  if (!ticket_usable) offer.ticket.clear();
  return offer;
}

}  // namespace tls::handshake
