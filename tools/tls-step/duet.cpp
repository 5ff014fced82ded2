#include "duet.hpp"

#include <utility>

#include "cipher/cipher_string.hpp"
#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "x509/load.hpp"
#include "x509/trust_store.hpp"

namespace tls::step {
namespace {

const char *server_certificate_name(CertType type) {
  switch (type) {
    case CertType::rsa:
      return "server-rsa2048";
    case CertType::ecdsa:
      return "server-p256";
    case CertType::ed25519:
      return "server-ed25519";
  }
  return "server-rsa2048";
}

Result<handshake::CertifiedKey> load_certified(const std::string &dir, const std::string &name,
                                               const cipher::Provider &provider) {
  auto loaded = x509::load_certified_key_files(dir + "/" + name + ".chain.pem",
                                               dir + "/" + name + ".key", provider);
  if (!loaded) return loaded.error();
  auto ops = provider.private_key_operations(loaded->key);
  if (!ops) return ops.error();
  return handshake::CertifiedKey{loaded->chain, std::move(ops.value())};
}

Happening copy_event(const handshake::TraceEvent &e) {
  Happening h;
  h.kind = e.kind;
  h.message_type = e.message_type;
  h.raw.assign(e.raw.begin(), e.raw.end());
  h.fields = e.fields;
  h.secret_name = e.secret_name;
  h.alert_level = e.alert_level;
  h.alert = e.alert;
  h.text = e.text;
  return h;
}

RecordSeen copy_record(const record::RecordTrace &r) {
  RecordSeen s;
  s.outgoing = r.outgoing;
  s.type = r.type;
  s.version = r.version;
  s.sequence = r.sequence;
  s.header.assign(r.header.begin(), r.header.end());
  s.fragment.assign(r.fragment.begin(), r.fragment.end());
  s.plaintext.assign(r.plaintext.begin(), r.plaintext.end());
  s.protection = r.protection ? r.protection->name() : "none";
  return s;
}

}  // namespace

struct Duet::Side {
  bool client = true;
  std::shared_ptr<handshake::Config> config;
  std::unique_ptr<record::RecordLayer> records;
  std::unique_ptr<handshake::Machine> machine;
  Bytes inbox;  // bytes the peer sent, not yet given to the record layer
  std::vector<Happening> happenings;
  std::vector<RecordSeen> records_seen;
  bool waiting = false;  // the last step asked for input
};

Duet::Duet() = default;
Duet::~Duet() = default;

Result<std::unique_ptr<Duet>> Duet::create(const Options &o, int number, const ServerMemory &memory,
                                           std::optional<handshake::Session> offer) {
  std::unique_ptr<Duet> duet(new Duet());
  auto cipher_list = cipher::parse_cipher_string(o.cipher);
  if (!cipher_list) return cipher_list.error();
  if (cipher_list->suites.empty())
    return make_error(AlertDescription::handshake_failure,
                      "the cipher string '" + o.cipher + "' selects no suite");
  auto trust = std::make_shared<x509::TrustStore>();
  TLS_TRY(trust->add_file(o.data_dir + "/ca-bundle.pem"));

  for (bool client : {true, false}) {
    auto side = std::make_unique<Side>();
    side->client = client;
    // Each connection of a run has its own randoms, and a later one happens a minute later.
    const std::uint64_t seed = o.seed * 2 + (client ? 0 : 1) + (std::uint64_t{1} << 32) * number;
    const auto provider = cipher::deterministic_provider(seed, kStepClock + 60 * number);
    auto &c = side->config = std::make_shared<handshake::Config>();
    c->role = client ? handshake::Role::client : handshake::Role::server;
    c->provider = provider;
    c->verify_time = kStepClock;
    c->trust_store = trust;
    c->trace_fields = true;
    c->trace_secrets = o.secrets;
    if (client) {
      c->min_version = c->max_version = o.version;
      for (const cipher::CipherSuite *s : cipher_list->suites)
        c->cipher_suites.push_back(s->id);
      c->verify_mode = handshake::VerifyMode::peer;
      if (o.client_auth) {
        auto key = load_certified(
            o.data_dir, o.cert == CertType::rsa ? "client-rsa2048" : "client-p256", *provider);
        if (!key) return key.error();
        c->certificates.push_back(std::move(*key));
      }
    } else {
      // The server accepts every version and suite tlspp has; the client's offer decides.
      c->min_version = ProtocolVersion::ssl3;
      c->max_version = ProtocolVersion::tls12;
      for (const cipher::CipherSuite &s : cipher::all_suites())
        c->cipher_suites.push_back(s.id);
      c->server_preference = false;
      auto key = load_certified(o.data_dir, server_certificate_name(o.cert), *provider);
      if (!key) return key.error();
      c->certificates.push_back(std::move(*key));
      if (o.client_auth) c->verify_mode = handshake::VerifyMode::require_peer_cert;
      c->session_cache = memory.cache;
      c->ticket_keys = memory.ticket_keys;
      // A renegotiation here is the server's idea (HelloRequest); a client may not start one.
      c->allow_client_renegotiation = false;
    }
    // Tickets only when the run resumes by ticket, so that the other runs show no more than
    // they need.
    c->session_tickets = o.resume == Resume::by_ticket;
    Side *raw = side.get();
    c->trace = [raw](const handshake::TraceEvent &e) { raw->happenings.push_back(copy_event(e)); };
    side->records = std::make_unique<record::RecordLayer>(provider);
    side->records->set_observer(
        [raw](const record::RecordTrace &r) { raw->records_seen.push_back(copy_record(r)); });
    handshake::ConnectionParams params;
    if (client) {
      params.hostname = "localhost";
      params.session = offer;
    }
    side->machine = handshake::Machine::create(side->config, *side->records, std::move(params));
    (client ? duet->client_ : duet->server_) = std::move(side);
  }
  return duet;
}

// A side whose handshake is done reads the peer's request for a new one (a HelloRequest, or a
// ClientHello) and hands it to its machine, which follows it or declines it.
Status Duet::take_renegotiation_request(Side &s) {
  auto event = s.records->next_event();
  if (!event) return event.error();
  if (event->kind != record::Event::Kind::handshake) return {};
  auto started = s.machine->handle_post_handshake(event->handshake_message);
  if (!started) {
    (void)s.records->fail(started.error());
    return started.error();
  }
  return {};
}

Status Duet::renegotiate(bool by_client, std::optional<handshake::VerifyMode> verify_mode) {
  TLS_TRY(side(by_client).machine->renegotiate(verify_mode));
  finished_ = false;
  failure_echo_ = 0;
  current_client_ = by_client;
  client_->waiting = server_->waiting = false;
  return {};
}

std::optional<handshake::Session> Duet::client_session() const {
  return client_->machine->session();
}

void Duet::move_output(bool from_client) {
  Side &from = side(from_client);
  const ByteView out = from.records->pending_output();
  append(side(!from_client).inbox, out);
  from.records->consume_output(out.size());
}

Step Duet::collect(bool client, handshake::State state, handshake::StepResult result) {
  Side &s = side(client);
  Step step;
  step.client = client;
  step.state = state;
  step.result = result;
  step.happenings = std::exchange(s.happenings, {});
  step.records = std::exchange(s.records_seen, {});
  return step;
}

std::optional<Step> Duet::next() {
  // Enough for the longest handshake; a loop that goes on longer is a deadlock.
  for (int guard = 0; guard < 1000 && !finished_; ++guard) {
    const bool who = current_client_;
    Side &s = side(who);
    s.inbox.erase(s.inbox.begin(),
                  s.inbox.begin() + static_cast<std::ptrdiff_t>(s.records->feed(s.inbox)));
    if (s.machine->done() && s.records->buffered_input() > 0) {
      if (auto taken = take_renegotiation_request(s); !taken) {
        Step step = collect(who, s.machine->state(), handshake::StepResult::failed);
        step.number = ++number_;
        finished_ = true;
        return step;
      }
    }
    const handshake::State before = s.machine->state();
    const handshake::StepResult r = s.machine->step();
    move_output(who);
    Step step = collect(who, before, r);  // a step runs the state the machine was in
    s.waiting = r == handshake::StepResult::need_input;

    Side &peer = side(!who);
    if (failure_echo_ > 0 && --failure_echo_ == 0) finished_ = true;
    switch (r) {
      case handshake::StepResult::advanced:
      case handshake::StepResult::need_flush:
        break;
      case handshake::StepResult::need_input:
        if (s.inbox.empty() && peer.waiting && peer.inbox.empty()) finished_ = true;
        current_client_ = !who;
        break;
      case handshake::StepResult::done:
        if (peer.machine->done() && peer.inbox.empty()) finished_ = true;
        current_client_ = !who;
        break;
      case handshake::StepResult::failed:
        // The peer reads the alert once, then it is over.
        if (failure_echo_ == 0 && !finished_) failure_echo_ = 1;
        current_client_ = !who;
        break;
    }
    if (!step.happenings.empty() || !step.records.empty()) {
      step.number = ++number_;
      return step;
    }
  }
  finished_ = true;
  return std::nullopt;
}

bool Duet::succeeded() const {
  return client_->machine->done() && server_->machine->done();
}

std::string Duet::failure() const {
  for (const Side *s : {client_.get(), server_.get()}) {
    if (s->machine->error())
      return std::string(s->client ? "client" : "server") + ": " + s->machine->error()->to_string();
  }
  if (!succeeded()) return "the handshake stopped with both sides waiting for the other";
  return "";
}

const handshake::Negotiated &Duet::negotiated(bool client) const {
  return (client ? client_ : server_)->machine->negotiated();
}

unsigned Duet::handshakes() const {
  return client_->machine->handshakes();
}

std::vector<Step> Duet::deliver_and_read(bool from_client, const char *write_action,
                                         const char *read_action) {
  std::vector<Step> steps;
  move_output(from_client);
  steps.push_back(
      collect(from_client, side(from_client).machine->state(), handshake::StepResult::done));
  steps.back().action = write_action;
  Side &to = side(!from_client);
  to.inbox.erase(to.inbox.begin(),
                 to.inbox.begin() + static_cast<std::ptrdiff_t>(to.records->feed(to.inbox)));
  std::string received;
  for (;;) {
    auto event = to.records->next_event();
    if (!event || event->kind != record::Event::Kind::application_data) break;
    received.append(event->application_data.begin(), event->application_data.end());
  }
  Step read = collect(!from_client, to.machine->state(), handshake::StepResult::done);
  read.received = std::move(received);
  read.action = read_action;
  steps.push_back(std::move(read));
  for (Step &s : steps)
    s.number = ++number_;
  return steps;
}

std::vector<Step> Duet::send(bool from_client, const std::string &text) {
  auto written = side(from_client).records->write_application_data(as_bytes(text));
  if (!written) {
    Step failed =
        collect(from_client, side(from_client).machine->state(), handshake::StepResult::failed);
    failed.number = ++number_;
    return {failed};
  }
  return deliver_and_read(from_client, "writes application data", "reads application data");
}

std::vector<Step> Duet::close(bool from_client) {
  if (!side(from_client)
           .records->write_alert(AlertLevel::warning, AlertDescription::close_notify)
           .ok())
    return {};
  return deliver_and_read(from_client, "sends close_notify", "reads close_notify");
}

}  // namespace tls::step
