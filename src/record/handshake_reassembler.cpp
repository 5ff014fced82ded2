#include "record/handshake_reassembler.hpp"

#include <algorithm>

#include "common/reader.hpp"
#include "record/content_type.hpp"

namespace tls::record {

namespace {

struct Header {
  std::uint8_t type;
  std::size_t length;
};

Header parse_header(ByteView four_bytes) {
  Reader r(four_bytes, "handshake header");
  Header h{};
  h.type = r.u8();
  h.length = r.u24();
  return h;
}

HandshakeMessageView view_of(ByteView message) {
  HandshakeMessageView v;
  v.type = message[0];
  v.message = message;
  v.body = message.subspan(kHandshakeHeaderSize);
  return v;
}

}  // namespace

Status HandshakeReassembler::check_length(std::size_t length) const {
  if (length <= max_) return {};
  return make_error(AlertDescription::illegal_parameter,
                    "handshake message of " + std::to_string(length) +
                        " bytes exceeds the limit of " + std::to_string(max_));
}

Result<std::optional<HandshakeMessageView>> HandshakeReassembler::next(ByteView &record) {
  if (returned_from_buffer_) {
    buffer_.clear();
    returned_from_buffer_ = false;
  }
  if (buffer_.empty()) {
    if (record.empty()) return std::optional<HandshakeMessageView>();
    if (record.size() >= kHandshakeHeaderSize) {
      const Header h = parse_header(record.first(kHandshakeHeaderSize));
      TLS_TRY(check_length(h.length));
      const std::size_t total = kHandshakeHeaderSize + h.length;
      if (record.size() >= total) {
        // Whole inside the record: a view, no copy.
        const ByteView message = record.first(total);
        record = record.subspan(total);
        return std::optional<HandshakeMessageView>(view_of(message));
      }
      buffer_.reserve(total);
    }
    append(buffer_, record);
    record = {};
    return std::optional<HandshakeMessageView>();
  }

  // Continuing a message split across records: take only what it still needs.
  if (buffer_.size() < kHandshakeHeaderSize) {
    const std::size_t take = std::min(kHandshakeHeaderSize - buffer_.size(), record.size());
    append(buffer_, record.first(take));
    record = record.subspan(take);
    if (buffer_.size() < kHandshakeHeaderSize) return std::optional<HandshakeMessageView>();
  }
  const Header h = parse_header(ByteView(buffer_).first(kHandshakeHeaderSize));
  TLS_TRY(check_length(h.length));
  const std::size_t total = kHandshakeHeaderSize + h.length;
  buffer_.reserve(total);
  const std::size_t take = std::min(total - buffer_.size(), record.size());
  append(buffer_, record.first(take));
  record = record.subspan(take);
  if (buffer_.size() < total) return std::optional<HandshakeMessageView>();
  returned_from_buffer_ = true;
  return std::optional<HandshakeMessageView>(view_of(buffer_));
}

void HandshakeReassembler::release_memory() {
  if (!buffer_.empty() && !returned_from_buffer_) return;  // a partial message is kept
  Bytes().swap(buffer_);
  returned_from_buffer_ = false;
}

}  // namespace tls::record
