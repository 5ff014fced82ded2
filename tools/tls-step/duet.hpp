// A client and a server in one process, joined by two in-memory byte queues, moved one machine
// state at a time. Everything that happens during a step (trace events, records crossing the
// record layer) is copied into a Step for the printers; nothing here prints.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tls/alert.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "handshake/machine.hpp"
#include "handshake/session.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/ticket.hpp"
#include "handshake/trace.hpp"
#include "options.hpp"
#include "record/record_layer.hpp"

namespace tls::step {

// 2030-06-01T00:00:00Z: every certificate in tests/data is valid then (tests/data/README.md).
// The deterministic providers' clock reads it, so the randoms' time fields are fixed too.
inline constexpr std::int64_t kStepClock = 1906502400;

// A trace event with its bytes copied (a TraceEvent's views end with the callback).
struct Happening {
  handshake::TraceEvent::Kind kind = handshake::TraceEvent::Kind::note;
  std::optional<handshake::HandshakeType> message_type;
  Bytes raw;
  std::vector<handshake::Field> fields;
  std::string secret_name;
  std::uint8_t alert_level = 0;
  AlertDescription alert = AlertDescription::close_notify;
  std::string text;
};

// One record as it left or reached a side.
struct RecordSeen {
  bool outgoing = false;
  record::ContentType type = record::ContentType::handshake;
  std::uint16_t version = 0;
  std::uint64_t sequence = 0;
  Bytes header;
  Bytes fragment;   // as on the wire (protected once keys are in use)
  Bytes plaintext;  // what the protection hides
  std::string protection;
};

struct Step {
  int number = 0;
  bool client = true;  // the side that moved
  handshake::State state = handshake::State::before;
  handshake::StepResult result = handshake::StepResult::advanced;
  std::vector<Happening> happenings;
  std::vector<RecordSeen> records;
  std::string action;    // after the handshake: what the side did ("writes application data")
  std::string received;  // application data read in this step
};

// What a server keeps between connections so that a later one can resume a session: its
// session cache (by id) and its ticket keys (by ticket).
struct ServerMemory {
  std::shared_ptr<handshake::SessionCache> cache;
  std::shared_ptr<handshake::TicketKeys> ticket_keys;
};

class Duet {
 public:
  // Connection `number` (0 for the first) between a client and a server set up by `options`;
  // `memory` is the server's, shared by every connection of a run; `offer` is a session the
  // client offers for resumption.
  static Result<std::unique_ptr<Duet>> create(const Options &options, int number = 0,
                                              const ServerMemory &memory = {},
                                              std::optional<handshake::Session> offer = {});
  ~Duet();

  // The next step that shows something, or nullopt when the handshake has ended (both sides
  // done, or one failed and the other has read its alert).
  std::optional<Step> next();

  bool succeeded() const;
  // Why it failed: the side and its error.
  std::string failure() const;
  const handshake::Negotiated &negotiated(bool client) const;
  // Completed handshakes on this connection (2 after a renegotiation).
  unsigned handshakes() const;

  // After the handshake: `from_client`'s side writes `text`, the other reads it. Two steps: the
  // writer's and the reader's.
  std::vector<Step> send(bool from_client, const std::string &text);
  // close_notify from one side, read by the other.
  std::vector<Step> close(bool from_client);

  // After the handshake: `by_client`'s side starts a new one (a server sends HelloRequest, a
  // client ClientHello); next() then steps it like the first, the peer taking the request as it
  // reads. The server may ask for a client certificate this time.
  Status renegotiate(bool by_client, std::optional<handshake::VerifyMode> verify_mode = {});
  // The session the client can offer to a later connection.
  std::optional<handshake::Session> client_session() const;

 private:
  struct Side;
  Duet();
  Side &side(bool client) { return client ? *client_ : *server_; }
  void move_output(bool from_client);
  Step collect(bool client, handshake::State state, handshake::StepResult result);
  Status take_renegotiation_request(Side &s);
  std::vector<Step> deliver_and_read(bool from_client, const char *write_action,
                                     const char *read_action);

  std::unique_ptr<Side> client_;
  std::unique_ptr<Side> server_;
  bool current_client_ = true;
  bool finished_ = false;
  int failure_echo_ = 0;  // steps left for the peer to read a fatal alert
  int number_ = 0;
};

}  // namespace tls::step
