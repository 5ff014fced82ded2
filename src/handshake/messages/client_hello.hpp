// ClientHello (RFC 5246 §7.4.1.2; RFC 6101 §5.6.1.2 for SSL 3.0):
//   ProtocolVersion client_version; Random random; SessionID session_id<0..32>;
//   CipherSuite cipher_suites<2..2^16-2>; CompressionMethod compression_methods<1..2^8-1>;
//   [Extension extensions<0..2^16-1>]   -- absent in SSL 3.0 hellos and some TLS 1.0 ones
//
// Checks: every length; session_id at most 32 bytes; cipher_suites non-empty and of even
// length; compression_methods must include null (illegal_parameter otherwise); no duplicate
// extension; nothing after the extension block (all decode_error unless said otherwise).
// client_version is kept as sent (a TLS 1.3 client sends 0x0303, an old one may send 0x0300);
// the server machine negotiates from it.
#pragma once

#include <cstdint>
#include <vector>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/extension_block.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/hello_fields.hpp"

namespace tls::handshake {

struct ClientHello {
  static constexpr HandshakeType kType = HandshakeType::client_hello;

  ProtocolVersion version = ProtocolVersion::tls12;  // client_version, any wire value
  Random random{};
  Bytes session_id;                          // 0..32 bytes
  std::vector<std::uint16_t> cipher_suites;  // in the client's order, SCSVs included
  Bytes compression_methods{0};              // must include 0 (null)
  // False when the hello ended after compression_methods (no extension block at all), which
  // serializes back the same way; an empty block (00 00) is has_extensions_block with no
  // extensions. Serialization writes a block when this is set or extensions is non-empty.
  bool has_extensions_block = false;
  std::vector<RawExtension> extensions;  // in wire order

  static Result<ClientHello> parse(ByteView body, FieldTrace *trace = nullptr);

  bool offers_suite(std::uint16_t id) const;
  const RawExtension *find_extension(std::uint16_t type) const;

  bool operator==(const ClientHello &) const = default;
};

// The body. internal_error when the struct breaks a rule parse() enforces.
Status serialize(const ClientHello &hello, Writer &w);
Result<Bytes> serialize(const ClientHello &hello);
// Header + body.
Result<Bytes> serialize_message(const ClientHello &hello);

}  // namespace tls::handshake
