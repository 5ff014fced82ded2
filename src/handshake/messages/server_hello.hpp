// ServerHello (RFC 5246 §7.4.1.3; RFC 6101 §5.6.1.3):
//   ProtocolVersion server_version; Random random; SessionID session_id<0..32>;
//   CipherSuite cipher_suite; CompressionMethod compression_method;
//   [Extension extensions<0..2^16-1>]
//
// Checks: every length, session_id at most 32 bytes, no duplicate extension, nothing after the
// block (decode_error). Whether the version, suite, compression method and extensions are ones
// the client offered is the client machine's decision (see extension_rules.hpp).
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

struct ServerHello {
  static constexpr HandshakeType kType = HandshakeType::server_hello;

  ProtocolVersion version = ProtocolVersion::tls12;  // server_version, any wire value
  Random random{};
  Bytes session_id;  // 0..32 bytes
  std::uint16_t cipher_suite = 0;
  std::uint8_t compression_method = 0;
  bool has_extensions_block = false;  // as in ClientHello
  std::vector<RawExtension> extensions;

  static Result<ServerHello> parse(ByteView body, FieldTrace *trace = nullptr);

  const RawExtension *find_extension(std::uint16_t type) const;

  bool operator==(const ServerHello &) const = default;
};

Status serialize(const ServerHello &hello, Writer &w);
Result<Bytes> serialize(const ServerHello &hello);
Result<Bytes> serialize_message(const ServerHello &hello);

}  // namespace tls::handshake
