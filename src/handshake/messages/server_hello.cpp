#include "handshake/messages/server_hello.hpp"

#include "handshake/iana_names.hpp"

namespace tls::handshake {

Result<ServerHello> ServerHello::parse(ByteView body, FieldTrace *trace) {
  Reader r(body, "ServerHello");
  const detail::Tracer t(trace, body);
  ServerHello hello;

  hello.version = detail::read_version(r, t, "server_version");
  hello.random = detail::read_random(r, t);
  hello.session_id = detail::read_session_id(r, t);

  const std::size_t suite_at = r.offset();
  hello.cipher_suite = r.u16();
  if (t.on() && r.ok())
    t.add("cipher_suite", suite_at, suite_at + 2, cipher_suite_text(hello.cipher_suite));

  const std::size_t method_at = r.offset();
  hello.compression_method = r.u8();
  if (t.on() && r.ok()) {
    t.add("compression_method", method_at, method_at + 1,
          detail::named_code(compression_method_name(hello.compression_method),
                             hello.compression_method, 2));
  }

  if (r.ok() && !r.empty()) {
    hello.has_extensions_block = true;
    hello.extensions = detail::read_extension_block(r, t, ExtensionContext::server_hello);
  }
  if (!r.expect_end()) return r.error();
  return hello;
}

const RawExtension *ServerHello::find_extension(std::uint16_t type) const {
  return handshake::find_extension(extensions, type);
}

Status serialize(const ServerHello &hello, Writer &w) {
  if (hello.session_id.size() > kMaxSessionIdLength) {
    return make_error(AlertDescription::internal_error, "ServerHello: session_id longer than 32");
  }
  w.u16(to_wire(hello.version));
  w.bytes(hello.random);
  w.opaque8(hello.session_id);
  w.u16(hello.cipher_suite);
  w.u8(hello.compression_method);
  if (hello.has_extensions_block || !hello.extensions.empty()) {
    write_extension_block(w, hello.extensions);
  }
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const ServerHello &hello) {
  return build_bytes([&](Writer &w) { return serialize(hello, w); });
}

Result<Bytes> serialize_message(const ServerHello &hello) {
  return build_handshake_message(ServerHello::kType,
                                 [&](Writer &w) { return serialize(hello, w); });
}

}  // namespace tls::handshake
