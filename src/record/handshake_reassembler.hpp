// Handshake message reassembly: a message may span many records and a record may hold several
// messages (RFC 5246 §6.2.1). Messages that lie whole inside one record are handed out as views
// into that record, without a copy; only a message split across records is gathered in a buffer
// of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::record {

struct HandshakeMessageView {
  std::uint8_t type = 0;
  ByteView body;     // the message body
  ByteView message;  // the 4-byte header and the body, as the transcript needs it
};

class HandshakeReassembler {
 public:
  explicit HandshakeReassembler(std::size_t max_message_size) : max_(max_message_size) {}

  void set_max_message_size(std::size_t max) { max_ = max; }
  std::size_t max_message_size() const { return max_; }

  // Takes the next complete message from `record` (the unread rest of a handshake record's
  // plaintext) and advances `record` past what it used. Returns nullopt once `record` is used up;
  // a partial message at its end is kept for the next record. The returned views stay valid until
  // the next call. A message longer than the limit is an illegal_parameter error.
  Result<std::optional<HandshakeMessageView>> next(ByteView &record);

  // True when part of a message has arrived and the rest has not.
  bool has_partial() const { return !buffer_.empty() && !returned_from_buffer_; }

  // Frees the gathering buffer (between handshakes).
  void release_memory();
  std::size_t capacity() const { return buffer_.capacity(); }

 private:
  Status check_length(std::size_t length) const;

  std::size_t max_;
  Bytes buffer_;
  bool returned_from_buffer_ = false;
};

}  // namespace tls::record
