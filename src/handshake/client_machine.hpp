// The client machine (OpenSSL's ssl3_connect):
//
//   CW_CLNT_HELLO → CR_SRVR_HELLO → CR_CERT → CR_KEY_EXCH (DHE/ECDHE) → CR_CERT_REQ →
//   CR_SRVR_DONE → CW_CERT (when asked) → CW_KEY_EXCH → CW_CERT_VRFY (when a certificate was
//   sent) → CW_CHANGE → CW_FINISHED → CR_CHANGE → CR_FINISHED → OK
//
// With a NewSessionTicket promised, CR_SESSION_TICKET comes between CW_FINISHED and CR_CHANGE.
// Resumed (the server echoed the offered session's id):
//
//   CW_CLNT_HELLO → CR_SRVR_HELLO → CR_SESSION_TICKET? → CR_CHANGE → CR_FINISHED → CW_CHANGE →
//   CW_FINISHED → OK
#pragma once

#include <memory>

#include "handshake/machine_core.hpp"

namespace tls::handshake {

class ClientMachine final : public MachineCore {
 public:
  ClientMachine(std::shared_ptr<const Config> config, record::RecordLayer &records,
                ConnectionParams params);

  Status renegotiate(std::optional<VerifyMode> verify_mode = std::nullopt) override;
  Result<bool> handle_post_handshake(ByteView message) override;

 private:
  StateResult run_state() override;

  // One function per state (client_states.cpp).
  StateResult write_client_hello();
  StateResult read_server_hello();
  StateResult read_server_certificate();
  StateResult read_server_key_exchange();
  StateResult read_certificate_request();
  StateResult read_server_hello_done();
  StateResult write_client_certificate();
  StateResult write_client_key_exchange();
  StateResult write_certificate_verify();
  StateResult write_change_cipher_spec();
  StateResult write_finished();
  StateResult read_session_ticket();
  StateResult read_change_cipher_spec();
  StateResult read_finished();

  // The session from ConnectionParams when this connection can offer it (client_server_hello.cpp).
  std::optional<Session> session_to_offer();
  // RFC 5746 on a ServerHello, initial or renegotiated (client_renegotiation.cpp).
  Status check_renegotiation_info(const std::optional<Bytes> &info, ProtocolVersion version);

  // Decisions on a parsed ServerHello (client_server_hello.cpp).
  Status apply_server_hello(const struct ServerHello &hello);
  Status check_downgrade_sentinel(const struct ServerHello &hello, ProtocolVersion version) const;

  ConnectionParams params_;
};

}  // namespace tls::handshake
