// Reader: a bounds-checked cursor over untrusted bytes. Every wire and DER parser reads
// through it; nothing else does pointer arithmetic on wire data.
//
// - Reads past the end never touch memory: they fail.
// - Failure is sticky: after the first failure every read returns zero / empty and the reader
//   stays failed, so a parser may read a whole structure and check ok() once at the end.
// - vec8()/vec16()/vec24() read a length prefix and return a sub-reader bounded to exactly that
//   many bytes. A sub-reader shares its root's failure state: a failure anywhere fails the
//   whole parse, and the error names the absolute offset from the start of the root.
// - expect_end() fails when bytes remain: trailing bytes are an error.
//
// Readers are neither copyable nor movable (sub-readers point at their root's state); create
// them as locals. Sub-readers must not outlive their root.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls {

class Reader {
 public:
  // `context` names what is being parsed ("ClientHello"); it prefixes error reasons and must
  // outlive the reader (a string literal).
  explicit Reader(ByteView data, std::string_view context = {});
  Reader(const Reader &) = delete;
  Reader &operator=(const Reader &) = delete;

  [[nodiscard]] std::uint8_t u8();
  [[nodiscard]] std::uint16_t u16();
  [[nodiscard]] std::uint32_t u24();
  [[nodiscard]] std::uint32_t u32();
  [[nodiscard]] std::uint64_t u64();

  // The next n bytes (a view into the input), or empty on failure.
  [[nodiscard]] ByteView bytes(std::size_t n);
  // Everything that remains.
  [[nodiscard]] ByteView rest();

  // A vector with a 1/2/3-byte length prefix whose length must lie in [min, max]; the result
  // reads exactly its contents.
  [[nodiscard]] Reader vec8(std::size_t min = 0, std::size_t max = 0xff);
  [[nodiscard]] Reader vec16(std::size_t min = 0, std::size_t max = 0xffff);
  [[nodiscard]] Reader vec24(std::size_t min = 0, std::size_t max = 0xffffff);

  // The same, for opaque vectors: the contents as a view.
  [[nodiscard]] ByteView opaque8(std::size_t min = 0, std::size_t max = 0xff);
  [[nodiscard]] ByteView opaque16(std::size_t min = 0, std::size_t max = 0xffff);
  [[nodiscard]] ByteView opaque24(std::size_t min = 0, std::size_t max = 0xffffff);

  // A sub-reader over exactly the next n bytes (for formats whose lengths are not TLS-style
  // prefixes, such as DER): it shares this reader's failure state and absolute offsets. On
  // failure the result is empty and `what` names what could not be read.
  [[nodiscard]] Reader sub(std::size_t n, const char *what = "sub-structure");

  // Fails with "trailing bytes" unless everything has been read. Returns ok().
  [[nodiscard]] bool expect_end();

  bool empty() const { return pos_ == data_.size(); }
  std::size_t remaining() const { return data_.size() - pos_; }
  // Offset of the cursor from the start of the root reader's input.
  std::size_t offset() const { return base_ + pos_; }
  // The next byte without consuming it (0 when empty or failed).
  std::uint8_t peek_u8() const;

  bool ok() const { return !state_->failed; }
  bool failed() const { return state_->failed; }

  // Records a failure found by the parser itself ("compression method 7 is not null"). Only the
  // first failure is kept.
  void fail(std::string_view what);
  // The same, for a failure that belongs to an earlier absolute offset (the start of a value
  // whose contents turned out malformed after they were read).
  void fail_at(std::size_t absolute_offset, std::string_view what);

  // The first failure as an Error with the given alert:
  // "<context>: at offset <n>: <what>".
  Error error(AlertDescription alert = AlertDescription::decode_error) const;
  // The failure text alone ("at offset 5: need 2 bytes for u16, 1 left").
  std::string message() const;

 private:
  struct State {
    bool failed = false;
    std::size_t offset = 0;
    std::string what;
  };

  Reader(ByteView data, std::size_t base, State *state, std::string_view context);
  // True when n bytes remain; otherwise records why `what` could not be read.
  bool need(std::size_t n, const char *what);
  std::uint64_t read_be(std::size_t n, const char *what);
  Reader sub_vector(std::size_t prefix_size, std::size_t min, std::size_t max, const char *what);

  ByteView data_;
  std::size_t pos_ = 0;
  std::size_t base_ = 0;
  State own_state_;
  State *state_;
  std::string_view context_;
};

}  // namespace tls
