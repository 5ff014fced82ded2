// A handshake machine: the client's (ssl3_connect) or the server's (ssl3_accept), as an explicit
// state machine over a record layer. step() runs exactly one state and says what happened;
// connect()/accept() in src/api are the loop that calls it until it blocks or finishes.
//
// The machine reads handshake messages, ChangeCipherSpec and alerts from the record layer it is
// given and writes its flights into that layer's output; it never touches a transport. The
// owner (tls::Connection) moves bytes between the record layer and the transport.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tls/version.hpp>

#include "cipher/suites.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/config.hpp"
#include "handshake/session.hpp"
#include "handshake/state.hpp"
#include "record/record_layer.hpp"
#include "x509/certificate.hpp"
#include "x509/verify.hpp"

namespace tls::handshake {

enum class StepResult : std::uint8_t {
  advanced,    // one state done; call step() again
  need_input,  // waiting for the peer: give the record layer more bytes, then step() again
  need_flush,  // queued output must leave before going on (the server's SW_FLUSH)
  done,        // the handshake is complete: state() is State::ok
  failed,      // error() says why; the fatal alert is queued in the record layer's output
};

const char *step_result_name(StepResult result) noexcept;

// What a connection-specific handshake needs beyond the shared Config.
struct ConnectionParams {
  // Client: the name sent in server_name and checked against the server's certificate (a DNS
  // name or an IP address literal; an IP address is checked but not sent).
  std::string hostname;
  // Client: a session from an earlier connection to offer for resumption (by its id, or its
  // ticket when it has one). Offered only when its version, suite and server name fit this
  // connection; the server may still decline, and a full handshake follows.
  std::optional<Session> session;
};

// What the handshake settled, for the application and for tests. Filled as the handshake goes;
// complete when the machine reaches State::ok.
struct Negotiated {
  ProtocolVersion version = ProtocolVersion::tls12;
  const cipher::CipherSuite *suite = nullptr;
  Bytes client_random;
  Bytes server_random;
  Bytes session_id;
  SecureBuffer master_secret;
  bool resumed = false;              // an abbreviated handshake
  std::int64_t session_created = 0;  // when the session's full handshake ran (provider clock)
  Bytes session_ticket;              // client: the RFC 5077 ticket held for this session
  std::uint32_t ticket_lifetime_hint = 0;
  bool extended_master_secret = false;
  bool secure_renegotiation = false;  // both sides speak RFC 5746
  bool encrypt_then_mac = false;
  Bytes client_verify_data;  // the last Finished values, for renegotiation_info
  Bytes server_verify_data;
  std::optional<cipher::NamedGroup> group;             // the (EC)DHE group
  std::size_t dh_prime_bits = 0;                       // DHE: the size of p
  std::optional<std::uint16_t> peer_signature_scheme;  // TLS 1.2 scheme the peer signed with
  std::optional<std::uint16_t> our_signature_scheme;
  std::string server_name;                          // SNI: sent (client) or received (server)
  std::string alpn;                                 // the protocol both agreed on, or empty
  std::vector<x509::Certificate> peer_chain;        // as the peer sent it, leaf first
  std::optional<x509::VerifyResult> verify_result;  // when the peer chain was verified
  std::uint16_t max_fragment_length = 0;            // plaintext limit agreed (0: 2^14)
  // Server side: what the client offered (for diagnostics pages such as tls-server -www).
  std::vector<std::uint16_t> client_cipher_suites;
  std::vector<std::uint16_t> client_extensions;
};

class Machine {
 public:
  // A client or server machine, by config->role. `records` must outlive the machine.
  static std::unique_ptr<Machine> create(std::shared_ptr<const Config> config,
                                         record::RecordLayer &records, ConnectionParams params);

  virtual ~Machine() = default;

  // Runs exactly one state.
  virtual StepResult step() = 0;

  // ---- Renegotiation (RFC 5746), once the handshake is done ----------------------------------
  // Starts a new handshake over the protected connection: a client sends a ClientHello, a server
  // a HelloRequest (and, with `verify_mode`, asks for a client certificate this time). Refused
  // unless both sides speak RFC 5746. Then step() as for the first handshake.
  virtual Status renegotiate(std::optional<VerifyMode> verify_mode = std::nullopt) = 0;
  // A handshake message that arrived after the handshake (the owner read it from the record
  // layer): a client takes a HelloRequest, a server a ClientHello. True: a renegotiation began,
  // step() again. False: declined with a no_renegotiation warning (queued), the connection goes
  // on. An error for anything else (unexpected_message); the owner fails the connection.
  virtual Result<bool> handle_post_handshake(ByteView message) = 0;
  // Application data that arrived while a renegotiation ran, in order; the owner hands it to
  // the application before anything it reads from the record layer afterwards.
  Bytes take_application_data() { return std::exchange(application_data_, Bytes{}); }
  bool has_application_data() const { return !application_data_.empty(); }
  // True while a renegotiation runs.
  bool renegotiating() const { return renegotiating_; }
  // Completed handshakes on this connection (1 after the first).
  unsigned handshakes() const { return handshakes_; }

  State state() const { return state_; }
  bool done() const { return state_ == State::ok; }
  // Set once the machine failed; the same error every time after.
  const std::optional<Error> &error() const { return error_; }
  const Negotiated &negotiated() const { return negotiated_; }
  const Config &config() const { return *config_; }
  // The session to resume later, once the handshake is done (nullopt before, or when the
  // session cannot be resumed: no id and no ticket).
  std::optional<Session> session() const;
  // What the handshake settled so far as a Session, whatever the state (a server seals this
  // into its ticket before the handshake ends).
  Session session_snapshot() const;

 protected:
  Machine(std::shared_ptr<const Config> config, record::RecordLayer &records)
      : config_(std::move(config)), records_(records) {}

  std::shared_ptr<const Config> config_;
  record::RecordLayer &records_;
  State state_ = State::before;
  std::optional<Error> error_;
  Negotiated negotiated_;
  Bytes application_data_;  // arrived during a renegotiation, not yet taken
  bool renegotiating_ = false;
  unsigned handshakes_ = 0;
};

}  // namespace tls::handshake
