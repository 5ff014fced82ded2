#include "common/secure_buffer.hpp"

#include <sodium.h>

namespace tls {

void secure_zero(void *data, std::size_t size) noexcept {
  if (data != nullptr && size != 0) sodium_memzero(data, size);
}

}  // namespace tls
