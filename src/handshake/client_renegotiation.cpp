// The client's side of renegotiation (RFC 5746): starting one, answering a server's
// HelloRequest, and the checks on the renegotiated ServerHello.
#include "common/ct.hpp"
#include "handshake/client_machine.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

Status ClientMachine::renegotiate(std::optional<VerifyMode>) {
  if (state_ != State::ok)
    return make_error(
        AlertDescription::internal_error,
        "renegotiation needs a finished handshake (state " + std::string(state_name(state_)) + ")");
  if (!negotiated_.secure_renegotiation)
    return make_error(AlertDescription::handshake_failure,
                      "the server does not support secure renegotiation (RFC 5746)");
  if (config_->max_version == ProtocolVersion::ssl3)
    return make_error(AlertDescription::handshake_failure,
                      "an SSL 3.0-only client sends no extensions, so it cannot renegotiate "
                      "securely");
  prepare_renegotiation();
  state_ = State::cw_clnt_hello;
  note("renegotiating");
  return Status::success();
}

Result<bool> ClientMachine::handle_post_handshake(ByteView message) {
  auto split = split_handshake_message(message);
  if (!split) return split.error();
  if (state_ != State::ok || split->type != HandshakeType::hello_request)
    return make_error(AlertDescription::unexpected_message,
                      "received " +
                          std::string(handshake_type_text(static_cast<std::uint8_t>(split->type))) +
                          " after the handshake");
  if (!split->body.empty())
    return make_error(AlertDescription::decode_error, "HelloRequest: the body is not empty");
  if (!config_->allow_renegotiation || !negotiated_.secure_renegotiation) {
    TLS_TRY(send_warning(AlertDescription::no_renegotiation,
                         !config_->allow_renegotiation
                             ? "HelloRequest declined: renegotiation is off"
                             : "HelloRequest declined: the server lacks RFC 5746"));
    return false;
  }
  TLS_TRY(renegotiate());
  return true;
}

Status ClientMachine::check_renegotiation_info(const std::optional<Bytes> &info,
                                               ProtocolVersion version) {
  if (!renegotiating_) {
    // RFC 5746: an initial handshake's renegotiation_info is empty.
    if (info) {
      if (!info->empty())
        return make_error(AlertDescription::handshake_failure,
                          "renegotiation_info is not empty in an initial handshake");
      negotiated_.secure_renegotiation = true;
    } else if (!config_->allow_legacy_renegotiation_peer) {
      return make_error(AlertDescription::handshake_failure,
                        "the server does not support secure renegotiation (RFC 5746)");
    }
    return Status::success();
  }
  const Previous &p = *previous();
  if (version != p.version)
    return make_error(AlertDescription::protocol_version,
                      std::string("the renegotiation changes the version from ") +
                          version_name(p.version) + " to " + version_name(version));
  Bytes expected = p.client_verify_data;
  append(expected, p.server_verify_data);
  if (!info || !ct::equal(*info, expected))
    return make_error(AlertDescription::handshake_failure,
                      "renegotiation_info does not carry both Finished values of the previous "
                      "handshake (RFC 5746 §3.5)");
  negotiated_.secure_renegotiation = true;
  return Status::success();
}

}  // namespace tls::handshake
