// The client's states, one function each. Read states follow the same four beats: get the
// message (or wait), check its type, parse it, then decide and add it to the transcript.
#include <algorithm>

#include "cipher/suites.hpp"
#include "common/ct.hpp"
#include "handshake/certificate_fit.hpp"
#include "handshake/certificate_verify_signature.hpp"
#include "handshake/client_hello_builder.hpp"
#include "handshake/client_machine.hpp"
#include "handshake/extension_rules.hpp"
#include "handshake/key_exchange_ephemeral.hpp"
#include "handshake/key_exchange_rsa.hpp"
#include "handshake/messages/certificate.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/certificate_verify.hpp"
#include "handshake/messages/client_key_exchange.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/new_session_ticket.hpp"
#include "handshake/messages/server_hello.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "handshake/messages/server_key_exchange.hpp"
#include "handshake/peer_certificates.hpp"
#include "handshake/server_key_exchange_signature.hpp"
#include "handshake/signature_choice.hpp"

namespace tls::handshake {

StateResult ClientMachine::write_client_hello() {
  HandshakeData &h = hs();
  provider().random(h.client_random);
  ClientHelloExtras extras;
  if (renegotiating_) {
    start_renegotiated_handshake();
    extras.renegotiating = true;
    extras.renegotiated_connection = previous()->client_verify_data;
  } else if (auto offer = session_to_offer()) {
    // RFC 5077 §3.4: with a ticket and no id, the client makes one up, so that an echo of it
    // in the ServerHello says the ticket was accepted.
    if (offer->session_id.empty()) {
      offer->session_id.resize(kMaxSessionIdLength);
      provider().random(offer->session_id);
    }
    extras.session_id = offer->session_id;
    if (config_->session_tickets && !offer->ticket.empty()) extras.session_ticket = offer->ticket;
    note("offering a session for resumption" +
         std::string(extras.session_ticket ? " (with its ticket)" : " (by id)"));
    h.offered_session = std::move(offer);
  }
  if (config_->session_tickets && !extras.session_ticket) extras.session_ticket = Bytes{};
  auto built = build_client_hello(*config_, params_.hostname, h.client_random, extras);
  if (!built) return built.error();
  h.client_version = to_wire(config_->max_version);
  h.offered_suites = built->hello.cipher_suites;
  h.offered_extension_types = offered_extension_types(built->hello);
  h.client_extensions = built->extensions;
  h.our_signature_schemes = our_signature_schemes(*config_);
  if (built->extensions.server_name) negotiated_.server_name = *built->extensions.server_name;
  negotiated_.client_random.assign(h.client_random.begin(), h.client_random.end());
  // An SSL 3.0-only client says so in its first record too.
  if (config_->max_version == ProtocolVersion::ssl3)
    records_.set_initial_write_version(to_wire(ProtocolVersion::ssl3));
  TLS_TRY(send(serialize_message(built->hello)));
  go(State::cr_srvr_hello);
  return Beat::next;
}

StateResult ClientMachine::read_server_hello() {
  auto in = receive({HandshakeType::server_hello});
  if (!in) return in.error();
  if (renegotiation_declined_) {
    abandon_renegotiation();
    return Beat::next;
  }
  if (!*in) return Beat::wait_input;
  auto hello = ServerHello::parse((*in)->body);
  if (!hello) return hello.error();
  TLS_TRY(apply_server_hello(*hello));
  accept(**in);
  if (negotiated_.resumed) {
    // Abbreviated: the server's ChangeCipherSpec and Finished come next, after a ticket if
    // one was promised.
    TLS_TRY(derive_resumed_keys());
    go(hs().ticket_expected ? State::cr_session_ticket : State::cr_change);
  } else {
    go(State::cr_cert);
  }
  return Beat::next;
}

StateResult ClientMachine::read_server_certificate() {
  auto in = receive({HandshakeType::certificate});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto message = CertificateMessage::parse((*in)->body);
  if (!message) return message.error();
  if (message->certificate_list.empty())
    return make_error(AlertDescription::handshake_failure, "the server sent no certificate");
  const bool verify = config_->verify_mode != VerifyMode::none;
  auto chain = check_peer_chain(*config_, message->certificate_list, x509::Purpose::server,
                                config_->check_hostname ? params_.hostname : std::string(), verify);
  if (!chain) return chain.error();
  TLS_TRY(check_peer_unchanged(chain->chain.front().der()));
  const cipher::PublicKey &key = chain->chain.front().public_key();
  if (!key_fits_auth(key.type, negotiated_.suite->auth, negotiated_.version))
    return make_error(AlertDescription::unsupported_certificate,
                      std::string("a ") + cipher::key_type_name(key.type) +
                          " certificate cannot authenticate " + negotiated_.suite->name);
  if (const auto group = ec_key_group(key.type);
      group &&
      std::find(config_->groups.begin(), config_->groups.end(), *group) == config_->groups.end())
    return make_error(AlertDescription::illegal_parameter,
                      std::string("the server's certificate key is on ") +
                          cipher::group_name(*group) +
                          ", which the client did not list in supported_groups (RFC 8422 §5.3)");
  hs().peer_key = key;
  negotiated_.peer_chain = std::move(chain->chain);
  negotiated_.verify_result = std::move(chain->verify_result);
  if (negotiated_.verify_result)
    note("server certificate verified: " + negotiated_.verify_result->text);
  accept(**in);
  // Plain RSA key exchange has no ServerKeyExchange: one arriving is refused in CR_CERT_REQ.
  go(hs().kx == KeyExchangeKind::rsa ? State::cr_cert_req : State::cr_key_exch);
  return Beat::next;
}

StateResult ClientMachine::read_server_key_exchange() {
  auto in = receive({HandshakeType::server_key_exchange});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  HandshakeData &h = hs();
  const KeyExchangeContext context{h.kx, negotiated_.version, false};
  auto ske = ServerKeyExchange::parse((*in)->body, context);
  if (!ske) return ske.error();
  if (!ske->signature)
    return make_error(AlertDescription::decode_error, "ServerKeyExchange carries no signature");
  if (ske->signature->scheme) {
    TLS_TRY(check_peer_signature_scheme(h.our_signature_schemes, *ske->signature->scheme,
                                        h.peer_key.type, "ServerKeyExchange"));
    negotiated_.peer_signature_scheme = *ske->signature->scheme;
  }
  TLS_TRY(verify_server_params(provider(), h.peer_key, negotiated_.version, *ske->signature,
                               h.client_random, h.server_random, ske->raw_params));
  // The signed parameters, checked: compute our share and the pre-master secret now.
  Result<ClientEphemeral> ours = Error{};
  if (const ServerDhParams *dh = ske->dh()) {
    ours = client_dhe_exchange(provider(), *dh, config_->min_dh_bits);
    if (ours) negotiated_.dh_prime_bits = ours->dh_prime_bits;
  } else {
    ours = client_ecdhe_exchange(provider(), *ske->ecdh(), config_->groups);
    if (ours) negotiated_.group = static_cast<cipher::NamedGroup>(ske->ecdh()->named_group);
  }
  if (!ours) return ours.error();
  h.pre_master = std::move(ours->pre_master);
  h.client_public = std::move(ours->public_value);
  accept(**in);
  go(State::cr_cert_req);
  return Beat::next;
}

StateResult ClientMachine::read_certificate_request() {
  // Optional: ServerHelloDone may come instead, and is left for CR_SRVR_DONE.
  auto in = receive({HandshakeType::certificate_request, HandshakeType::server_hello_done});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  if ((*in)->type == HandshakeType::server_hello_done) {
    hold(**in);
    go(State::cr_srvr_done);
    return Beat::next;
  }
  auto request = CertificateRequest::parse((*in)->body, negotiated_.version);
  if (!request) return request.error();
  hs().certificate_request = std::move(request.value());
  accept(**in);
  go(State::cr_srvr_done);
  return Beat::next;
}

StateResult ClientMachine::read_server_hello_done() {
  auto in = receive({HandshakeType::server_hello_done});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto done = ServerHelloDone::parse((*in)->body);
  if (!done) return done.error();
  accept(**in);
  go(hs().certificate_request ? State::cw_cert : State::cw_key_exch);
  return Beat::next;
}

StateResult ClientMachine::write_client_certificate() {
  HandshakeData &h = hs();
  const CertificateRequest &request = *h.certificate_request;
  // Our certificates the server can take: a type it listed and, in TLS 1.2, a scheme both
  // sides accept; those issued under a CA it named come first.
  std::vector<std::size_t> fitting, named_ca;
  std::vector<std::optional<std::uint16_t>> schemes(config_->certificates.size());
  for (std::size_t i = 0; i < config_->certificates.size(); ++i) {
    const CertifiedKey &candidate = config_->certificates[i];
    if (candidate.chain.empty() || !candidate.key) continue;
    const cipher::KeyType type = candidate.key_type();
    const auto wanted =
        static_cast<std::uint8_t>(type == cipher::KeyType::rsa ? ClientCertificateType::rsa_sign
                                                               : ClientCertificateType::ecdsa_sign);
    if (std::find(request.certificate_types.begin(), request.certificate_types.end(), wanted) ==
        request.certificate_types.end())
      continue;
    if (signs_with_algorithm(negotiated_.version)) {
      schemes[i] =
          choose_signature_scheme(h.our_signature_schemes, request.signature_algorithms, type);
      if (!schemes[i]) continue;
    } else if (type == cipher::KeyType::ed25519) {
      continue;
    }
    const bool under_named_ca = std::any_of(
        candidate.chain.begin(), candidate.chain.end(), [&](const x509::Certificate &c) {
          const ByteView issuer = c.issuer().der;
          return std::any_of(request.certificate_authorities.begin(),
                             request.certificate_authorities.end(),
                             [&](const Bytes &name) { return ct::equal(name, issuer); });
        });
    (under_named_ca ? named_ca : fitting).push_back(i);
  }
  fitting.insert(fitting.begin(), named_ca.begin(), named_ca.end());
  std::optional<std::size_t> chosen;
  if (config_->client_certificate_callback) {
    const std::vector<std::uint16_t> no_schemes;
    chosen = config_->client_certificate_callback(ClientCertificateRequestView{
        request.certificate_types,
        request.signature_algorithms ? *request.signature_algorithms : no_schemes,
        request.certificate_authorities, fitting});
    if (chosen && std::find(fitting.begin(), fitting.end(), *chosen) == fitting.end())
      return make_error(AlertDescription::internal_error,
                        "the client certificate callback chose a certificate that does not fit "
                        "the server's request");
  } else if (!fitting.empty()) {
    chosen = fitting.front();
  }
  if (chosen) {
    h.our_certificate = &config_->certificates[*chosen];
    h.our_scheme = schemes[*chosen];
  }
  if (h.our_certificate == nullptr && negotiated_.version == ProtocolVersion::ssl3) {
    // SSL 3.0 has no empty Certificate: a client without one warns no_certificate.
    TLS_TRY(records_.write_alert(AlertLevel::warning, AlertDescription::no_certificate));
    TraceEvent e;
    e.kind = TraceEvent::Kind::alert_sent;
    e.alert_level = static_cast<std::uint8_t>(AlertLevel::warning);
    e.alert = AlertDescription::no_certificate;
    e.text = "no certificate fits the server's request";
    emit(std::move(e));
    go(State::cw_key_exch);
    return Beat::next;
  }
  CertificateMessage message;
  if (h.our_certificate != nullptr) {
    for (const x509::Certificate &cert : h.our_certificate->chain)
      message.certificate_list.emplace_back(cert.der().begin(), cert.der().end());
  } else {
    note("no certificate fits the server's request: sending an empty Certificate");
  }
  TLS_TRY(send(serialize_message(message)));
  go(State::cw_key_exch);
  return Beat::next;
}

StateResult ClientMachine::write_client_key_exchange() {
  HandshakeData &h = hs();
  const KeyExchangeContext context{h.kx, negotiated_.version, false};
  ClientKeyExchange message;
  message.kx = h.kx;
  if (h.kx == KeyExchangeKind::rsa) {
    auto rsa = rsa_client_exchange(provider(), h.peer_key, h.client_version);
    if (!rsa) return rsa.error();
    h.pre_master = std::move(rsa->pre_master);
    message.exchange_keys = std::move(rsa->encrypted);
  } else {
    message.exchange_keys = std::move(h.client_public);
  }
  TLS_TRY(send(serialize_message(message, context)));
  TLS_TRY(derive_keys());
  go(h.our_certificate != nullptr ? State::cw_cert_vrfy : State::cw_change);
  return Beat::next;
}

StateResult ClientMachine::write_certificate_verify() {
  HandshakeData &h = hs();
  auto signature = sign_certificate_verify(provider(), *h.our_certificate->key, negotiated_.version,
                                           h.our_scheme, h.transcript, negotiated_.master_secret);
  if (!signature) return signature.error();
  negotiated_.our_signature_scheme = h.our_scheme;
  TLS_TRY(send(
      serialize_message(CertificateVerify{std::move(signature.value())}, negotiated_.version)));
  go(State::cw_change);
  return Beat::next;
}

StateResult ClientMachine::write_change_cipher_spec() {
  TLS_TRY(send_change_cipher_spec());
  TLS_TRY(install_keys(record::Direction::write));
  go(State::cw_finished);
  return Beat::next;
}

StateResult ClientMachine::write_finished() {
  Bytes verify_data = our_finished();
  negotiated_.client_verify_data = verify_data;
  TLS_TRY(send(serialize_message(Finished{std::move(verify_data)}, negotiated_.version)));
  if (negotiated_.resumed) {
    finish_handshake();
    return Beat::next;
  }
  go(hs().ticket_expected ? State::cr_session_ticket : State::cr_change);
  return Beat::next;
}

StateResult ClientMachine::read_session_ticket() {
  auto in = receive({HandshakeType::new_session_ticket});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto ticket = NewSessionTicket::parse((*in)->body);
  if (!ticket) return ticket.error();
  // An empty ticket: the server promised one and then decided not to issue it (RFC 5077 §3.3);
  // a ticket we offered stays valid.
  if (!ticket->ticket.empty()) {
    negotiated_.session_ticket = std::move(ticket->ticket);
    negotiated_.ticket_lifetime_hint = ticket->lifetime_hint;
    // A server that issues a ticket often sends no session id (RFC 5077 §3.4). Name the session
    // as OpenSSL does, by the SHA-256 of its ticket, so it has an identity to show and offer.
    if (negotiated_.session_id.empty()) {
      auto sha256 = provider().hash(cipher::HashAlg::sha256);
      sha256->update(negotiated_.session_ticket);
      negotiated_.session_id = sha256->finish();
    }
    note("received a session ticket (lifetime hint " + std::to_string(ticket->lifetime_hint) +
         " s)");
  }
  accept(**in);
  go(State::cr_change);
  return Beat::next;
}

StateResult ClientMachine::read_change_cipher_spec() {
  auto ccs = receive_change_cipher_spec();
  if (!ccs) return ccs.error();
  if (!*ccs) return Beat::wait_input;
  TLS_TRY(install_keys(record::Direction::read));
  go(State::cr_finished);
  return Beat::next;
}

StateResult ClientMachine::read_finished() {
  auto in = receive({HandshakeType::finished});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto finished = Finished::parse((*in)->body, negotiated_.version);
  if (!finished) return finished.error();
  TLS_TRY(check_peer_finished(finished->verify_data));
  accept(**in);
  negotiated_.server_verify_data = finished->verify_data;
  if (negotiated_.resumed) {
    go(State::cw_change);  // abbreviated: our ChangeCipherSpec and Finished close it
    return Beat::next;
  }
  finish_handshake();
  return Beat::next;
}

}  // namespace tls::handshake
