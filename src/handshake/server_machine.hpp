// The server machine (OpenSSL's ssl3_accept):
//
//   SR_CLNT_HELLO → SW_SRVR_HELLO → SW_CERT → SW_KEY_EXCH (DHE/ECDHE) → SW_CERT_REQ (when
//   verifying clients) → SW_SRVR_DONE → SW_FLUSH → SR_CERT (when asked) → SR_KEY_EXCH →
//   SR_CERT_VRFY (when the client sent a certificate) → SR_CHANGE → SR_FINISHED → SW_CHANGE →
//   SW_FINISHED → OK
//
// SW_SESSION_TICKET comes before SW_CHANGE when a ticket is issued. Resumed (a cached session
// id or a ticket that opened):
//
//   SR_CLNT_HELLO → SW_SRVR_HELLO → SW_SESSION_TICKET? → SW_CHANGE → SW_FINISHED → SR_CHANGE →
//   SR_FINISHED → OK
#pragma once

#include <memory>

#include "handshake/machine_core.hpp"

namespace tls::handshake {

struct ClientHello;

class ServerMachine final : public MachineCore {
 public:
  ServerMachine(std::shared_ptr<const Config> config, record::RecordLayer &records);

  Status renegotiate(std::optional<VerifyMode> verify_mode = std::nullopt) override;
  Result<bool> handle_post_handshake(ByteView message) override;

 private:
  StateResult run_state() override;

  // One function per state (server_states.cpp).
  StateResult write_hello_request();
  StateResult read_client_hello();
  StateResult write_server_hello();
  StateResult write_certificate();
  StateResult write_server_key_exchange();
  StateResult write_certificate_request();
  StateResult write_server_hello_done();
  StateResult flush();
  StateResult read_client_certificate();
  StateResult read_client_key_exchange();
  StateResult read_certificate_verify();
  StateResult read_change_cipher_spec();
  StateResult read_finished();
  StateResult write_session_ticket();
  StateResult write_change_cipher_spec();
  StateResult write_finished();

  // Decisions on a parsed ClientHello (server_client_hello.cpp).
  Status apply_client_hello(const ClientHello &hello);
  Status choose_suite_and_certificate(const ClientHello &hello);
  // The session the client offered (by ticket or id) when it may be resumed; nullopt for a
  // full handshake; an error only where RFC 7627 §5.3 says abort (server_resumption.cpp).
  Result<std::optional<Session>> find_resumable_session(const ClientHello &hello);
  // Keeps a finished full handshake's session in the cache.
  void cache_session();
  // RFC 5746 on a ClientHello, initial or renegotiating (server_renegotiation.cpp).
  Status check_renegotiation_info(const ClientHello &hello);
  // Whether and how to ask for a client certificate: a renegotiation may ask anew.
  VerifyMode verify_mode() const { return verify_mode_.value_or(config_->verify_mode); }
  // The state after the certificate (and key exchange) messages.
  State after_key_exchange() const;

  // What the ServerHello answers (settled in SR_CLNT_HELLO).
  Extensions reply_;
  std::optional<VerifyMode> verify_mode_;
  std::optional<cipher::NamedGroup> ecdhe_group_;
  std::optional<cipher::NamedGroup> dhe_group_;
};

}  // namespace tls::handshake
