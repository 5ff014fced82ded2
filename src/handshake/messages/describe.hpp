// Field-by-field descriptions of whole handshake messages, for the trace output, the message
// callback and tls-step:
//
//   auto d = describe_handshake_message(wire, {ProtocolVersion::tls12, KeyExchangeKind::ecdhe});
//   std::cout << format_fields(d.fields);
//
// Offsets count from the start of the message (the 4-byte header included). A malformed
// message yields the fields decoded before the fault and the error.
#pragma once

#include <optional>
#include <vector>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/key_exchange.hpp"

namespace tls::handshake {

// What the messages whose layout depends on the negotiation need (ServerKeyExchange,
// ClientKeyExchange, CertificateRequest, CertificateVerify, Finished).
struct MessageContext {
  ProtocolVersion version = ProtocolVersion::tls12;
  KeyExchangeKind kx = KeyExchangeKind::ecdhe;
  bool anonymous = false;
};

struct Description {
  std::optional<HandshakeType> type;  // when the header could be read
  std::vector<Field> fields;
  std::optional<Error> error;
};

// A whole message: msg_type and length, then the body's fields.
Description describe_handshake_message(ByteView message, const MessageContext &context);

// A body of a known type, fields recorded into `trace` (offsets from the body's start, unless
// the caller opened a FieldTrace::Scope). Returns the parse status. An unknown type records the
// body as one field.
Status describe_handshake_body(HandshakeType type, ByteView body, const MessageContext &context,
                               FieldTrace &trace);

// The ChangeCipherSpec record payload.
Description describe_change_cipher_spec(ByteView payload);

}  // namespace tls::handshake
