#include "common/writer.hpp"

namespace tls {

void Writer::fail(std::string_view what) {
  if (failed_) return;
  failed_ = true;
  what_ = std::string(what);
}

void Writer::u8(std::uint8_t v) {
  out_->push_back(v);
}

void Writer::u16(std::uint16_t v) {
  out_->push_back(static_cast<std::uint8_t>(v >> 8));
  out_->push_back(static_cast<std::uint8_t>(v));
}

void Writer::u24(std::uint32_t v) {
  if (v > 0xffffff) {
    fail("u24 value " + std::to_string(v) + " does not fit in 3 bytes");
    v = 0;
  }
  out_->push_back(static_cast<std::uint8_t>(v >> 16));
  out_->push_back(static_cast<std::uint8_t>(v >> 8));
  out_->push_back(static_cast<std::uint8_t>(v));
}

void Writer::u32(std::uint32_t v) {
  u16(static_cast<std::uint16_t>(v >> 16));
  u16(static_cast<std::uint16_t>(v));
}

void Writer::u64(std::uint64_t v) {
  u32(static_cast<std::uint32_t>(v >> 32));
  u32(static_cast<std::uint32_t>(v));
}

void Writer::bytes(ByteView data) {
  out_->insert(out_->end(), data.begin(), data.end());
}

void Writer::zeros(std::size_t n) {
  out_->resize(out_->size() + n, 0);
}

void Writer::opaque8(ByteView data) {
  vec8([&](Writer &w) { w.bytes(data); });
}
void Writer::opaque16(ByteView data) {
  vec16([&](Writer &w) { w.bytes(data); });
}
void Writer::opaque24(ByteView data) {
  vec24([&](Writer &w) { w.bytes(data); });
}

void Writer::backfill(std::size_t at, std::size_t prefix_size, std::size_t max) {
  std::size_t length = out_->size() - at - prefix_size;
  if (length > max) {
    fail("vector of " + std::to_string(length) + " bytes overflows its " +
         std::to_string(prefix_size) + "-byte length prefix");
    length = 0;
  }
  for (std::size_t i = 0; i < prefix_size; ++i) {
    (*out_)[at + i] = static_cast<std::uint8_t>(length >> (8 * (prefix_size - 1 - i)));
  }
}

Bytes Writer::take() {
  if (out_ == &own_) return std::move(own_);
  return *out_;
}

}  // namespace tls
