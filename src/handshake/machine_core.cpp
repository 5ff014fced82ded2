#include "handshake/machine_core.hpp"

#include <algorithm>
#include <string>

#include "cipher/key_schedule.hpp"
#include "cipher/suites.hpp"
#include "common/ct.hpp"
#include "handshake/finished_value.hpp"
#include "handshake/master_secret.hpp"
#include "record/content_type.hpp"

namespace tls::handshake {

std::string handshake_type_list(std::initializer_list<HandshakeType> types) {
  std::string out;
  for (HandshakeType t : types) {
    if (!out.empty()) out += " or ";
    out += handshake_type_text(static_cast<std::uint8_t>(t));
  }
  return out;
}

MachineCore::MachineCore(std::shared_ptr<const Config> config, record::RecordLayer &records,
                         bool is_client)
    : Machine(std::move(config), records),
      is_client_(is_client),
      hs_(std::make_unique<HandshakeData>()) {}

StepResult MachineCore::step() {
  if (error_) return StepResult::failed;
  if (state_ == State::ok) return StepResult::done;
  if (state_ != State::before && announced_ != state_) {
    announced_ = state_;
    TraceEvent e;
    e.kind = TraceEvent::Kind::state;
    e.text = state_description(state_);
    emit(std::move(e));
  }
  StateResult result = run_state();
  if (!result) return fail(result.error());
  switch (*result) {
    case Beat::next:
      return state_ == State::ok ? StepResult::done : StepResult::advanced;
    case Beat::wait_input:
      return StepResult::need_input;
    case Beat::wait_flush:
      return StepResult::need_flush;
  }
  return StepResult::advanced;
}

StepResult MachineCore::fail(Error error) {
  error.reason = std::string(state_name(state_)) + ": " + error.reason;
  error_ = error;
  if (!records_.dead()) {
    records_.fail(error);
    TraceEvent e;
    e.kind = TraceEvent::Kind::alert_sent;
    e.alert_level = static_cast<std::uint8_t>(
        error.alert == AlertDescription::close_notify ? AlertLevel::warning : AlertLevel::fatal);
    e.alert = error.alert;
    e.text = error.reason;
    emit(std::move(e));
  }
  state_ = State::error;
  hs_.reset();
  return StepResult::failed;
}

Error MachineCore::unexpected(const std::string &got, const std::string &expected) const {
  return make_error(AlertDescription::unexpected_message,
                    "received " + got + " while expecting " + expected);
}

void MachineCore::emit(TraceEvent event) {
  if (!config_->trace) return;
  event.from_client = is_client_;
  event.state = state_;
  config_->trace(event);
}

void MachineCore::note(std::string text) {
  TraceEvent e;
  e.kind = TraceEvent::Kind::note;
  e.text = std::move(text);
  emit(std::move(e));
}

void MachineCore::trace_secret(const char *name, ByteView secret) {
  if (!config_->trace_secrets) return;
  TraceEvent e;
  e.kind = TraceEvent::Kind::secret;
  e.secret_name = name;
  e.raw = secret;
  e.text = name;
  emit(std::move(e));
}

MessageContext MachineCore::message_context() const {
  MessageContext context;
  context.version = negotiated_.version;
  context.kx = hs_ ? hs_->kx : KeyExchangeKind::ecdhe;
  return context;
}

Result<std::optional<Incoming>> MachineCore::receive(std::initializer_list<HandshakeType> expected,
                                                     bool allow_no_certificate) {
  const std::string expected_text = handshake_type_list(expected);
  if (!hs_->held_message.empty()) {
    // Served from the copy; it stays alive (in in_use) until the next receive().
    Bytes &in_use = hs_->held_in_use;
    in_use = std::move(hs_->held_message);
    hs_->held_message.clear();
    auto split = split_handshake_message(in_use);
    if (!split) return split.error();
    if (std::find(expected.begin(), expected.end(), split->type) == expected.end())
      return unexpected(handshake_type_text(static_cast<std::uint8_t>(split->type)), expected_text);
    return std::optional<Incoming>(Incoming{split->type, split->body, in_use, false});
  }
  for (;;) {
    auto event = records_.next_event();
    if (!event) {
      if (records_.peer_fatal_alert()) {
        TraceEvent e;
        e.kind = TraceEvent::Kind::alert_received;
        e.alert_level = static_cast<std::uint8_t>(AlertLevel::fatal);
        e.alert = *records_.peer_fatal_alert();
        e.text = event.error().reason;
        emit(std::move(e));
      }
      return event.error();
    }
    switch (event->kind) {
      case record::Event::Kind::need_more_input:
        return std::optional<Incoming>();
      case record::Event::Kind::handshake: {
        const auto type = static_cast<HandshakeType>(event->handshake_type);
        if (std::find(expected.begin(), expected.end(), type) != expected.end())
          return std::optional<Incoming>(
              Incoming{type, event->handshake_body, event->handshake_message, false});
        // RFC 5246 §7.4.1.1: a client ignores HelloRequest while it is negotiating.
        if (is_client_ && type == HandshakeType::hello_request && event->handshake_body.empty()) {
          note("HelloRequest ignored: a handshake is already in progress");
          continue;
        }
        return unexpected(handshake_type_text(event->handshake_type), expected_text);
      }
      case record::Event::Kind::change_cipher_spec: {
        TraceEvent e;
        e.kind = TraceEvent::Kind::change_cipher_spec_received;
        emit(std::move(e));
        return unexpected("ChangeCipherSpec", expected_text);
      }
      case record::Event::Kind::alert: {
        TraceEvent e;
        e.kind = TraceEvent::Kind::alert_received;
        e.alert_level = static_cast<std::uint8_t>(event->alert_level);
        e.alert = event->alert_description;
        emit(std::move(e));
        if (event->alert_description == AlertDescription::close_notify)
          return make_error(AlertDescription::close_notify,
                            "peer closed the connection (close_notify) during the handshake");
        if (allow_no_certificate && event->alert_description == AlertDescription::no_certificate)
          return std::optional<Incoming>(Incoming{HandshakeType::certificate, {}, {}, true});
        // A peer may decline a renegotiation with a warning (RFC 5246 §7.2.2).
        if (renegotiating_ &&
            state_ == (is_client_ ? State::cr_srvr_hello : State::sr_clnt_hello) &&
            event->alert_description == AlertDescription::no_renegotiation &&
            event->alert_level == AlertLevel::warning) {
          renegotiation_declined_ = true;
          return std::optional<Incoming>();
        }
        // Some servers warn unrecognized_name and go on (RFC 6066 §3 allows it).
        if (is_client_ && event->alert_description == AlertDescription::unrecognized_name) {
          note("warning unrecognized_name from the server ignored");
          continue;
        }
        return unexpected(std::string("warning alert ") + alert_name(event->alert_description),
                          expected_text);
      }
      case record::Event::Kind::application_data:
        // During a renegotiation the old keys still carry the application's data: kept, in
        // order, for the owner.
        if (renegotiating_) {
          append(application_data_, event->application_data);
          continue;
        }
        return unexpected("application data", expected_text);
      case record::Event::Kind::closed:
        return make_error(AlertDescription::close_notify,
                          "peer closed the connection during the handshake");
    }
  }
}

Result<bool> MachineCore::receive_change_cipher_spec() {
  for (;;) {
    auto event = records_.next_event();
    if (!event) {
      if (records_.peer_fatal_alert()) {
        TraceEvent e;
        e.kind = TraceEvent::Kind::alert_received;
        e.alert_level = static_cast<std::uint8_t>(AlertLevel::fatal);
        e.alert = *records_.peer_fatal_alert();
        emit(std::move(e));
      }
      return event.error();
    }
    switch (event->kind) {
      case record::Event::Kind::need_more_input:
        return false;
      case record::Event::Kind::change_cipher_spec: {
        TraceEvent e;
        e.kind = TraceEvent::Kind::change_cipher_spec_received;
        static const std::uint8_t kPayload[1] = {1};
        e.raw = kPayload;
        emit(std::move(e));
        return true;
      }
      case record::Event::Kind::handshake: {
        if (is_client_ && event->handshake_type == 0 && event->handshake_body.empty()) {
          note("HelloRequest ignored: a handshake is already in progress");
          continue;
        }
        return unexpected(handshake_type_text(event->handshake_type), "ChangeCipherSpec");
      }
      case record::Event::Kind::alert: {
        TraceEvent e;
        e.kind = TraceEvent::Kind::alert_received;
        e.alert_level = static_cast<std::uint8_t>(event->alert_level);
        e.alert = event->alert_description;
        emit(std::move(e));
        if (event->alert_description == AlertDescription::close_notify)
          return make_error(AlertDescription::close_notify,
                            "peer closed the connection (close_notify) during the handshake");
        return unexpected(std::string("warning alert ") + alert_name(event->alert_description),
                          "ChangeCipherSpec");
      }
      case record::Event::Kind::application_data:
        if (renegotiating_) {
          append(application_data_, event->application_data);
          continue;
        }
        return unexpected("application data", "ChangeCipherSpec");
      case record::Event::Kind::closed:
        return make_error(AlertDescription::close_notify,
                          "peer closed the connection during the handshake");
    }
  }
}

void MachineCore::accept(const Incoming &message) {
  if (message.no_certificate_alert) return;
  hs_->transcript.add(message.message);
  if (!config_->trace) return;
  TraceEvent e;
  e.kind = TraceEvent::Kind::message_received;
  e.message_type = message.type;
  e.raw = message.message;
  e.text = std::string("received ") + handshake_type_text(static_cast<std::uint8_t>(message.type));
  if (config_->trace_fields)
    e.fields = describe_handshake_message(message.message, message_context()).fields;
  emit(std::move(e));
}

void MachineCore::hold(const Incoming &message) {
  hs_->held_message.assign(message.message.begin(), message.message.end());
}

Status MachineCore::send(Result<Bytes> message) {
  if (!message) return message.error();
  TLS_TRY(records_.write_handshake(*message));
  hs_->transcript.add(*message);
  if (config_->trace) {
    TraceEvent e;
    e.kind = TraceEvent::Kind::message_sent;
    e.message_type = static_cast<HandshakeType>((*message)[0]);
    e.raw = *message;
    e.text = std::string("sent ") + handshake_type_text((*message)[0]);
    if (config_->trace_fields)
      e.fields = describe_handshake_message(*message, message_context()).fields;
    emit(std::move(e));
  }
  return Status::success();
}

Status MachineCore::send_change_cipher_spec() {
  TLS_TRY(records_.write_change_cipher_spec());
  TraceEvent e;
  e.kind = TraceEvent::Kind::change_cipher_spec_sent;
  static const std::uint8_t kPayload[1] = {1};
  e.raw = kPayload;
  emit(std::move(e));
  return Status::success();
}

Status MachineCore::derive_keys() {
  HandshakeData &h = *hs_;
  const cipher::CipherSuite &suite = *negotiated_.suite;
  trace_secret("pre_master_secret", h.pre_master);
  negotiated_.master_secret =
      derive_master_secret(provider(), negotiated_.version, suite, h.pre_master, h.client_random,
                           h.server_random, negotiated_.extended_master_secret, h.transcript);
  SecureBuffer().swap(h.pre_master);
  trace_secret("master_secret", negotiated_.master_secret);
  if (config_->keylog) config_->keylog(keylog_line(h.client_random, negotiated_.master_secret));
  h.key_block =
      cipher::derive_key_block(provider(), negotiated_.version, suite, negotiated_.master_secret,
                               h.client_random, h.server_random);
  trace_secret("client_write_mac_key", h.key_block.client_write_mac_key);
  trace_secret("server_write_mac_key", h.key_block.server_write_mac_key);
  trace_secret("client_write_key", h.key_block.client_write_key);
  trace_secret("server_write_key", h.key_block.server_write_key);
  trace_secret("client_write_iv", h.key_block.client_write_iv);
  trace_secret("server_write_iv", h.key_block.server_write_iv);
  return Status::success();
}

Status MachineCore::derive_resumed_keys() {
  HandshakeData &h = *hs_;
  const cipher::CipherSuite &suite = *negotiated_.suite;
  trace_secret("master_secret", negotiated_.master_secret);
  if (config_->keylog) config_->keylog(keylog_line(h.client_random, negotiated_.master_secret));
  h.key_block =
      cipher::derive_key_block(provider(), negotiated_.version, suite, negotiated_.master_secret,
                               h.client_random, h.server_random);
  trace_secret("client_write_mac_key", h.key_block.client_write_mac_key);
  trace_secret("server_write_mac_key", h.key_block.server_write_mac_key);
  trace_secret("client_write_key", h.key_block.client_write_key);
  trace_secret("server_write_key", h.key_block.server_write_key);
  trace_secret("client_write_iv", h.key_block.client_write_iv);
  trace_secret("server_write_iv", h.key_block.server_write_iv);
  return Status::success();
}

Status MachineCore::adopt_session(const Session &session) {
  const cipher::CipherSuite *suite = cipher::find_suite(session.cipher_suite);
  if (suite == nullptr)
    return make_error(AlertDescription::internal_error, "resumed session has an unknown suite");
  std::vector<x509::Certificate> chain;
  for (const Bytes &der : session.peer_chain) {
    auto cert = x509::Certificate::parse(der);
    if (!cert)
      return make_error(
          AlertDescription::internal_error,
          "resumed session's peer certificate does not parse: " + cert.error().reason);
    chain.push_back(std::move(cert.value()));
  }
  negotiated_.version = session.version;
  negotiated_.suite = suite;
  negotiated_.master_secret = session.master_secret;
  negotiated_.extended_master_secret = session.extended_master_secret;
  negotiated_.peer_chain = std::move(chain);
  negotiated_.session_created = session.created;
  negotiated_.resumed = true;
  hs_->kx = *key_exchange_kind_from_mask(suite->kx);
  return Status::success();
}

Status MachineCore::install_keys(record::Direction direction) {
  HandshakeData &h = *hs_;
  TLS_TRY(records_.install_keys(direction, negotiated_.version, *negotiated_.suite, h.key_block,
                                is_client_, negotiated_.encrypt_then_mac));
  const bool write = direction == record::Direction::write;
  // RFC 8449: the limit an endpoint announced binds the records sent to it once protected.
  if (write && h.peer_record_size_limit != 0)
    TLS_TRY(records_.set_max_write_plaintext(
        std::min<std::size_t>(h.peer_record_size_limit, record::kMaxPlaintext)));
  if (!write && h.our_record_size_limit != 0 && h.peer_record_size_limit != 0)
    TLS_TRY(records_.set_max_read_plaintext(
        std::min<std::size_t>(h.our_record_size_limit, record::kMaxPlaintext)));
  TraceEvent e;
  e.kind = TraceEvent::Kind::keys_installed;
  e.text = std::string(write ? "write" : "read") + " keys: " + negotiated_.suite->name + " (" +
           version_name(negotiated_.version) +
           (negotiated_.encrypt_then_mac ? ", encrypt-then-MAC" : "") + ")";
  emit(std::move(e));
  return Status::success();
}

Bytes MachineCore::our_finished() {
  return finished_verify_data(provider(), negotiated_.version, *negotiated_.suite,
                              negotiated_.master_secret, hs_->transcript, is_client_);
}

Status MachineCore::check_peer_finished(ByteView verify_data) {
  const Bytes expected =
      finished_verify_data(provider(), negotiated_.version, *negotiated_.suite,
                           negotiated_.master_secret, hs_->transcript, !is_client_);
  if (!ct::equal(expected, verify_data))
    return make_error(AlertDescription::decrypt_error,
                      "Finished: verify_data does not match the handshake");
  return Status::success();
}

void MachineCore::prepare_renegotiation() {
  hs_ = std::make_unique<HandshakeData>();
  renegotiating_ = true;
  renegotiation_declined_ = false;
  before_renegotiation_.reset();
  announced_.reset();
}

void MachineCore::start_renegotiated_handshake() {
  Previous p;
  p.version = negotiated_.version;
  p.client_verify_data = negotiated_.client_verify_data;
  p.server_verify_data = negotiated_.server_verify_data;
  if (!negotiated_.peer_chain.empty()) {
    const ByteView der = negotiated_.peer_chain.front().der();
    p.peer_leaf.assign(der.begin(), der.end());
  }
  previous_ = std::move(p);
  before_renegotiation_ = negotiated_;
  Negotiated fresh;
  fresh.version = negotiated_.version;
  fresh.secure_renegotiation = negotiated_.secure_renegotiation;
  negotiated_ = std::move(fresh);
}

void MachineCore::abandon_renegotiation() {
  note("the peer declined the renegotiation; the connection goes on as it was");
  hs_.reset();
  if (before_renegotiation_) negotiated_ = std::move(*before_renegotiation_);
  before_renegotiation_.reset();
  renegotiating_ = false;
  renegotiation_declined_ = false;
  state_ = State::ok;
}

Status MachineCore::send_warning(AlertDescription description, std::string why) {
  TLS_TRY(records_.write_alert(AlertLevel::warning, description));
  TraceEvent e;
  e.kind = TraceEvent::Kind::alert_sent;
  e.alert_level = static_cast<std::uint8_t>(AlertLevel::warning);
  e.alert = description;
  e.text = std::move(why);
  emit(std::move(e));
  return Status::success();
}

Status MachineCore::check_peer_unchanged(ByteView leaf_der) const {
  if (!previous_ || previous_->peer_leaf.empty()) return Status::success();
  if (!ct::equal(previous_->peer_leaf, leaf_der))
    return make_error(AlertDescription::illegal_parameter,
                      "the peer's certificate changed in a renegotiation");
  return Status::success();
}

void MachineCore::finish_handshake() {
  renegotiating_ = false;
  ++handshakes_;
  hs_.reset();
  before_renegotiation_.reset();
  records_.release_handshake_memory();
  state_ = State::ok;
  TraceEvent e;
  e.kind = TraceEvent::Kind::state;
  e.text = "handshake complete";
  emit(std::move(e));
}

}  // namespace tls::handshake
