// NewSessionTicket (RFC 5077 §3.3): uint32 ticket_lifetime_hint (seconds, 0 = unspecified) +
// opaque ticket<0..2^16-1>. An empty ticket means the server, having promised one in its
// ServerHello, decided not to issue it.
#pragma once

#include <cstdint>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

struct NewSessionTicket {
  static constexpr HandshakeType kType = HandshakeType::new_session_ticket;

  std::uint32_t lifetime_hint = 0;
  Bytes ticket;

  static Result<NewSessionTicket> parse(ByteView body, FieldTrace *trace = nullptr);

  bool operator==(const NewSessionTicket &) const = default;
};

Status serialize(const NewSessionTicket &message, Writer &w);
Result<Bytes> serialize(const NewSessionTicket &message);
Result<Bytes> serialize_message(const NewSessionTicket &message);

}  // namespace tls::handshake
