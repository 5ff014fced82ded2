// An in-memory pair of endpoints for handshake tests: a client and a server machine, each over
// its own RecordLayer with its own deterministic provider, and a pump that moves bytes between
// them — whole flights, or one record at a time to stop a machine in a chosen state.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "handshake/config.hpp"
#include "handshake/machine.hpp"
#include "record/record_layer.hpp"

namespace tls::handshake::test {

// 2030-06-01T00:00:00Z: inside every test certificate's validity (tests/data/README.md).
inline constexpr std::int64_t kVerifyTime = 1906502400;

std::string data_path(const std::string &name);

// A chain + key from tests/data ("server-rsa2048", "server-p256", "server-ed25519",
// "client-rsa2048", "client-p256").
CertifiedKey load_certified(const std::string &name, const cipher::Provider &provider);
std::shared_ptr<const x509::TrustStore> test_trust_store();

struct Endpoint {
  std::shared_ptr<Config> config;
  std::shared_ptr<const cipher::Provider> provider;
  std::unique_ptr<record::RecordLayer> records;
  std::unique_ptr<Machine> machine;
  std::vector<State> states;  // every state the machine announced, in order
  std::vector<TraceEvent::Kind> events;
  Bytes inbox;  // bytes sent by the peer and not yet fed
};

// One chunk of wire bytes as it left an endpoint.
struct WireChunk {
  bool from_client = true;
  Bytes bytes;
};

class Pair {
 public:
  // Configs are completed with providers (seeded) and the trace hook; call start() after
  // adjusting them.
  Pair(std::uint64_t client_seed = 1, std::uint64_t server_seed = 2);

  Config &client_config() { return *client_.config; }
  Config &server_config() { return *server_.config; }
  // What the client's connection gets besides its Config (a session to offer, ...); start()
  // sets the hostname.
  ConnectionParams &client_params() { return client_params_; }
  void start(const std::string &hostname = "localhost");

  Endpoint &client() { return client_; }
  Endpoint &server() { return server_; }
  Endpoint &side(bool client) { return client ? client_ : server_; }

  // Runs both machines to the end (or failure). True when both are done.
  bool run();
  // Runs until the machine of `victim_is_client` waits for input in `state`, delivering input
  // one record at a time; the undelivered rest for the victim is dropped. True when reached.
  bool run_until(bool victim_is_client, State state);

  // Delivers raw bytes to one side and steps it until it blocks; returns the last result.
  StepResult deliver(bool to_client, ByteView bytes);
  // Steps one side until it blocks (moving its output into the peer's inbox).
  StepResult advance(bool client);

  // Application data one way: written by `from_client`'s side, read by the other's. Returns
  // what arrived.
  std::optional<Bytes> send_application_data(bool from_client, ByteView data);
  // close_notify from one side; true when the other sees it.
  bool close(bool from_client);

  const std::vector<WireChunk> &wire() const { return wire_; }

 private:
  void move_output(bool from_client);
  Endpoint client_;
  Endpoint server_;
  ConnectionParams client_params_;
  std::vector<WireChunk> wire_;
};

// A record layer that writes as the peer of `victim` would at this point: same version and,
// when the victim already reads protected records, the peer's write keys (derived from the
// victim's negotiated master secret).
std::unique_ptr<record::RecordLayer> make_injector(Endpoint &victim, bool victim_is_client);

}  // namespace tls::handshake::test
