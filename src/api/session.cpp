// tls::Session accessors.
#include "api/session_impl.hpp"

namespace tls {

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

}  // namespace tls
