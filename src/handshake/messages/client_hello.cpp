#include "handshake/messages/client_hello.hpp"

#include <algorithm>

#include "handshake/iana_names.hpp"

namespace tls::handshake {

using detail::count_text;
using detail::named_code;

Result<ClientHello> ClientHello::parse(ByteView body, FieldTrace *trace) {
  Reader r(body, "ClientHello");
  const detail::Tracer t(trace, body);
  detail::ParseAlert pa;
  ClientHello hello;

  hello.version = detail::read_version(r, t, "client_version");
  hello.random = detail::read_random(r, t);
  hello.session_id = detail::read_session_id(r, t);

  const std::size_t suites_at = r.offset();
  Reader suites = r.vec16();
  if (r.ok()) {
    if (t.on())
      t.add("cipher_suites.length", suites_at, suites_at + 2, count_text(suites.remaining()));
    if (suites.empty()) {
      suites.fail("cipher_suites is empty");
    } else if (suites.remaining() % 2 != 0) {
      suites.fail("cipher_suites has an odd length (" + std::to_string(suites.remaining()) + ")");
    }
  }
  while (suites.ok() && !suites.empty()) {
    const std::size_t at = suites.offset();
    const std::uint16_t id = suites.u16();
    if (t.on()) {
      t.add("cipher_suites[" + std::to_string(hello.cipher_suites.size()) + "]", at, at + 2,
            cipher_suite_text(id));
    }
    hello.cipher_suites.push_back(id);
  }

  const std::size_t methods_at = r.offset();
  const ByteView methods = r.opaque8(1);
  if (r.ok()) {
    hello.compression_methods.assign(methods.begin(), methods.end());
    if (t.on()) {
      t.add("compression_methods.length", methods_at, methods_at + 1, count_text(methods.size()));
      for (std::size_t i = 0; i < methods.size(); ++i) {
        t.add("compression_methods[" + std::to_string(i) + "]", methods_at + 1 + i,
              methods_at + 2 + i, named_code(compression_method_name(methods[i]), methods[i], 2));
      }
    }
    if (std::find(methods.begin(), methods.end(), 0) == methods.end()) {
      pa.fail(r, AlertDescription::illegal_parameter,
              "compression_methods does not include null (RFC 5246 §7.4.1.2)");
    }
  }

  if (r.ok() && !r.empty()) {
    hello.has_extensions_block = true;
    hello.extensions = detail::read_extension_block(r, t, ExtensionContext::client_hello);
  }
  if (r.ok()) (void)r.expect_end();
  if (!r.ok()) return pa.error(r);
  return hello;
}

bool ClientHello::offers_suite(std::uint16_t id) const {
  return std::find(cipher_suites.begin(), cipher_suites.end(), id) != cipher_suites.end();
}

const RawExtension *ClientHello::find_extension(std::uint16_t type) const {
  return handshake::find_extension(extensions, type);
}

Status serialize(const ClientHello &hello, Writer &w) {
  auto bad = [](const char *why) {
    return make_error(AlertDescription::internal_error, std::string("ClientHello: ") + why);
  };
  if (hello.session_id.size() > kMaxSessionIdLength) return bad("session_id longer than 32");
  if (hello.cipher_suites.empty()) return bad("no cipher suites");
  if (hello.cipher_suites.size() > 0x7fff) return bad("too many cipher suites");
  if (hello.compression_methods.empty() ||
      std::find(hello.compression_methods.begin(), hello.compression_methods.end(), 0) ==
          hello.compression_methods.end()) {
    return bad("compression_methods must include null");
  }
  w.u16(to_wire(hello.version));
  w.bytes(hello.random);
  w.opaque8(hello.session_id);
  w.vec16([&](Writer &list) {
    for (std::uint16_t id : hello.cipher_suites)
      list.u16(id);
  });
  w.opaque8(hello.compression_methods);
  if (hello.has_extensions_block || !hello.extensions.empty()) {
    write_extension_block(w, hello.extensions);
  }
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const ClientHello &hello) {
  return build_bytes([&](Writer &w) { return serialize(hello, w); });
}

Result<Bytes> serialize_message(const ClientHello &hello) {
  return build_handshake_message(ClientHello::kType,
                                 [&](Writer &w) { return serialize(hello, w); });
}

}  // namespace tls::handshake
