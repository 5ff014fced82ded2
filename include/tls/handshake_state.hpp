// The handshake states as the public API reports them (Connection::state()), named after
// OpenSSL's SSL3_ST_* states; Connection::state_name() gives "SSL3_ST_CR_SRVR_HELLO", ...
#pragma once

#include <cstdint>

namespace tls {

enum class HandshakeState : std::uint8_t {
  // Both sides
  before,  // nothing done yet (SSL_ST_BEFORE)
  ok,      // handshake complete (SSL_ST_OK)
  error,   // failed; the connection is dead

  // Client (ssl3_connect)
  cw_clnt_hello,      // SSL3_ST_CW_CLNT_HELLO: send ClientHello
  cr_srvr_hello,      // SSL3_ST_CR_SRVR_HELLO: read ServerHello
  cr_cert,            // SSL3_ST_CR_CERT: read the server's Certificate
  cr_key_exch,        // SSL3_ST_CR_KEY_EXCH: read ServerKeyExchange (DHE / ECDHE)
  cr_cert_req,        // SSL3_ST_CR_CERT_REQ: read CertificateRequest, if one comes
  cr_srvr_done,       // SSL3_ST_CR_SRVR_DONE: read ServerHelloDone
  cw_cert,            // SSL3_ST_CW_CERT: send our Certificate (when asked)
  cw_key_exch,        // SSL3_ST_CW_KEY_EXCH: send ClientKeyExchange, derive the keys
  cw_cert_vrfy,       // SSL3_ST_CW_CERT_VRFY: send CertificateVerify (when we sent a cert)
  cw_change,          // SSL3_ST_CW_CHANGE: send ChangeCipherSpec, switch write keys
  cw_finished,        // SSL3_ST_CW_FINISHED: send Finished
  cr_session_ticket,  // SSL3_ST_CR_SESSION_TICKET: read NewSessionTicket, if promised
  cr_change,          // SSL3_ST_CR_CHANGE: read ChangeCipherSpec, switch read keys
  cr_finished,        // SSL3_ST_CR_FINISHED: read the server's Finished and check it

  // Server (ssl3_accept)
  sw_hello_req,       // SSL3_ST_SW_HELLO_REQ: send HelloRequest (renegotiation)
  sr_clnt_hello,      // SSL3_ST_SR_CLNT_HELLO: read ClientHello
  sw_srvr_hello,      // SSL3_ST_SW_SRVR_HELLO: send ServerHello
  sw_cert,            // SSL3_ST_SW_CERT: send Certificate
  sw_key_exch,        // SSL3_ST_SW_KEY_EXCH: send ServerKeyExchange (DHE / ECDHE)
  sw_cert_req,        // SSL3_ST_SW_CERT_REQ: send CertificateRequest (client auth)
  sw_srvr_done,       // SSL3_ST_SW_SRVR_DONE: send ServerHelloDone
  sw_flush,           // SSL3_ST_SW_FLUSH: wait until the first flight has left
  sr_cert,            // SSL3_ST_SR_CERT: read the client's Certificate (when asked)
  sr_key_exch,        // SSL3_ST_SR_KEY_EXCH: read ClientKeyExchange, derive the keys
  sr_cert_vrfy,       // SSL3_ST_SR_CERT_VRFY: read CertificateVerify
  sr_change,          // SSL3_ST_SR_CHANGE: read ChangeCipherSpec, switch read keys
  sr_finished,        // SSL3_ST_SR_FINISHED: read the client's Finished and check it
  sw_session_ticket,  // SSL3_ST_SW_SESSION_TICKET: send NewSessionTicket
  sw_change,          // SSL3_ST_SW_CHANGE: send ChangeCipherSpec, switch write keys
  sw_finished,        // SSL3_ST_SW_FINISHED: send Finished
};

}  // namespace tls
