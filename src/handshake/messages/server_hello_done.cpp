#include "handshake/messages/server_hello_done.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Result<ServerHelloDone> ServerHelloDone::parse(
    ByteView body, FieldTrace * /*trace: an empty body has no fields*/) {
  Reader r(body, "ServerHelloDone");
  if (!r.empty()) r.fail("the body must be empty, has " + detail::count_text(body.size()));
  if (!r.ok()) return r.error();
  return ServerHelloDone{};
}

Status serialize(const ServerHelloDone & /*message*/, Writer & /*w*/) {
  return Status();
}

Result<Bytes> serialize(const ServerHelloDone &message) {
  return build_bytes([&](Writer &w) { return serialize(message, w); });
}

Result<Bytes> serialize_message(const ServerHelloDone &message) {
  return build_handshake_message(ServerHelloDone::kType,
                                 [&](Writer &w) { return serialize(message, w); });
}

}  // namespace tls::handshake
