#include "record/record_buffer.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

#include "common/secure_buffer.hpp"

namespace tls::record {

RecordBuffer::RecordBuffer(std::size_t capacity)
    : data_(new std::uint8_t[capacity]), capacity_(capacity) {}

RecordBuffer::~RecordBuffer() {
  release();
}

RecordBuffer::RecordBuffer(RecordBuffer &&other) noexcept
    : data_(std::move(other.data_)), capacity_(std::exchange(other.capacity_, 0)) {}

RecordBuffer &RecordBuffer::operator=(RecordBuffer &&other) noexcept {
  if (this != &other) {
    release();
    data_ = std::move(other.data_);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void RecordBuffer::release() noexcept {
  if (data_) secure_zero(data_.get(), capacity_);
  data_.reset();
  capacity_ = 0;
}

void RecordBuffer::reallocate(std::size_t capacity, std::size_t from, std::size_t to) {
  assert(from <= to && to <= capacity_ && to - from <= capacity);
  RecordBuffer fresh(capacity);
  std::copy(data_.get() + from, data_.get() + to, fresh.data_.get());
  *this = std::move(fresh);
}

}  // namespace tls::record
