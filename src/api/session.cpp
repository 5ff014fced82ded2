// tls::Session accessors and its byte form.
#include "api/session_impl.hpp"

namespace tls {

Session make_session(handshake::Session state) {
  auto impl = std::make_shared<Session::Impl>();
  impl->version = state.version;
  impl->suite = cipher::find_suite(state.cipher_suite);
  impl->id = state.session_id;
  impl->master_secret = state.master_secret;
  impl->extended_master_secret = state.extended_master_secret;
  impl->server_name = state.server_name;
  impl->state = std::move(state);
  return Session(std::move(impl));
}

ProtocolVersion Session::version() const {
  return impl_ ? impl_->version : ProtocolVersion::tls12;
}
const char *Session::cipher() const {
  return impl_ && impl_->suite ? impl_->suite->name : "(NONE)";
}
std::uint16_t Session::cipher_id() const {
  return impl_ && impl_->suite ? impl_->suite->id : 0;
}
std::span<const std::uint8_t> Session::id() const {
  return impl_ ? std::span<const std::uint8_t>(impl_->id) : std::span<const std::uint8_t>();
}
bool Session::extended_master_secret() const {
  return impl_ && impl_->extended_master_secret;
}
std::string Session::server_name() const {
  return impl_ ? impl_->server_name : std::string();
}
std::string Session::alpn() const {
  return impl_ && impl_->state ? impl_->state->alpn : std::string();
}
std::int64_t Session::created() const {
  return impl_ && impl_->state ? impl_->state->created : 0;
}
std::uint32_t Session::lifetime() const {
  return impl_ && impl_->state ? impl_->state->lifetime : 0;
}
bool Session::has_ticket() const {
  return impl_ && impl_->state && !impl_->state->ticket.empty();
}

std::vector<std::uint8_t> Session::to_bytes() const {
  if (!impl_ || !impl_->state) return {};
  auto bytes = handshake::serialize_session(*impl_->state);
  return bytes ? std::move(bytes.value()) : std::vector<std::uint8_t>();
}

Result<Session> Session::from_bytes(std::span<const std::uint8_t> bytes) {
  auto state = handshake::parse_session(ByteView(bytes.data(), bytes.size()));
  if (!state) return state.error();
  if (!cipher::find_suite(state->cipher_suite))
    return make_error(AlertDescription::illegal_parameter,
                      "session: unknown cipher suite " + std::to_string(state->cipher_suite));
  return make_session(std::move(state.value()));
}

}  // namespace tls
