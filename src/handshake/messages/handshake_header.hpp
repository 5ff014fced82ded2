// Handshake message framing (RFC 5246 §7.4): every handshake message is
//   HandshakeType msg_type (1 byte) + uint24 length + body.
// Parsers of individual messages take the body only; this file splits a framed message into
// type and body and frames a body built by a serializer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"

namespace tls::handshake {

enum class HandshakeType : std::uint8_t {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  hello_verify_request = 3,  // DTLS
  new_session_ticket = 4,    // RFC 5077
  end_of_early_data = 5,     // TLS 1.3
  hello_retry_request = 6,   // TLS 1.3 drafts
  encrypted_extensions = 8,  // TLS 1.3
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
  certificate_url = 21,     // RFC 6066
  certificate_status = 22,  // RFC 6066
  supplemental_data = 23,   // RFC 4680
  key_update = 24,          // TLS 1.3
  message_hash = 254,       // TLS 1.3
};

// "client_hello", ...; nullptr for a code with no name.
const char *handshake_type_name(HandshakeType type) noexcept;
// The name, or "unknown (0x63)".
std::string handshake_type_text(std::uint8_t type);

inline constexpr std::size_t kHandshakeHeaderSize = 4;
inline constexpr std::size_t kMaxHandshakeBodySize = 0xffffff;

struct HandshakeHeader {
  HandshakeType type = HandshakeType::hello_request;
  std::uint32_t length = 0;  // body length
};

// Decodes the header at the start of `data` (the body may follow, or not yet have arrived).
// decode_error when fewer than 4 bytes are given.
Result<HandshakeHeader> parse_handshake_header(ByteView data);

// The size (header included) of the first message in `buffered`, once all of it is there;
// nullopt while it is incomplete. For reassembling messages from records.
std::optional<std::size_t> complete_message_size(ByteView buffered) noexcept;

// One framed message, as views into the caller's bytes.
struct HandshakeMessageView {
  HandshakeType type = HandshakeType::hello_request;
  ByteView body;
};

// Splits exactly one message: the length must cover the input exactly (a short body or
// trailing bytes are decode_error). Records msg_type and length into `trace`.
Result<HandshakeMessageView> split_handshake_message(ByteView message, FieldTrace *trace = nullptr);

// Header + body. internal_error when the body exceeds 2^24-1 bytes.
Result<Bytes> frame_handshake(HandshakeType type, ByteView body);

// Frames the body that `write_body(Writer&) -> Status` writes.
template <class WriteBody>
Result<Bytes> build_handshake_message(HandshakeType type, WriteBody &&write_body) {
  Writer w;
  w.u8(static_cast<std::uint8_t>(type));
  Status status;
  w.vec24([&](Writer &body) { status = write_body(body); });
  if (!status.ok()) return status.error();
  if (!w.ok()) return w.error();
  return w.take();
}

// Writes `bytes` through `write_body(Writer&) -> Status` into a fresh buffer.
template <class WriteBody>
Result<Bytes> build_bytes(WriteBody &&write_body) {
  Writer w;
  Status status = write_body(w);
  if (!status.ok()) return status.error();
  if (!w.ok()) return w.error();
  return w.take();
}

}  // namespace tls::handshake
