// The server's side of renegotiation (RFC 5746): HelloRequest, a client's ClientHello after the
// handshake (refused unless allowed: CVE-2011-1473), and the checks on a renegotiating
// ClientHello.
#include <algorithm>

#include "cipher/suites.hpp"
#include "common/ct.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/hello_request.hpp"
#include "handshake/server_machine.hpp"

namespace tls::handshake {

Status ServerMachine::renegotiate(std::optional<VerifyMode> mode) {
  if (state_ != State::ok)
    return make_error(
        AlertDescription::internal_error,
        "renegotiation needs a finished handshake (state " + std::string(state_name(state_)) + ")");
  if (!negotiated_.secure_renegotiation)
    return make_error(AlertDescription::handshake_failure,
                      "the client does not support secure renegotiation (RFC 5746)");
  prepare_renegotiation();
  verify_mode_ = mode;
  state_ = State::sw_hello_req;
  return Status::success();
}

Result<bool> ServerMachine::handle_post_handshake(ByteView message) {
  auto split = split_handshake_message(message);
  if (!split) return split.error();
  if (state_ != State::ok || split->type != HandshakeType::client_hello)
    return make_error(AlertDescription::unexpected_message,
                      "received " +
                          std::string(handshake_type_text(static_cast<std::uint8_t>(split->type))) +
                          " after the handshake");
  if (!config_->allow_client_renegotiation || !negotiated_.secure_renegotiation) {
    TLS_TRY(send_warning(AlertDescription::no_renegotiation,
                         !config_->allow_client_renegotiation
                             ? "client-initiated renegotiation refused"
                             : "renegotiation refused: the client lacks RFC 5746"));
    return false;
  }
  prepare_renegotiation();
  verify_mode_.reset();
  hs().held_message.assign(message.begin(), message.end());
  state_ = State::sr_clnt_hello;
  note("the client renegotiates");
  return true;
}

StateResult ServerMachine::write_hello_request() {
  // Not part of any handshake's transcript (RFC 5246 §7.4.1.1): written around send().
  auto message = serialize_message(HelloRequest{});
  if (!message) return message.error();
  TLS_TRY(records_.write_handshake(*message));
  TraceEvent e;
  e.kind = TraceEvent::Kind::message_sent;
  e.message_type = HandshakeType::hello_request;
  e.raw = *message;
  e.text = "sent HelloRequest";
  emit(std::move(e));
  go(State::sr_clnt_hello);
  return Beat::next;
}

Status ServerMachine::check_renegotiation_info(const ClientHello &hello) {
  const Extensions &offered = hs().client_extensions;
  const bool scsv = std::find(hello.cipher_suites.begin(), hello.cipher_suites.end(),
                              cipher::kEmptyRenegotiationInfoScsv) != hello.cipher_suites.end();
  if (!renegotiating_) {
    if (offered.renegotiation_info) {
      if (!offered.renegotiation_info->empty())
        return make_error(AlertDescription::handshake_failure,
                          "renegotiation_info is not empty in an initial handshake");
      negotiated_.secure_renegotiation = true;
    }
    if (scsv) negotiated_.secure_renegotiation = true;
    if (negotiated_.secure_renegotiation) reply_.renegotiation_info = Bytes{};
    return Status::success();
  }
  const Previous &p = *previous();
  if (scsv)
    return make_error(AlertDescription::handshake_failure,
                      "TLS_EMPTY_RENEGOTIATION_INFO_SCSV in a renegotiation (RFC 5746 §3.7)");
  if (!offered.renegotiation_info || !ct::equal(*offered.renegotiation_info, p.client_verify_data))
    return make_error(AlertDescription::handshake_failure,
                      "renegotiation_info does not carry the client's previous Finished value "
                      "(RFC 5746 §3.7)");
  if (negotiated_.version != p.version)
    return make_error(AlertDescription::protocol_version,
                      std::string("the renegotiation changes the version from ") +
                          version_name(p.version) + " to " + version_name(negotiated_.version));
  negotiated_.secure_renegotiation = true;
  Bytes both = p.client_verify_data;
  append(both, p.server_verify_data);
  reply_.renegotiation_info = std::move(both);
  return Status::success();
}

}  // namespace tls::handshake
