#include "handshake/messages/handshake_header.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

const char *handshake_type_name(HandshakeType type) noexcept {
  switch (type) {
    case HandshakeType::hello_request:
      return "hello_request";
    case HandshakeType::client_hello:
      return "client_hello";
    case HandshakeType::server_hello:
      return "server_hello";
    case HandshakeType::hello_verify_request:
      return "hello_verify_request";
    case HandshakeType::new_session_ticket:
      return "new_session_ticket";
    case HandshakeType::end_of_early_data:
      return "end_of_early_data";
    case HandshakeType::hello_retry_request:
      return "hello_retry_request";
    case HandshakeType::encrypted_extensions:
      return "encrypted_extensions";
    case HandshakeType::certificate:
      return "certificate";
    case HandshakeType::server_key_exchange:
      return "server_key_exchange";
    case HandshakeType::certificate_request:
      return "certificate_request";
    case HandshakeType::server_hello_done:
      return "server_hello_done";
    case HandshakeType::certificate_verify:
      return "certificate_verify";
    case HandshakeType::client_key_exchange:
      return "client_key_exchange";
    case HandshakeType::finished:
      return "finished";
    case HandshakeType::certificate_url:
      return "certificate_url";
    case HandshakeType::certificate_status:
      return "certificate_status";
    case HandshakeType::supplemental_data:
      return "supplemental_data";
    case HandshakeType::key_update:
      return "key_update";
    case HandshakeType::message_hash:
      return "message_hash";
  }
  return nullptr;
}

std::string handshake_type_text(std::uint8_t type) {
  return detail::named_code(handshake_type_name(static_cast<HandshakeType>(type)), type, 2);
}

Result<HandshakeHeader> parse_handshake_header(ByteView data) {
  Reader r(data, "handshake header");
  HandshakeHeader header;
  header.type = static_cast<HandshakeType>(r.u8());
  header.length = r.u24();
  if (!r.ok()) return r.error();
  return header;
}

std::optional<std::size_t> complete_message_size(ByteView buffered) noexcept {
  if (buffered.size() < kHandshakeHeaderSize) return std::nullopt;
  const std::size_t length = static_cast<std::size_t>(buffered[1]) << 16 |
                             static_cast<std::size_t>(buffered[2]) << 8 | buffered[3];
  if (buffered.size() - kHandshakeHeaderSize < length) return std::nullopt;
  return kHandshakeHeaderSize + length;
}

Result<HandshakeMessageView> split_handshake_message(ByteView message, FieldTrace *trace) {
  Reader r(message, "handshake message");
  const detail::Tracer t(trace, message);
  HandshakeMessageView view;
  const std::uint8_t type = r.u8();
  view.type = static_cast<HandshakeType>(type);
  if (t.on() && r.ok()) t.add("msg_type", 0, 1, handshake_type_text(type));
  const std::size_t length_at = r.offset();
  const std::size_t length = r.u24();
  if (t.on() && r.ok()) {
    t.add("length", length_at, r.offset(), detail::count_text(length));
  }
  if (r.ok() && length != r.remaining()) {
    r.fail("length field says " + std::to_string(length) + " bytes but the message has " +
           std::to_string(r.remaining()));
  }
  view.body = r.rest();
  if (!r.ok()) return r.error();
  return view;
}

Result<Bytes> frame_handshake(HandshakeType type, ByteView body) {
  return build_handshake_message(type, [&](Writer &w) {
    w.bytes(body);
    return Status();
  });
}

}  // namespace tls::handshake
