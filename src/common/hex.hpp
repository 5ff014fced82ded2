// Hexadecimal text <-> bytes, for test vectors, traces and key logs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"

namespace tls {

// Lower-case hex, no separators.
std::string to_hex(ByteView bytes);

// Parses hex digits (either case). Spaces, tabs and ':' between byte pairs are ignored so that
// vectors can be typed in as they are printed in RFCs. Returns nullopt on an odd digit count
// or a character that is not a hex digit.
std::optional<Bytes> from_hex(std::string_view text);

}  // namespace tls
