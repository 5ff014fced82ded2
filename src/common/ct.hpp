// Constant-time helpers: comparisons and selections whose running time does not depend on
// the values involved. A "mask" is all ones for true and all zeros for false, so that it can
// be combined with & | ~ instead of branching on a secret.
//
// The formulas are the classic ones (as in OpenSSL's constant_time.h). value_barrier() stops
// the compiler from recognising a mask as a boolean and turning it back into a branch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "common/bytes.hpp"

namespace tls::ct {

template <class T>
inline T value_barrier(T value) {
  static_assert(std::is_unsigned_v<T>);
#if defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+r"(value) : :);
#endif
  return value;
}

// All ones when the top bit of `a` is set.
template <class T>
inline T msb_mask(T a) {
  static_assert(std::is_unsigned_v<T>);
  return static_cast<T>(T(0) - (a >> (sizeof(T) * 8 - 1)));
}

template <class T>
inline T is_zero_mask(T a) {
  return msb_mask<T>(static_cast<T>(~a & (a - 1)));
}

template <class T>
inline T eq_mask(T a, T b) {
  return is_zero_mask<T>(static_cast<T>(a ^ b));
}

// All ones when a < b (unsigned).
template <class T>
inline T lt_mask(T a, T b) {
  return msb_mask<T>(static_cast<T>(a ^ ((a ^ b) | ((a - b) ^ b))));
}

template <class T>
inline T ge_mask(T a, T b) {
  return static_cast<T>(~lt_mask<T>(a, b));
}

// mask ? a : b
template <class T>
inline T select(T mask, T a, T b) {
  mask = value_barrier(mask);
  return static_cast<T>((mask & a) | (~mask & b));
}

// Narrows a mask to one byte (the mask is all ones or all zeros).
template <class T>
inline std::uint8_t to_u8(T mask) {
  return static_cast<std::uint8_t>(mask);
}

// True when a and b hold the same bytes; the time depends only on the lengths (which are
// public). Use for MACs, Finished values and padding.
bool equal(ByteView a, ByteView b) noexcept;

// 0xff when equal, 0 otherwise (same rules as equal()).
std::uint8_t equal_mask(ByteView a, ByteView b) noexcept;

// dst[i] = mask ? a[i] : b[i] for every i; a, b and dst have the same length.
void select_bytes(std::uint8_t mask, ByteView a, ByteView b, MutableByteView dst) noexcept;

}  // namespace tls::ct
