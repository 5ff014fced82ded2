// HelloRequest (RFC 5246 §7.4.1.1): an empty body. A server sends it to ask the client to
// renegotiate; a client ignores it mid-handshake or may refuse it (no_renegotiation warning).
// Any byte in the body is decode_error.
#pragma once

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

struct HelloRequest {
  static constexpr HandshakeType kType = HandshakeType::hello_request;

  static Result<HelloRequest> parse(ByteView body, FieldTrace *trace = nullptr);

  bool operator==(const HelloRequest &) const = default;
};

Status serialize(const HelloRequest &message, Writer &w);
Result<Bytes> serialize(const HelloRequest &message);
Result<Bytes> serialize_message(const HelloRequest &message);

}  // namespace tls::handshake
