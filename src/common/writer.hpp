// Writer: builds wire structures. Integers are written big-endian; vec8/vec16/vec24 open a
// length-prefix scope whose length is back-filled when the scope's body returns, and fail
// (stickily, like Reader) when the body wrote more than the prefix can express.
//
//   Writer w;
//   w.u16(0x0303);
//   w.vec16([&](Writer &w) { w.u16(0xc02f); w.u16(0x009c); });
//   if (!w.ok()) ...;
//   Bytes wire = w.take();
//
// A Writer either owns its buffer or appends to one the caller gives (to build straight into an
// output queue without a copy). Not copyable or movable: it may point at its own buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls {

class Writer {
 public:
  Writer() : out_(&own_) {}
  // Appends to `out` (which must outlive the writer).
  explicit Writer(Bytes &out) : out_(&out) {}
  Writer(const Writer &) = delete;
  Writer &operator=(const Writer &) = delete;

  void u8(std::uint8_t v);
  void u16(std::uint16_t v);
  void u24(std::uint32_t v);  // fails when v >= 2^24
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void bytes(ByteView data);
  void zeros(std::size_t n);

  template <class Body>
  void vec8(Body &&body) {
    scope(1, 0xff, body);
  }
  template <class Body>
  void vec16(Body &&body) {
    scope(2, 0xffff, body);
  }
  template <class Body>
  void vec24(Body &&body) {
    scope(3, 0xffffff, body);
  }

  // Length-prefixed opaque data.
  void opaque8(ByteView data);
  void opaque16(ByteView data);
  void opaque24(ByteView data);

  // Records a failure; only the first is kept.
  void fail(std::string_view what);
  bool ok() const { return !failed_; }
  Error error() const { return Error{AlertDescription::internal_error, "Writer: " + what_}; }

  std::size_t size() const { return out_->size(); }
  ByteView data() const { return *out_; }
  // The bytes written (moved out of an owned buffer; a copy when appending to a caller's).
  Bytes take();

 private:
  template <class Body>
  void scope(std::size_t prefix_size, std::size_t max, Body &body) {
    const std::size_t at = out_->size();
    out_->resize(at + prefix_size);
    body(*this);
    backfill(at, prefix_size, max);
  }
  void backfill(std::size_t at, std::size_t prefix_size, std::size_t max);

  Bytes own_;
  Bytes *out_;
  bool failed_ = false;
  std::string what_;
};

}  // namespace tls
