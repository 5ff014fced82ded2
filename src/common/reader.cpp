#include "common/reader.hpp"

namespace tls {

Reader::Reader(ByteView data, std::string_view context)
    : data_(data), state_(&own_state_), context_(context) {}

Reader::Reader(ByteView data, std::size_t base, State *state, std::string_view context)
    : data_(data), base_(base), state_(state), context_(context) {}

void Reader::fail(std::string_view what) {
  if (state_->failed) return;
  state_->failed = true;
  state_->offset = offset();
  state_->what = std::string(what);
}

void Reader::fail_at(std::size_t absolute_offset, std::string_view what) {
  if (state_->failed) return;
  fail(what);
  state_->offset = absolute_offset;
}

bool Reader::need(std::size_t n, const char *what) {
  if (state_->failed) return false;
  if (remaining() >= n) return true;
  fail("need " + std::to_string(n) + (n == 1 ? " byte" : " bytes") + " for " + what + ", " +
       std::to_string(remaining()) + " left");
  return false;
}

std::uint64_t Reader::read_be(std::size_t n, const char *what) {
  if (!need(n, what)) return 0;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i)
    v = v << 8 | data_[pos_ + i];
  pos_ += n;
  return v;
}

std::uint8_t Reader::u8() {
  return static_cast<std::uint8_t>(read_be(1, "u8"));
}
std::uint16_t Reader::u16() {
  return static_cast<std::uint16_t>(read_be(2, "u16"));
}
std::uint32_t Reader::u24() {
  return static_cast<std::uint32_t>(read_be(3, "u24"));
}
std::uint32_t Reader::u32() {
  return static_cast<std::uint32_t>(read_be(4, "u32"));
}
std::uint64_t Reader::u64() {
  return read_be(8, "u64");
}

std::uint8_t Reader::peek_u8() const {
  return ok() && !empty() ? data_[pos_] : 0;
}

ByteView Reader::bytes(std::size_t n) {
  if (!need(n, "bytes")) return {};
  ByteView out = data_.subspan(pos_, n);
  pos_ += n;
  return out;
}

ByteView Reader::rest() {
  if (failed()) return {};
  ByteView out = data_.subspan(pos_);
  pos_ = data_.size();
  return out;
}

Reader Reader::sub_vector(std::size_t prefix_size, std::size_t min, std::size_t max,
                          const char *what) {
  const std::size_t length = static_cast<std::size_t>(read_be(prefix_size, what));
  if (ok() && (length < min || length > max)) {
    fail(std::string(what) + " length " + std::to_string(length) + " outside [" +
         std::to_string(min) + ", " + std::to_string(max) + "]");
  } else if (ok() && length > remaining()) {
    fail(std::string(what) + " length " + std::to_string(length) + " but only " +
         std::to_string(remaining()) + " bytes left");
  }
  if (failed()) return Reader(ByteView{}, offset(), state_, context_);
  const std::size_t start = offset();
  ByteView contents = data_.subspan(pos_, length);
  pos_ += length;
  return Reader(contents, start, state_, context_);
}

Reader Reader::sub(std::size_t n, const char *what) {
  if (!need(n, what)) return Reader(ByteView{}, offset(), state_, context_);
  const std::size_t start = offset();
  ByteView contents = data_.subspan(pos_, n);
  pos_ += n;
  return Reader(contents, start, state_, context_);
}

Reader Reader::vec8(std::size_t min, std::size_t max) {
  return sub_vector(1, min, max, "vec8");
}
Reader Reader::vec16(std::size_t min, std::size_t max) {
  return sub_vector(2, min, max, "vec16");
}
Reader Reader::vec24(std::size_t min, std::size_t max) {
  return sub_vector(3, min, max, "vec24");
}

ByteView Reader::opaque8(std::size_t min, std::size_t max) {
  return vec8(min, max).rest();
}
ByteView Reader::opaque16(std::size_t min, std::size_t max) {
  return vec16(min, max).rest();
}
ByteView Reader::opaque24(std::size_t min, std::size_t max) {
  return vec24(min, max).rest();
}

bool Reader::expect_end() {
  if (ok() && !empty()) fail(std::to_string(remaining()) + " trailing bytes");
  return ok();
}

std::string Reader::message() const {
  if (!failed()) return {};
  return "at offset " + std::to_string(state_->offset) + ": " + state_->what;
}

Error Reader::error(AlertDescription alert) const {
  std::string reason = message();
  if (!context_.empty()) reason = std::string(context_) + ": " + reason;
  return Error{alert, std::move(reason)};
}

}  // namespace tls
