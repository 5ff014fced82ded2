#include "handshake/client_machine.hpp"

namespace tls::handshake {

ClientMachine::ClientMachine(std::shared_ptr<const Config> config, record::RecordLayer &records,
                             ConnectionParams params)
    : MachineCore(std::move(config), records, /*is_client=*/true), params_(std::move(params)) {}

// One case per state; each runs once per step().
StateResult ClientMachine::run_state() {
  switch (state_) {
    case State::before:
      go(State::cw_clnt_hello);
      return Beat::next;
    case State::cw_clnt_hello:
      return write_client_hello();
    case State::cr_srvr_hello:
      return read_server_hello();
    case State::cr_cert:
      return read_server_certificate();
    case State::cr_key_exch:
      return read_server_key_exchange();
    case State::cr_cert_req:
      return read_certificate_request();
    case State::cr_srvr_done:
      return read_server_hello_done();
    case State::cw_cert:
      return write_client_certificate();
    case State::cw_key_exch:
      return write_client_key_exchange();
    case State::cw_cert_vrfy:
      return write_certificate_verify();
    case State::cw_change:
      return write_change_cipher_spec();
    case State::cw_finished:
      return write_finished();
    case State::cr_change:
      return read_change_cipher_spec();
    case State::cr_finished:
      return read_finished();
    case State::cr_session_ticket:
      return read_session_ticket();
    default:
      return make_error(AlertDescription::internal_error,
                        std::string("the client has no state ") + state_name(state_));
  }
}

}  // namespace tls::handshake
