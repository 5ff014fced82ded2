#include "handshake/messages/hello_request.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Result<HelloRequest> HelloRequest::parse(ByteView body,
                                         FieldTrace * /*trace: an empty body has no fields*/) {
  Reader r(body, "HelloRequest");
  if (!r.empty()) r.fail("the body must be empty, has " + detail::count_text(body.size()));
  if (!r.ok()) return r.error();
  return HelloRequest{};
}

Status serialize(const HelloRequest & /*message*/, Writer & /*w*/) {
  return Status();
}

Result<Bytes> serialize(const HelloRequest &message) {
  return build_bytes([&](Writer &w) { return serialize(message, w); });
}

Result<Bytes> serialize_message(const HelloRequest &message) {
  return build_handshake_message(HelloRequest::kType,
                                 [&](Writer &w) { return serialize(message, w); });
}

}  // namespace tls::handshake
