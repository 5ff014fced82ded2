#include "handshake/messages/client_key_exchange.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

using detail::count_text;

Result<ClientKeyExchange> ClientKeyExchange::parse(ByteView body, const KeyExchangeContext &context,
                                                   FieldTrace *trace) {
  Reader r(body, "ClientKeyExchange");
  const detail::Tracer t(trace, body);
  ClientKeyExchange message;
  message.kx = context.kx;
  ByteView value;
  switch (context.kx) {
    case KeyExchangeKind::rsa:
      if (context.version == ProtocolVersion::ssl3) {
        value = r.rest();
        if (t.on() && !value.empty()) {
          t.add("encrypted_pre_master_secret", 0, value.size(),
                count_text(value.size()) + " (SSL 3.0: no length prefix)");
        }
      } else {
        value = r.opaque16();
        if (t.on() && r.ok()) {
          t.add("encrypted_pre_master_secret.length", 0, 2, count_text(value.size()));
          if (!value.empty()) t.add("encrypted_pre_master_secret", 2, r.offset());
        }
      }
      break;
    case KeyExchangeKind::dhe:
      value = r.opaque16(1);
      if (t.on() && r.ok()) {
        t.add("dh_Yc.length", 0, 2, count_text(value.size()));
        t.add("dh_Yc", 2, r.offset(), "the client's DH public value");
      }
      break;
    case KeyExchangeKind::ecdhe:
      value = r.opaque8(1);
      if (t.on() && r.ok()) {
        t.add("ecdh_Yc.length", 0, 1, count_text(value.size()));
        t.add("ecdh_Yc", 1, r.offset(), "the client's ECDH public value");
      }
      break;
  }
  if (!r.expect_end()) return r.error();
  message.exchange_keys.assign(value.begin(), value.end());
  return message;
}

Status serialize(const ClientKeyExchange &message, const KeyExchangeContext &context, Writer &w) {
  auto bad = [](const std::string &why) {
    return make_error(AlertDescription::internal_error, "ClientKeyExchange: " + why);
  };
  if (message.kx != context.kx) {
    return bad(std::string(key_exchange_kind_name(message.kx)) + " value for a " +
               key_exchange_kind_name(context.kx) + " suite");
  }
  const Bytes &value = message.exchange_keys;
  switch (message.kx) {
    case KeyExchangeKind::rsa:
      if (context.version == ProtocolVersion::ssl3) {
        w.bytes(value);
      } else {
        w.opaque16(value);
      }
      break;
    case KeyExchangeKind::dhe:
      if (value.empty()) return bad("empty dh_Yc");
      w.opaque16(value);
      break;
    case KeyExchangeKind::ecdhe:
      if (value.empty() || value.size() > 255) return bad("EC point not 1..255 bytes");
      w.opaque8(value);
      break;
  }
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const ClientKeyExchange &message, const KeyExchangeContext &context) {
  return build_bytes([&](Writer &w) { return serialize(message, context, w); });
}

Result<Bytes> serialize_message(const ClientKeyExchange &message,
                                const KeyExchangeContext &context) {
  return build_handshake_message(ClientKeyExchange::kType,
                                 [&](Writer &w) { return serialize(message, context, w); });
}

}  // namespace tls::handshake
