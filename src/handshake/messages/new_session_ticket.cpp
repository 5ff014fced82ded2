#include "handshake/messages/new_session_ticket.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Result<NewSessionTicket> NewSessionTicket::parse(ByteView body, FieldTrace *trace) {
  Reader r(body, "NewSessionTicket");
  const detail::Tracer t(trace, body);
  NewSessionTicket message;
  message.lifetime_hint = r.u32();
  if (t.on() && r.ok()) {
    t.add("ticket_lifetime_hint", 0, 4,
          message.lifetime_hint == 0 ? "0 (unspecified)"
                                     : detail::count_text(message.lifetime_hint, "second"));
  }
  const ByteView ticket = r.opaque16();
  if (t.on() && r.ok()) {
    t.add("ticket.length", 4, 6,
          ticket.empty() ? "0 bytes (no ticket issued)" : detail::count_text(ticket.size()));
    if (!ticket.empty()) t.add("ticket", 6, r.offset(), "opaque to the client");
  }
  if (!r.expect_end()) return r.error();
  message.ticket.assign(ticket.begin(), ticket.end());
  return message;
}

Status serialize(const NewSessionTicket &message, Writer &w) {
  w.u32(message.lifetime_hint);
  w.opaque16(message.ticket);
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const NewSessionTicket &message) {
  return build_bytes([&](Writer &w) { return serialize(message, w); });
}

Result<Bytes> serialize_message(const NewSessionTicket &message) {
  return build_handshake_message(NewSessionTicket::kType,
                                 [&](Writer &w) { return serialize(message, w); });
}

}  // namespace tls::handshake
