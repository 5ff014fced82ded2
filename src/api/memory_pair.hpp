// Two in-memory channels joining an in-process client and server: what one end writes, the
// other reads. A channel may have a capacity, so that writers see want_write as on a socket.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>

#include "api/transport.hpp"

namespace tls {

std::pair<std::unique_ptr<Transport>, std::unique_ptr<Transport>> make_memory_pair(
    std::size_t capacity);

}  // namespace tls
