// Buffers for secrets (keys, pre-master and master secrets, key blocks): their memory is
// zeroed whenever it is released — on destruction and on every reallocation — so a secret
// does not linger in freed heap memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "common/bytes.hpp"

namespace tls {

// Overwrites memory in a way the compiler may not optimise away.
void secure_zero(void *data, std::size_t size) noexcept;
inline void secure_zero(MutableByteView data) noexcept {
  secure_zero(data.data(), data.size());
}

template <class T>
struct ZeroingAllocator {
  using value_type = T;

  ZeroingAllocator() noexcept = default;
  template <class U>
  ZeroingAllocator(const ZeroingAllocator<U> &) noexcept {}  // NOLINT: rebinding

  T *allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T *p, std::size_t n) noexcept {
    secure_zero(p, n * sizeof(T));
    std::allocator<T>{}.deallocate(p, n);
  }

  template <class U>
  bool operator==(const ZeroingAllocator<U> &) const noexcept {
    return true;
  }
};

// A byte vector whose storage is zeroed when released. Use it for every secret.
using SecureBuffer = std::vector<std::uint8_t, ZeroingAllocator<std::uint8_t>>;

inline SecureBuffer to_secure(ByteView bytes) {
  return SecureBuffer(bytes.begin(), bytes.end());
}

}  // namespace tls
