// Internal helpers shared by the handshake parsers: recording fields into an optional
// FieldTrace, and giving a semantic failure its own alert. Not part of the public interface.
//
// A Tracer pairs the trace with the root bytes a Reader walks, so that a field can be recorded
// from two Reader offsets (Reader offsets are absolute from the start of the root).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/reader.hpp"
#include "handshake/field_trace.hpp"

namespace tls::handshake::detail {

class Tracer {
 public:
  Tracer(FieldTrace *trace, ByteView root) : trace_(trace), root_(root) {}

  bool on() const { return trace_ != nullptr; }
  FieldTrace *trace() const { return trace_; }
  ByteView root() const { return root_; }

  // Records root[start, end) as `name`. Does nothing when tracing is off or the span is not
  // inside the root (a failed read).
  void add(std::string_view name, std::size_t start, std::size_t end,
           std::string meaning = {}) const;

 private:
  FieldTrace *trace_;
  ByteView root_;
};

// The alert of a parse's first failure. Reader failures are decode_error; a parser that finds
// a semantic error ("compression methods lack null") fails the Reader through here so that the
// alert travels with it. Only the first failure counts, as in Reader.
struct ParseAlert {
  AlertDescription alert = AlertDescription::decode_error;

  void fail(Reader &r, AlertDescription a, std::string_view what) {
    if (!r.ok()) return;
    alert = a;
    r.fail(what);
  }
  Error error(const Reader &r) const { return r.error(alert); }
};

// "32 bytes", "1 byte"
std::string count_text(std::size_t n, std::string_view unit = "byte");
// "0x1d", "0xc02f"
std::string hex_code(std::uint32_t value, int digits);
// "name (0x1d)" or "unknown (0x1d)" when name is null.
std::string named_code(const char *name, std::uint32_t value, int digits);
// The bytes as text when they are printable ASCII ("example.com"), else empty.
std::string printable_text(ByteView bytes);

}  // namespace tls::handshake::detail
