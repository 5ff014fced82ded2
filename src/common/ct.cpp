#include "common/ct.hpp"

#include <sodium.h>

namespace tls::ct {

bool equal(ByteView a, ByteView b) noexcept {
  return equal_mask(a, b) == 0xff;
}

std::uint8_t equal_mask(ByteView a, ByteView b) noexcept {
  if (a.size() != b.size()) return 0;
  if (a.empty()) return 0xff;
  // sodium_memcmp runs in time that depends only on the length.
  const int differ = sodium_memcmp(a.data(), b.data(), a.size());  // 0 or -1
  return static_cast<std::uint8_t>(~differ);
}

void select_bytes(std::uint8_t mask, ByteView a, ByteView b, MutableByteView dst) noexcept {
  for (std::size_t i = 0; i < dst.size(); ++i)
    dst[i] = select<std::uint8_t>(mask, a[i], b[i]);
}

}  // namespace tls::ct
