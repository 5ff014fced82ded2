#include "support/pump.hpp"

#include <gtest/gtest.h>

#include "cipher/key_schedule.hpp"
#include "x509/load.hpp"
#include "x509/trust_store.hpp"

namespace tls::handshake::test {

std::string data_path(const std::string &name) {
  return std::string(TLS_TEST_DATA_DIR) + "/" + name;
}

CertifiedKey load_certified(const std::string &name, const cipher::Provider &provider) {
  auto loaded = x509::load_certified_key_files(data_path(name + ".chain.pem"),
                                               data_path(name + ".key"), provider);
  EXPECT_TRUE(loaded.ok()) << name << ": " << (loaded ? "" : loaded.error().to_string());
  CertifiedKey out;
  if (!loaded) return out;
  out.chain = loaded->chain;
  auto ops = provider.private_key_operations(loaded->key);
  EXPECT_TRUE(ops.ok());
  if (ops) out.key = std::move(ops.value());
  return out;
}

std::shared_ptr<const x509::TrustStore> test_trust_store() {
  auto store = std::make_shared<x509::TrustStore>();
  EXPECT_TRUE(store->add_file(data_path("ca-bundle.pem")).ok());
  return store;
}

namespace {

void init_endpoint(Endpoint &e, Role role, std::uint64_t seed) {
  e.provider = cipher::deterministic_provider(seed);
  e.config = std::make_shared<Config>();
  e.config->role = role;
  e.config->provider = e.provider;
  e.config->verify_time = kVerifyTime;
}

// The size of the first whole record in `bytes`, or 0.
std::size_t first_record_size(ByteView bytes) {
  if (bytes.size() < 5) return 0;
  const std::size_t n = 5 + ((std::size_t{bytes[3]} << 8) | bytes[4]);
  return bytes.size() >= n ? n : 0;
}

}  // namespace

Pair::Pair(std::uint64_t client_seed, std::uint64_t server_seed) {
  init_endpoint(client_, Role::client, client_seed);
  init_endpoint(server_, Role::server, server_seed);
}

void Pair::start(const std::string &hostname) {
  for (Endpoint *e : {&client_, &server_}) {
    auto user_trace = e->config->trace;
    e->config->trace = [e, user_trace](const TraceEvent &ev) {
      e->events.push_back(ev.kind);
      if (ev.kind == TraceEvent::Kind::state && ev.state != State::ok)
        e->states.push_back(ev.state);
      if (user_trace) user_trace(ev);
    };
    e->records = std::make_unique<record::RecordLayer>(e->provider);
  }
  client_params_.hostname = hostname;
  client_.machine = Machine::create(client_.config, *client_.records, client_params_);
  server_.machine = Machine::create(server_.config, *server_.records, ConnectionParams{});
}

void Pair::move_output(bool from_client) {
  Endpoint &from = side(from_client);
  Endpoint &to = side(!from_client);
  const ByteView out = from.records->pending_output();
  if (out.empty()) return;
  append(to.inbox, out);
  wire_.push_back(WireChunk{from_client, Bytes(out.begin(), out.end())});
  from.records->consume_output(out.size());
}

StepResult Pair::advance(bool client) {
  Endpoint &e = side(client);
  for (;;) {
    // Feed what fits of the inbox.
    if (!e.inbox.empty() && !e.records->dead()) {
      const std::size_t taken = e.records->feed(e.inbox);
      e.inbox.erase(e.inbox.begin(), e.inbox.begin() + static_cast<std::ptrdiff_t>(taken));
    }
    const StepResult r = e.machine->step();
    move_output(client);
    if (r == StepResult::advanced || r == StepResult::need_flush) continue;
    if (r == StepResult::need_input && !e.inbox.empty() && !e.records->dead()) {
      // More bytes wait than fitted; feed and try again.
      const std::size_t before = e.inbox.size();
      const std::size_t taken = e.records->feed(e.inbox);
      e.inbox.erase(e.inbox.begin(), e.inbox.begin() + static_cast<std::ptrdiff_t>(taken));
      if (taken != 0 || e.inbox.size() != before) continue;
    }
    return r;
  }
}

bool Pair::run() {
  for (int round = 0; round < 64; ++round) {
    const StepResult c = advance(true);
    const StepResult s = advance(false);
    if (c == StepResult::failed || s == StepResult::failed) {
      // Let each side see the other's alert.
      advance(true);
      advance(false);
      return false;
    }
    if (c == StepResult::done && s == StepResult::done && client_.inbox.empty() &&
        server_.inbox.empty())
      return true;
    if (c == StepResult::done && s == StepResult::done) continue;
    if (client_.inbox.empty() && server_.inbox.empty() && c != StepResult::done &&
        s != StepResult::done && round > 2)
      return false;
  }
  return false;
}

bool Pair::run_until(bool victim_is_client, State state) {
  for (int round = 0; round < 256; ++round) {
    bool progress = false;
    for (bool client : {true, false}) {
      Endpoint &e = side(client);
      // One record at a time.
      StepResult r = StepResult::need_input;
      for (;;) {
        r = e.machine->step();
        move_output(client);
        if (r == StepResult::advanced || r == StepResult::need_flush) continue;
        break;
      }
      if (client == victim_is_client && r == StepResult::need_input &&
          e.machine->state() == state && !e.records->has_partial_handshake_message() &&
          e.records->buffered_input() == 0) {
        e.inbox.clear();
        return true;
      }
      if (r == StepResult::failed || r == StepResult::done) continue;
      const std::size_t n = first_record_size(e.inbox);
      if (n != 0) {
        const std::size_t taken = e.records->feed(ByteView(e.inbox).first(n));
        e.inbox.erase(e.inbox.begin(), e.inbox.begin() + static_cast<std::ptrdiff_t>(taken));
        progress = progress || taken != 0;
      }
    }
    if (!progress && client_.inbox.empty() && server_.inbox.empty()) {
      // Nothing in flight: one more pass lets a side that was fed last act.
      bool any = false;
      for (bool client : {true, false})
        if (side(client).machine->state() == state && client == victim_is_client) any = true;
      if (!any && round > 4) return false;
    }
  }
  return false;
}

StepResult Pair::deliver(bool to_client, ByteView bytes) {
  append(side(to_client).inbox, bytes);
  return advance(to_client);
}

std::optional<Bytes> Pair::send_application_data(bool from_client, ByteView data) {
  Endpoint &from = side(from_client);
  Endpoint &to = side(!from_client);
  auto written = from.records->write_application_data(data);
  if (!written || *written != data.size()) return std::nullopt;
  move_output(from_client);
  Bytes got;
  // The receiver's buffer may be smaller than what waits (record size limits): feed in turns.
  for (;;) {
    const std::size_t taken = to.records->feed(to.inbox);
    to.inbox.erase(to.inbox.begin(), to.inbox.begin() + static_cast<std::ptrdiff_t>(taken));
    auto ev = to.records->next_event();
    if (!ev) return std::nullopt;
    if (ev->kind == record::Event::Kind::need_more_input) {
      if (to.inbox.empty()) break;
      if (taken == 0) return std::nullopt;
      continue;
    }
    if (ev->kind != record::Event::Kind::application_data) return std::nullopt;
    append(got, ev->application_data);
  }
  return got;
}

bool Pair::close(bool from_client) {
  Endpoint &from = side(from_client);
  Endpoint &to = side(!from_client);
  if (!from.records->write_alert(AlertLevel::warning, AlertDescription::close_notify).ok())
    return false;
  move_output(from_client);
  to.records->feed(to.inbox);
  to.inbox.clear();
  auto ev = to.records->next_event();
  return ev && ev->kind == record::Event::Kind::alert &&
         ev->alert_description == AlertDescription::close_notify &&
         to.records->close_notify_received();
}

std::unique_ptr<record::RecordLayer> make_injector(Endpoint &victim, bool victim_is_client) {
  auto injector = std::make_unique<record::RecordLayer>(victim.provider);
  if (auto v = victim.records->version()) injector->set_version(*v);
  if (!victim.records->read_protection().is_initial()) {
    const Negotiated &n = victim.machine->negotiated();
    const cipher::KeyBlock block = cipher::derive_key_block(
        *victim.provider, n.version, *n.suite, n.master_secret, n.client_random, n.server_random);
    EXPECT_TRUE(injector
                    ->install_keys(record::Direction::write, n.version, *n.suite, block,
                                   !victim_is_client, n.encrypt_then_mac)
                    .ok());
  }
  return injector;
}

}  // namespace tls::handshake::test
