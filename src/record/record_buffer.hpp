// A byte buffer of fixed capacity, allocated once and zeroed when released. The record layer's
// input buffer is one: records are decrypted in place in it, so it holds plaintext.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/bytes.hpp"

namespace tls::record {

class RecordBuffer {
 public:
  RecordBuffer() = default;
  explicit RecordBuffer(std::size_t capacity);
  ~RecordBuffer();
  RecordBuffer(RecordBuffer &&other) noexcept;
  RecordBuffer &operator=(RecordBuffer &&other) noexcept;
  RecordBuffer(const RecordBuffer &) = delete;
  RecordBuffer &operator=(const RecordBuffer &) = delete;

  std::size_t capacity() const { return capacity_; }
  MutableByteView span() { return {data_.get(), capacity_}; }
  ByteView span() const { return {data_.get(), capacity_}; }

  // Replaces the storage with `capacity` bytes, keeping the bytes [from, to) at the start.
  void reallocate(std::size_t capacity, std::size_t from, std::size_t to);

 private:
  void release() noexcept;

  std::unique_ptr<std::uint8_t[]> data_;
  std::size_t capacity_ = 0;
};

}  // namespace tls::record
