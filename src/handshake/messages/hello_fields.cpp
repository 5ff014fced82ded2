#include "handshake/messages/hello_fields.hpp"

#include <algorithm>
#include <cstdio>

namespace tls::handshake {

std::string version_text(std::uint16_t wire) {
  const char *name = nullptr;
  if (auto v = version_from_wire(wire)) {
    name = version_name(*v);
  } else if (wire == 0x0304) {
    name = "TLSv1.3";
  } else if (wire == 0x0002) {
    name = "SSLv2";
  }
  return detail::named_code(name, wire, 4);
}

std::string utc_time_text(std::int64_t unix_seconds) {
  // Days to civil date (Howard Hinnant's algorithm), so that no time zone or locale applies.
  std::int64_t days = unix_seconds / 86400;
  std::int64_t secs = unix_seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    days -= 1;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buffer;
}

namespace detail {

ProtocolVersion read_version(Reader &r, const Tracer &t, const char *name) {
  const std::size_t at = r.offset();
  const std::uint16_t wire = r.u16();
  if (t.on() && r.ok()) t.add(name, at, at + 2, version_text(wire));
  return static_cast<ProtocolVersion>(wire);
}

Random read_random(Reader &r, const Tracer &t) {
  Random random{};
  const std::size_t at = r.offset();
  const ByteView bytes = r.bytes(random.size());
  if (!r.ok()) return random;
  std::copy(bytes.begin(), bytes.end(), random.begin());
  if (t.on()) {
    const std::uint32_t time = static_cast<std::uint32_t>(bytes[0]) << 24 |
                               static_cast<std::uint32_t>(bytes[1]) << 16 |
                               static_cast<std::uint32_t>(bytes[2]) << 8 | bytes[3];
    t.add("random.gmt_unix_time", at, at + 4,
          utc_time_text(time) + " if a clock (usually random bytes today)");
    t.add("random.random_bytes", at + 4, at + 32, "28 bytes");
  }
  return random;
}

Bytes read_session_id(Reader &r, const Tracer &t) {
  const std::size_t at = r.offset();
  const std::uint8_t length = r.u8();
  if (!r.ok()) return {};
  if (length > kMaxSessionIdLength) {
    r.fail("session_id length " + std::to_string(length) + " exceeds " +
           std::to_string(kMaxSessionIdLength));
    return {};
  }
  const ByteView id = r.bytes(length);
  if (!r.ok()) return {};
  if (t.on()) {
    t.add("session_id.length", at, at + 1,
          length == 0 ? "0 bytes (no session id)" : count_text(length));
    if (length != 0) t.add("session_id", at + 1, r.offset());
  }
  return Bytes(id.begin(), id.end());
}

}  // namespace detail
}  // namespace tls::handshake
