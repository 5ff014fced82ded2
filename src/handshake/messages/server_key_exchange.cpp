#include "handshake/messages/server_key_exchange.hpp"

#include "handshake/iana_names.hpp"

namespace tls::handshake {
namespace {

using detail::count_text;
using detail::named_code;

// Bits of a big-endian unsigned integer.
std::size_t bit_length(ByteView n) {
  std::size_t i = 0;
  while (i < n.size() && n[i] == 0)
    ++i;
  if (i == n.size()) return 0;
  std::size_t bits = (n.size() - i) * 8;
  for (std::uint8_t top = n[i]; (top & 0x80) == 0; top = static_cast<std::uint8_t>(top << 1)) {
    --bits;
  }
  return bits;
}

std::string integer_meaning(ByteView n) {
  if (n.size() <= 4) {
    std::uint32_t v = 0;
    for (std::uint8_t b : n)
      v = v << 8 | b;
    return std::to_string(v);
  }
  return std::to_string(bit_length(n)) + "-bit integer";
}

ByteView read_integer(Reader &r, const detail::Tracer &t, const std::string &name) {
  const std::size_t at = r.offset();
  const ByteView value = r.opaque16(1);
  if (t.on() && r.ok()) {
    t.add(name + ".length", at, at + 2, count_text(value.size()));
    t.add(name, at + 2, r.offset(), integer_meaning(value));
  }
  return value;
}

std::string point_meaning(std::uint16_t group, ByteView point) {
  if (group == 29 || group == 30) return count_text(point.size()) + " (u-coordinate)";
  if (!point.empty() && point[0] == 4) return "uncompressed point (04 || x || y)";
  if (!point.empty() && (point[0] == 2 || point[0] == 3)) return "compressed point";
  return count_text(point.size());
}

Status write_params(const ServerKeyExchange &message, Writer &w) {
  auto bad = [](const char *why) {
    return make_error(AlertDescription::internal_error, std::string("ServerKeyExchange: ") + why);
  };
  if (const ServerDhParams *dh = message.dh()) {
    if (dh->p.empty() || dh->g.empty() || dh->ys.empty()) return bad("an empty DH value");
    w.opaque16(dh->p);
    w.opaque16(dh->g);
    w.opaque16(dh->ys);
  } else {
    const ServerEcdhParams &ec = *message.ecdh();
    if (ec.point.empty() || ec.point.size() > 255) return bad("EC point not 1..255 bytes");
    w.u8(static_cast<std::uint8_t>(EcCurveType::named_curve));
    w.u16(ec.named_group);
    w.opaque8(ec.point);
  }
  return Status();
}

}  // namespace

Result<ServerKeyExchange> ServerKeyExchange::parse(ByteView body, const KeyExchangeContext &context,
                                                   FieldTrace *trace) {
  if (context.kx == KeyExchangeKind::rsa) {
    return make_error(AlertDescription::unexpected_message,
                      "ServerKeyExchange: RSA key exchange has no ServerKeyExchange");
  }
  Reader r(body, "ServerKeyExchange");
  const detail::Tracer t(trace, body);
  detail::ParseAlert pa;
  ServerKeyExchange message;

  if (context.kx == KeyExchangeKind::dhe) {
    ServerDhParams dh;
    const ByteView p = read_integer(r, t, "params.dh_p");
    const ByteView g = read_integer(r, t, "params.dh_g");
    const ByteView ys = read_integer(r, t, "params.dh_Ys");
    dh.p.assign(p.begin(), p.end());
    dh.g.assign(g.begin(), g.end());
    dh.ys.assign(ys.begin(), ys.end());
    message.params = std::move(dh);
  } else {
    ServerEcdhParams ec;
    const std::size_t type_at = r.offset();
    const std::uint8_t curve_type = r.u8();
    if (r.ok()) {
      if (t.on()) {
        t.add("params.curve_type", type_at, type_at + 1,
              named_code(curve_type == 3   ? "named_curve"
                         : curve_type == 1 ? "explicit_prime"
                         : curve_type == 2 ? "explicit_char2"
                                           : nullptr,
                         curve_type, 2));
      }
      if (curve_type != static_cast<std::uint8_t>(EcCurveType::named_curve)) {
        pa.fail(r, AlertDescription::illegal_parameter,
                "curve_type " + std::to_string(curve_type) +
                    " is not named_curve (3); explicit curves are not supported");
      }
    }
    const std::size_t group_at = r.offset();
    ec.named_group = r.u16();
    if (t.on() && r.ok()) {
      t.add("params.named_group", group_at, group_at + 2,
            named_code(named_group_name(ec.named_group), ec.named_group, 4));
    }
    const std::size_t point_at = r.offset();
    const ByteView point = r.opaque8(1);
    if (r.ok()) {
      ec.point.assign(point.begin(), point.end());
      if (t.on()) {
        t.add("params.point.length", point_at, point_at + 1, count_text(point.size()));
        t.add("params.point", point_at + 1, r.offset(), point_meaning(ec.named_group, point));
      }
    }
    message.params = std::move(ec);
  }
  if (r.ok())
    message.raw_params.assign(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(r.offset()));

  if (!context.anonymous) message.signature = detail::read_digitally_signed(r, t, context.version);
  if (r.ok()) (void)r.expect_end();
  if (!r.ok()) return pa.error(r);
  return message;
}

Result<Bytes> encode_server_params(const ServerKeyExchange &message) {
  return build_bytes([&](Writer &w) { return write_params(message, w); });
}

Bytes server_key_exchange_signed_content(const Random &client_random, const Random &server_random,
                                         ByteView params) {
  Bytes out;
  out.reserve(client_random.size() + server_random.size() + params.size());
  append(out, client_random);
  append(out, server_random);
  append(out, params);
  return out;
}

Status serialize(const ServerKeyExchange &message, const KeyExchangeContext &context, Writer &w) {
  auto bad = [](const std::string &why) {
    return make_error(AlertDescription::internal_error, "ServerKeyExchange: " + why);
  };
  if (context.kx == KeyExchangeKind::rsa) return bad("RSA key exchange has none");
  if (message.kx() != context.kx) {
    return bad(std::string(key_exchange_kind_name(message.kx())) + " params for a " +
               key_exchange_kind_name(context.kx) + " suite");
  }
  if (message.signature.has_value() == context.anonymous) {
    return bad(context.anonymous ? "an anonymous suite carries no signature"
                                 : "the signature is missing");
  }
  TLS_TRY(write_params(message, w));
  if (message.signature) TLS_TRY(write_digitally_signed(w, *message.signature, context.version));
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const ServerKeyExchange &message, const KeyExchangeContext &context) {
  return build_bytes([&](Writer &w) { return serialize(message, context, w); });
}

Result<Bytes> serialize_message(const ServerKeyExchange &message,
                                const KeyExchangeContext &context) {
  return build_handshake_message(ServerKeyExchange::kType,
                                 [&](Writer &w) { return serialize(message, context, w); });
}

}  // namespace tls::handshake
