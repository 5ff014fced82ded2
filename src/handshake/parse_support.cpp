#include "handshake/parse_support.hpp"

#include <cstdio>

#include "common/hex.hpp"

namespace tls::handshake::detail {

void Tracer::add(std::string_view name, std::size_t start, std::size_t end,
                 std::string meaning) const {
  if (trace_ == nullptr || start > end || end > root_.size()) return;
  trace_->add(name, start, to_hex(root_.subspan(start, end - start)), std::move(meaning));
}

std::string count_text(std::size_t n, std::string_view unit) {
  std::string out = std::to_string(n) + " " + std::string(unit);
  if (n != 1) out += 's';
  return out;
}

std::string hex_code(std::uint32_t value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%0*x", digits, static_cast<unsigned>(value));
  return buffer;
}

std::string named_code(const char *name, std::uint32_t value, int digits) {
  return std::string(name != nullptr ? name : "unknown") + " (" + hex_code(value, digits) + ")";
}

std::string printable_text(ByteView bytes) {
  std::string out;
  for (std::uint8_t b : bytes) {
    if (b < 0x20 || b > 0x7e) return {};
    out += static_cast<char>(b);
  }
  return out;
}

}  // namespace tls::handshake::detail
