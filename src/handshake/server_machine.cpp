#include "handshake/server_machine.hpp"

namespace tls::handshake {

ServerMachine::ServerMachine(std::shared_ptr<const Config> config, record::RecordLayer &records)
    : MachineCore(std::move(config), records, /*is_client=*/false) {}

// One case per state; each runs once per step().
StateResult ServerMachine::run_state() {
  switch (state_) {
    case State::before:
      go(State::sr_clnt_hello);
      return Beat::next;
    case State::sr_clnt_hello:
      return read_client_hello();
    case State::sw_srvr_hello:
      return write_server_hello();
    case State::sw_cert:
      return write_certificate();
    case State::sw_key_exch:
      return write_server_key_exchange();
    case State::sw_cert_req:
      return write_certificate_request();
    case State::sw_srvr_done:
      return write_server_hello_done();
    case State::sw_flush:
      return flush();
    case State::sr_cert:
      return read_client_certificate();
    case State::sr_key_exch:
      return read_client_key_exchange();
    case State::sr_cert_vrfy:
      return read_certificate_verify();
    case State::sr_change:
      return read_change_cipher_spec();
    case State::sr_finished:
      return read_finished();
    case State::sw_change:
      return write_change_cipher_spec();
    case State::sw_finished:
      return write_finished();
    case State::sw_session_ticket:
      return write_session_ticket();
    case State::sw_hello_req:
      return write_hello_request();
    default:
      return make_error(AlertDescription::internal_error,
                        std::string("the server has no state ") + state_name(state_));
  }
}

State ServerMachine::after_key_exchange() const {
  return verify_mode() != VerifyMode::none ? State::sw_cert_req : State::sw_srvr_done;
}

}  // namespace tls::handshake
