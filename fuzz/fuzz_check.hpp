// Shared by the message fuzz targets: a failed round trip must crash the fuzzer loudly.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/hex.hpp"

namespace tls::fuzz {

// Aborts, printing what broke, unless `condition` holds.
inline void require(bool condition, const char *what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

// Whatever parsed must serialize back to exactly the input.
template <class Serialized>
void require_round_trip(const Serialized &serialized, ByteView input, const char *what) {
  if (!serialized.ok()) {
    std::fprintf(stderr, "%s: parsed but does not serialize: %s\n", what,
                 serialized.error().to_string().c_str());
    std::abort();
  }
  if (!(ByteView(*serialized).size() == input.size() &&
        std::equal(input.begin(), input.end(), serialized->begin()))) {
    std::fprintf(stderr, "%s: round trip differs\n  in:  %s\n  out: %s\n", what,
                 to_hex(input).c_str(), to_hex(*serialized).c_str());
    std::abort();
  }
}

}  // namespace tls::fuzz
