#include "handshake/session.hpp"

#include "common/reader.hpp"
#include "common/writer.hpp"

namespace tls::handshake {
namespace {

// Format 1:
//   u8 format(1) u16 version u16 suite opaque8 session_id opaque8 master_secret u8 flags(bit0 EMS)
//   opaque16 server_name opaque8 alpn u64 created u32 lifetime
//   opaque16 ticket u32 ticket_lifetime_hint
//   u8 chain_count { opaque24 certificate }*
constexpr std::uint8_t kFormat = 1;
constexpr std::size_t kMaxChain = 16;

ByteView text_bytes(const std::string &s) {
  return ByteView(reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
}

std::string bytes_text(ByteView b) {
  return std::string(b.begin(), b.end());
}

}  // namespace

Result<Bytes> serialize_session(const Session &s) {
  if (s.session_id.size() > kMaxSessionIdLength)
    return make_error(AlertDescription::internal_error, "session id longer than 32 bytes");
  if (s.peer_chain.size() > kMaxChain)
    return make_error(AlertDescription::internal_error, "session peer chain too long");
  Writer w;
  w.u8(kFormat);
  w.u16(to_wire(s.version));
  w.u16(s.cipher_suite);
  w.opaque8(s.session_id);
  w.opaque8(s.master_secret);
  w.u8(s.extended_master_secret ? 1 : 0);
  w.opaque16(text_bytes(s.server_name));
  w.opaque8(text_bytes(s.alpn));
  w.u64(static_cast<std::uint64_t>(s.created));
  w.u32(s.lifetime);
  w.opaque16(s.ticket);
  w.u32(s.ticket_lifetime_hint);
  w.u8(static_cast<std::uint8_t>(s.peer_chain.size()));
  for (const Bytes &cert : s.peer_chain)
    w.opaque24(cert);
  if (!w.ok()) return w.error();
  return w.take();
}

Result<Session> parse_session(ByteView bytes) {
  Reader r(bytes, "Session");
  Session s;
  const std::uint8_t format = r.u8();
  if (r.ok() && format != kFormat)
    return make_error(AlertDescription::illegal_parameter,
                      "Session: unknown format " + std::to_string(format));
  const std::uint16_t version = r.u16();
  s.cipher_suite = r.u16();
  const ByteView id = r.opaque8(0, kMaxSessionIdLength);
  const ByteView master = r.opaque8(48, 48);
  const std::uint8_t flags = r.u8();
  const ByteView name = r.opaque16(0, 255);
  const ByteView alpn = r.opaque8();
  s.created = static_cast<std::int64_t>(r.u64());
  s.lifetime = r.u32();
  const ByteView ticket = r.opaque16();
  s.ticket_lifetime_hint = r.u32();
  const std::uint8_t chain_count = r.u8();
  if (r.ok() && chain_count > kMaxChain) r.fail("too many peer certificates");
  for (std::uint8_t i = 0; r.ok() && i < chain_count; ++i) {
    const ByteView cert = r.opaque24(1);
    if (r.ok()) s.peer_chain.emplace_back(cert.begin(), cert.end());
  }
  if (!r.expect_end()) return r.error();
  const auto v = version_from_wire(version);
  if (!v) return make_error(AlertDescription::illegal_parameter, "Session: unknown version");
  if ((flags & ~1u) != 0)
    return make_error(AlertDescription::illegal_parameter, "Session: unknown flags");
  s.version = *v;
  s.session_id.assign(id.begin(), id.end());
  s.master_secret = to_secure(master);
  s.extended_master_secret = (flags & 1) != 0;
  s.server_name = bytes_text(name);
  s.alpn = bytes_text(alpn);
  s.ticket.assign(ticket.begin(), ticket.end());
  return s;
}

}  // namespace tls::handshake
