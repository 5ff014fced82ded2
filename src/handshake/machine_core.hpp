// What the client and server machines share: the step() frame (announce the state, run it,
// turn its outcome into a StepResult, fail with an alert), the four beats of a read state
// (get the next message, check its type, ...), sending a message, the ChangeCipherSpec
// handling, key installation, and every trace event.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "handshake/handshake_data.hpp"
#include "handshake/machine.hpp"
#include "handshake/messages/describe.hpp"
#include "handshake/trace.hpp"
#include "record/protection_builder.hpp"

namespace tls::handshake {

// What a state function did.
enum class Beat : std::uint8_t {
  next,        // done; state_ holds the next state
  wait_input,  // no message yet; the state runs again after more input
  wait_flush,  // output must leave first
};

using StateResult = Result<Beat>;

// One incoming handshake message, as the record layer handed it out (views valid until the
// next read) — or, for an SSL 3.0 server, the no_certificate warning that stands for an empty
// Certificate.
struct Incoming {
  HandshakeType type = HandshakeType::hello_request;
  ByteView body;
  ByteView message;  // header + body
  bool no_certificate_alert = false;
};

class MachineCore : public Machine {
 public:
  StepResult step() final;

 protected:
  MachineCore(std::shared_ptr<const Config> config, record::RecordLayer &records, bool is_client);

  // The switch over the states: runs state_ once.
  virtual StateResult run_state() = 0;

  bool is_client() const { return is_client_; }
  const cipher::Provider &provider() const { return *config_->provider; }
  HandshakeData &hs() { return *hs_; }

  // ---- Reading -------------------------------------------------------------------------------
  // Beats one and two: the next handshake message if one is complete (nullopt: wait for input),
  // checked against the types this state accepts. Anything else — another handshake type, a
  // ChangeCipherSpec, application data, a warning alert — is unexpected_message.
  // `allow_no_certificate`: an SSL 3.0 no_certificate warning is accepted (server, SR_CERT).
  Result<std::optional<Incoming>> receive(std::initializer_list<HandshakeType> expected,
                                          bool allow_no_certificate = false);
  // The peer's ChangeCipherSpec: true when it came, false to wait; anything else is
  // unexpected_message (a Finished before ChangeCipherSpec, ...).
  Result<bool> receive_change_cipher_spec();
  // Beat four's bookkeeping: adds an accepted message to the transcript and traces it.
  void accept(const Incoming &message);
  // Leaves a message for the next state (it arrives again from receive()).
  void hold(const Incoming &message);

  // ---- Writing -------------------------------------------------------------------------------
  // Queues a framed message, adds it to the transcript, traces it.
  Status send(Result<Bytes> message);
  Status send_change_cipher_spec();

  // ---- Keys ----------------------------------------------------------------------------------
  // Master secret and key block from hs().pre_master (which is then wiped); key log line.
  Status derive_keys();
  // An abbreviated handshake: the key block from the resumed master secret (already in
  // negotiated_) and the new randoms; key log line.
  Status derive_resumed_keys();
  // Takes over what a resumed session settled: version, suite, master secret, EMS, the peer's
  // chain (parsed again; not verified again), when it was made.
  Status adopt_session(const Session &session);
  Status install_keys(record::Direction direction);
  // Our Finished value / a check of the peer's.
  Bytes our_finished();
  Status check_peer_finished(ByteView verify_data);

  // ---- Tracing -------------------------------------------------------------------------------
  void emit(TraceEvent event);
  void note(std::string text);
  void trace_secret(const char *name, ByteView secret);
  MessageContext message_context() const;

  // ---- Renegotiation -------------------------------------------------------------------------
  // What the previous handshake settled that the next one is checked against (RFC 5746 verify
  // data; the peer's leaf, which must not change: the triple-handshake attack).
  struct Previous {
    ProtocolVersion version = ProtocolVersion::tls12;
    Bytes client_verify_data;
    Bytes server_verify_data;
    Bytes peer_leaf;  // DER, empty when the peer sent no certificate
  };
  const std::optional<Previous> &previous() const { return previous_; }
  // Fresh handshake data for a renegotiation (state unchanged).
  void prepare_renegotiation();
  // The new handshake really starts: remember the previous one, reset what it negotiated.
  void start_renegotiated_handshake();
  // Gives up a renegotiation the peer declined: back to SSL_ST_OK with the old parameters.
  void abandon_renegotiation();
  // Queues a warning alert (no_renegotiation) and traces it.
  Status send_warning(AlertDescription description, std::string why);
  // Checks the peer's new leaf against the previous handshake's (illegal_parameter).
  Status check_peer_unchanged(ByteView leaf_der) const;
  // A no_renegotiation warning came in answer to our HelloRequest (server) or ClientHello
  // (client).
  bool renegotiation_declined_ = false;

  // The state the machine goes to next.
  void go(State next) { state_ = next; }
  // Frees the handshake-only data; the state becomes SSL_ST_OK.
  void finish_handshake();

 private:
  StepResult fail(Error error);
  Error unexpected(const std::string &got, const std::string &expected) const;

  bool is_client_;
  std::unique_ptr<HandshakeData> hs_;
  std::optional<Previous> previous_;
  // What the connection had negotiated before a renegotiation reset it, restored when the peer
  // declines.
  std::optional<Negotiated> before_renegotiation_;
  std::optional<State> announced_;
};

// "ClientHello, ServerHello" for an expected-types list.
std::string handshake_type_list(std::initializer_list<HandshakeType> types);

}  // namespace tls::handshake
