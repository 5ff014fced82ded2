// ServerHelloDone (RFC 5246 §7.4.5): an empty body that ends the server's first flight.
// Any byte in the body is decode_error.
#pragma once

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

struct ServerHelloDone {
  static constexpr HandshakeType kType = HandshakeType::server_hello_done;

  static Result<ServerHelloDone> parse(ByteView body, FieldTrace *trace = nullptr);

  bool operator==(const ServerHelloDone &) const = default;
};

Status serialize(const ServerHelloDone &message, Writer &w);
Result<Bytes> serialize(const ServerHelloDone &message);
Result<Bytes> serialize_message(const ServerHelloDone &message);

}  // namespace tls::handshake
