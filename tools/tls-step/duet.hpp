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
#include "handshake/trace.hpp"
#include "options.hpp"
#include "record/record_layer.hpp"

namespace tls::step {

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

class Duet {
 public:
  static Result<std::unique_ptr<Duet>> create(const Options &options);
  ~Duet();

  // The next step that shows something, or nullopt when the handshake has ended (both sides
  // done, or one failed and the other has read its alert).
  std::optional<Step> next();

  bool succeeded() const;
  // Why it failed: the side and its error.
  std::string failure() const;
  const handshake::Negotiated &negotiated(bool client) const;

  // After the handshake: `from_client`'s side writes `text`, the other reads it. Two steps: the
  // writer's and the reader's.
  std::vector<Step> send(bool from_client, const std::string &text);
  // close_notify from one side, read by the other.
  std::vector<Step> close(bool from_client);

 private:
  struct Side;
  Duet();
  Side &side(bool client) { return client ? *client_ : *server_; }
  void move_output(bool from_client);
  Step collect(bool client, handshake::State state, handshake::StepResult result);
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
