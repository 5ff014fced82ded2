// Byte containers and views used across tlspp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tls {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using MutableByteView = std::span<std::uint8_t>;

// The bytes of a string, e.g. a PRF label.
inline ByteView as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

// Appends `tail` to `out`.
template <class Container>
inline void append(Container &out, ByteView tail) {
  out.insert(out.end(), tail.begin(), tail.end());
}

}  // namespace tls
