// The server's states, one function each. Read states follow the same four beats: get the
// message (or wait), check its type, parse it, then decide and add it to the transcript.
#include <algorithm>

#include "cipher/suites.hpp"
#include "handshake/certificate_verify_signature.hpp"
#include "handshake/downgrade_sentinel.hpp"
#include "handshake/key_exchange_ephemeral.hpp"
#include "handshake/key_exchange_rsa.hpp"
#include "handshake/messages/certificate.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/certificate_verify.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/client_key_exchange.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/new_session_ticket.hpp"
#include "handshake/messages/server_hello.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "handshake/messages/server_key_exchange.hpp"
#include "handshake/peer_certificates.hpp"
#include "handshake/server_key_exchange_signature.hpp"
#include "handshake/server_machine.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/signature_choice.hpp"
#include "handshake/ticket.hpp"

namespace tls::handshake {

StateResult ServerMachine::read_client_hello() {
  auto in = receive({HandshakeType::client_hello});
  if (!in) return in.error();
  if (renegotiation_declined_) {
    abandon_renegotiation();
    return Beat::next;
  }
  if (!*in) return Beat::wait_input;
  auto hello = ClientHello::parse((*in)->body);
  if (!hello) return hello.error();
  if (renegotiating_) {
    start_renegotiated_handshake();
    reply_ = Extensions{};
    ecdhe_group_.reset();
    dhe_group_.reset();
  }
  TLS_TRY(apply_client_hello(*hello));
  accept(**in);
  go(State::sw_srvr_hello);
  return Beat::next;
}

StateResult ServerMachine::write_server_hello() {
  HandshakeData &h = hs();
  provider().random(h.server_random);
  // A server that can do TLS 1.2 marks a lower version (RFC 8446 §4.1.3).
  if (config_->max_version == ProtocolVersion::tls12 &&
      negotiated_.version != ProtocolVersion::tls12)
    set_tls12_downgrade_sentinel(h.server_random);
  negotiated_.server_random.assign(h.server_random.begin(), h.server_random.end());
  ServerHello hello;
  hello.version = negotiated_.version;
  hello.random = h.server_random;
  hello.session_id = negotiated_.session_id;
  hello.cipher_suite = negotiated_.suite->id;
  hello.compression_method = 0;
  auto raw = serialize_extensions(reply_, ExtensionContext::server_hello);
  if (!raw) return raw.error();
  hello.extensions = std::move(raw.value());
  hello.has_extensions_block = !hello.extensions.empty();
  records_.set_version(negotiated_.version);
  TLS_TRY(send(serialize_message(hello)));
  if (h.max_fragment_bytes != 0) {
    TLS_TRY(records_.set_max_read_plaintext(h.max_fragment_bytes));
    TLS_TRY(records_.set_max_write_plaintext(h.max_fragment_bytes));
  }
  // RFC 8449 exempts unprotected records from the client's limit, but a client that also sent
  // max_fragment_length (GnuTLS does) may hold our Certificate records to it: keep every record
  // from here on within the limit, which is always allowed.
  if (h.peer_record_size_limit != 0)
    TLS_TRY(records_.set_max_write_plaintext(
        std::min<std::size_t>(h.peer_record_size_limit, record::kMaxPlaintext)));
  if (negotiated_.resumed) {
    TLS_TRY(derive_resumed_keys());
    go(h.issue_ticket ? State::sw_session_ticket : State::sw_change);
    return Beat::next;
  }
  go(State::sw_cert);
  return Beat::next;
}

StateResult ServerMachine::write_certificate() {
  CertificateMessage message;
  for (const x509::Certificate &cert : hs().our_certificate->chain)
    message.certificate_list.emplace_back(cert.der().begin(), cert.der().end());
  TLS_TRY(send(serialize_message(message)));
  go(hs().kx == KeyExchangeKind::rsa ? after_key_exchange() : State::sw_key_exch);
  return Beat::next;
}

StateResult ServerMachine::write_server_key_exchange() {
  HandshakeData &h = hs();
  Result<ServerEphemeral> ephemeral =
      h.kx == KeyExchangeKind::dhe
          ? server_dhe_share(provider(), *dhe_group_, config_->dhe_custom_group)
          : server_ecdhe_share(provider(), *ecdhe_group_);
  if (!ephemeral) return ephemeral.error();
  ServerKeyExchange ske;
  ske.params = ephemeral->params;
  if (h.kx == KeyExchangeKind::dhe) {
    negotiated_.dh_prime_bits = ephemeral->dh_prime_bits;
    if (!config_->dhe_custom_group) negotiated_.group = *dhe_group_;
  } else {
    negotiated_.group = *ecdhe_group_;
  }
  auto params = encode_server_params(ske);
  if (!params) return params.error();
  auto signature = sign_server_params(provider(), *h.our_certificate->key, negotiated_.version,
                                      h.our_scheme, h.client_random, h.server_random, *params);
  if (!signature) return signature.error();
  ske.signature = std::move(signature.value());
  negotiated_.our_signature_scheme = h.our_scheme;
  h.ephemeral = std::move(ephemeral.value());
  TLS_TRY(send(serialize_message(ske, KeyExchangeContext{h.kx, negotiated_.version, false})));
  go(after_key_exchange());
  return Beat::next;
}

StateResult ServerMachine::write_certificate_request() {
  HandshakeData &h = hs();
  CertificateRequest request;
  request.certificate_types = {static_cast<std::uint8_t>(ClientCertificateType::rsa_sign)};
  if (negotiated_.version != ProtocolVersion::ssl3)
    request.certificate_types.push_back(
        static_cast<std::uint8_t>(ClientCertificateType::ecdsa_sign));
  if (signs_with_algorithm(negotiated_.version))
    request.signature_algorithms = h.our_signature_schemes;
  if (config_->trust_store)
    for (const x509::Certificate &ca : config_->trust_store->certificates())
      request.certificate_authorities.emplace_back(ca.subject().der.begin(),
                                                   ca.subject().der.end());
  TLS_TRY(send(serialize_message(request, negotiated_.version)));
  h.certificate_requested = true;
  go(State::sw_srvr_done);
  return Beat::next;
}

StateResult ServerMachine::write_server_hello_done() {
  TLS_TRY(send(serialize_message(ServerHelloDone{})));
  go(State::sw_flush);
  return Beat::next;
}

StateResult ServerMachine::flush() {
  // The first flight must leave before the client can answer it.
  if (!records_.pending_output().empty()) return Beat::wait_flush;
  go(hs().certificate_requested ? State::sr_cert : State::sr_key_exch);
  return Beat::next;
}

StateResult ServerMachine::read_client_certificate() {
  HandshakeData &h = hs();
  const bool ssl3 = negotiated_.version == ProtocolVersion::ssl3;
  auto in = receive({HandshakeType::certificate}, /*allow_no_certificate=*/ssl3);
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  std::vector<Bytes> der_list;
  if (!(*in)->no_certificate_alert) {
    auto message = CertificateMessage::parse((*in)->body);
    if (!message) return message.error();
    der_list = std::move(message->certificate_list);
  }
  if (der_list.empty()) {
    if (verify_mode() == VerifyMode::require_peer_cert)
      return make_error(AlertDescription::handshake_failure,
                        "the client sent no certificate and one is required");
    note("the client sent no certificate");
    accept(**in);
    go(State::sr_key_exch);
    return Beat::next;
  }
  auto chain = check_peer_chain(*config_, der_list, x509::Purpose::client, std::string(),
                                /*verify=*/true);
  if (!chain) return chain.error();
  TLS_TRY(check_peer_unchanged(chain->chain.front().der()));
  const cipher::KeyType type = chain->chain.front().public_key().type;
  if (type == cipher::KeyType::ed25519 && !signs_with_algorithm(negotiated_.version))
    return make_error(AlertDescription::unsupported_certificate,
                      "an Ed25519 client certificate needs TLS 1.2");
  h.peer_key = chain->chain.front().public_key();
  h.peer_sent_certificate = true;
  negotiated_.peer_chain = std::move(chain->chain);
  negotiated_.verify_result = std::move(chain->verify_result);
  accept(**in);
  go(State::sr_key_exch);
  return Beat::next;
}

StateResult ServerMachine::read_client_key_exchange() {
  HandshakeData &h = hs();
  auto in = receive({HandshakeType::client_key_exchange});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  const KeyExchangeContext context{h.kx, negotiated_.version, false};
  auto message = ClientKeyExchange::parse((*in)->body, context);
  if (!message) return message.error();
  if (h.kx == KeyExchangeKind::rsa) {
    // Never fails on the contents: a bad block gives a random pre-master (RFC 5246 §7.4.7.1).
    h.pre_master = rsa_server_pre_master(provider(), *h.our_certificate->key,
                                         message->exchange_keys, h.client_version);
  } else {
    auto secret = server_ephemeral_secret(*h.ephemeral, message->exchange_keys);
    if (!secret) return secret.error();
    h.pre_master = std::move(secret.value());
    h.ephemeral.reset();
  }
  accept(**in);  // the session hash of RFC 7627 ends with ClientKeyExchange
  TLS_TRY(derive_keys());
  go(h.peer_sent_certificate ? State::sr_cert_vrfy : State::sr_change);
  return Beat::next;
}

StateResult ServerMachine::read_certificate_verify() {
  HandshakeData &h = hs();
  auto in = receive({HandshakeType::certificate_verify});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto message = CertificateVerify::parse((*in)->body, negotiated_.version);
  if (!message) return message.error();
  if (message->signature.scheme) {
    TLS_TRY(check_peer_signature_scheme(h.our_signature_schemes, *message->signature.scheme,
                                        h.peer_key.type, "CertificateVerify"));
    negotiated_.peer_signature_scheme = message->signature.scheme;
  }
  // Signed over the messages before it: checked before it joins the transcript.
  TLS_TRY(verify_certificate_verify(provider(), h.peer_key, negotiated_.version, message->signature,
                                    h.transcript, negotiated_.master_secret));
  accept(**in);
  go(State::sr_change);
  return Beat::next;
}

StateResult ServerMachine::read_change_cipher_spec() {
  auto ccs = receive_change_cipher_spec();
  if (!ccs) return ccs.error();
  if (!*ccs) return Beat::wait_input;
  TLS_TRY(install_keys(record::Direction::read));
  go(State::sr_finished);
  return Beat::next;
}

StateResult ServerMachine::read_finished() {
  auto in = receive({HandshakeType::finished});
  if (!in) return in.error();
  if (!*in) return Beat::wait_input;
  auto finished = Finished::parse((*in)->body, negotiated_.version);
  if (!finished) return finished.error();
  TLS_TRY(check_peer_finished(finished->verify_data));
  accept(**in);
  negotiated_.client_verify_data = finished->verify_data;
  if (negotiated_.resumed) {
    finish_handshake();
    return Beat::next;
  }
  go(hs().issue_ticket ? State::sw_session_ticket : State::sw_change);
  return Beat::next;
}

StateResult ServerMachine::write_session_ticket() {
  Session state = session_snapshot();
  state.session_id.clear();  // a ticket is found by itself, not by id
  state.lifetime = config_->ticket_keys->lifetime();
  NewSessionTicket message;
  message.lifetime_hint = state.lifetime;
  auto sealed = config_->ticket_keys->seal(state);
  if (sealed) {
    message.ticket = std::move(sealed.value());
  } else {
    // RFC 5077 §3.3: having promised a ticket, the server may still send an empty one.
    note("no ticket issued: " + sealed.error().reason);
  }
  TLS_TRY(send(serialize_message(message)));
  go(State::sw_change);
  return Beat::next;
}

StateResult ServerMachine::write_change_cipher_spec() {
  TLS_TRY(send_change_cipher_spec());
  TLS_TRY(install_keys(record::Direction::write));
  go(State::sw_finished);
  return Beat::next;
}

StateResult ServerMachine::write_finished() {
  Bytes verify_data = our_finished();
  negotiated_.server_verify_data = verify_data;
  TLS_TRY(send(serialize_message(Finished{std::move(verify_data)}, negotiated_.version)));
  if (negotiated_.resumed) {
    go(State::sr_change);  // abbreviated: the client's ChangeCipherSpec and Finished close it
    return Beat::next;
  }
  finish_handshake();
  cache_session();
  return Beat::next;
}

}  // namespace tls::handshake
