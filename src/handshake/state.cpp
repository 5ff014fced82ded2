#include "handshake/state.hpp"

namespace tls::handshake {

const char *state_name(State state) noexcept {
  switch (state) {
    case State::before:
      return "SSL_ST_BEFORE";
    case State::ok:
      return "SSL_ST_OK";
    case State::error:
      return "SSL_ST_ERR";
    case State::cw_clnt_hello:
      return "SSL3_ST_CW_CLNT_HELLO";
    case State::cr_srvr_hello:
      return "SSL3_ST_CR_SRVR_HELLO";
    case State::cr_cert:
      return "SSL3_ST_CR_CERT";
    case State::cr_key_exch:
      return "SSL3_ST_CR_KEY_EXCH";
    case State::cr_cert_req:
      return "SSL3_ST_CR_CERT_REQ";
    case State::cr_srvr_done:
      return "SSL3_ST_CR_SRVR_DONE";
    case State::cw_cert:
      return "SSL3_ST_CW_CERT";
    case State::cw_key_exch:
      return "SSL3_ST_CW_KEY_EXCH";
    case State::cw_cert_vrfy:
      return "SSL3_ST_CW_CERT_VRFY";
    case State::cw_change:
      return "SSL3_ST_CW_CHANGE";
    case State::cw_finished:
      return "SSL3_ST_CW_FINISHED";
    case State::cr_session_ticket:
      return "SSL3_ST_CR_SESSION_TICKET";
    case State::cr_change:
      return "SSL3_ST_CR_CHANGE";
    case State::cr_finished:
      return "SSL3_ST_CR_FINISHED";
    case State::sw_hello_req:
      return "SSL3_ST_SW_HELLO_REQ";
    case State::sr_clnt_hello:
      return "SSL3_ST_SR_CLNT_HELLO";
    case State::sw_srvr_hello:
      return "SSL3_ST_SW_SRVR_HELLO";
    case State::sw_cert:
      return "SSL3_ST_SW_CERT";
    case State::sw_key_exch:
      return "SSL3_ST_SW_KEY_EXCH";
    case State::sw_cert_req:
      return "SSL3_ST_SW_CERT_REQ";
    case State::sw_srvr_done:
      return "SSL3_ST_SW_SRVR_DONE";
    case State::sw_flush:
      return "SSL3_ST_SW_FLUSH";
    case State::sr_cert:
      return "SSL3_ST_SR_CERT";
    case State::sr_key_exch:
      return "SSL3_ST_SR_KEY_EXCH";
    case State::sr_cert_vrfy:
      return "SSL3_ST_SR_CERT_VRFY";
    case State::sr_change:
      return "SSL3_ST_SR_CHANGE";
    case State::sr_finished:
      return "SSL3_ST_SR_FINISHED";
    case State::sw_session_ticket:
      return "SSL3_ST_SW_SESSION_TICKET";
    case State::sw_change:
      return "SSL3_ST_SW_CHANGE";
    case State::sw_finished:
      return "SSL3_ST_SW_FINISHED";
  }
  return "SSL_ST_UNKNOWN";
}

const char *state_description(State state) noexcept {
  switch (state) {
    case State::before:
      return "nothing done yet";
    case State::ok:
      return "handshake complete";
    case State::error:
      return "handshake failed; the connection is dead";
    case State::cw_clnt_hello:
      return "send ClientHello";
    case State::cr_srvr_hello:
      return "read ServerHello";
    case State::cr_cert:
      return "read the server's Certificate";
    case State::cr_key_exch:
      return "read ServerKeyExchange (DHE / ECDHE)";
    case State::cr_cert_req:
      return "read CertificateRequest, if one comes";
    case State::cr_srvr_done:
      return "read ServerHelloDone";
    case State::cw_cert:
      return "send our Certificate (when asked)";
    case State::cw_key_exch:
      return "send ClientKeyExchange, derive the keys";
    case State::cw_cert_vrfy:
      return "send CertificateVerify (when we sent a cert)";
    case State::cw_change:
      return "send ChangeCipherSpec, switch write keys";
    case State::cw_finished:
      return "send Finished";
    case State::cr_session_ticket:
      return "read NewSessionTicket, if promised";
    case State::cr_change:
      return "read ChangeCipherSpec, switch read keys";
    case State::cr_finished:
      return "read the server's Finished and check it";
    case State::sw_hello_req:
      return "send HelloRequest (renegotiation)";
    case State::sr_clnt_hello:
      return "read ClientHello";
    case State::sw_srvr_hello:
      return "send ServerHello";
    case State::sw_cert:
      return "send Certificate";
    case State::sw_key_exch:
      return "send ServerKeyExchange (DHE / ECDHE)";
    case State::sw_cert_req:
      return "send CertificateRequest (client auth)";
    case State::sw_srvr_done:
      return "send ServerHelloDone";
    case State::sw_flush:
      return "wait until the first flight has left";
    case State::sr_cert:
      return "read the client's Certificate (when asked)";
    case State::sr_key_exch:
      return "read ClientKeyExchange, derive the keys";
    case State::sr_cert_vrfy:
      return "read CertificateVerify";
    case State::sr_change:
      return "read ChangeCipherSpec, switch read keys";
    case State::sr_finished:
      return "read the client's Finished and check it";
    case State::sw_session_ticket:
      return "send NewSessionTicket";
    case State::sw_change:
      return "send ChangeCipherSpec, switch write keys";
    case State::sw_finished:
      return "send Finished";
  }
  return "unknown state";
}

}  // namespace tls::handshake
