// Hex for the tools' output: one string, or a dump of 16 bytes a line.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace tls::tools {

inline std::string hex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0x0f];
  }
  return out;
}

inline std::string upper_hex(std::span<const std::uint8_t> bytes) {
  std::string out = hex(bytes);
  for (char &c : out)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// "    01 00 00 b9 03 03 ..." lines of `per_line` bytes, each line starting with `indent`.
inline std::string hex_dump(std::span<const std::uint8_t> bytes, const std::string &indent,
                            std::size_t per_line = 16) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += per_line) {
    out += indent;
    for (std::size_t j = i; j < bytes.size() && j < i + per_line; ++j) {
      if (j > i) out += ' ';
      out += hex(bytes.subspan(j, 1));
    }
    out += '\n';
  }
  return out;
}

}  // namespace tls::tools
