// The extension block of a hello (RFC 5246 §7.4.1.4):
//   Extension extensions<0..2^16-1>;  Extension = ExtensionType (u16) + opaque data<0..2^16-1>
// kept raw, type and bytes in wire order, so that a server can ignore what it does not know, a
// trace can print everything, and a parsed hello serializes back to the same bytes. The typed
// view of the extensions tlspp understands is in extensions.hpp.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/reader.hpp"
#include "common/writer.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

struct RawExtension {
  std::uint16_t type = 0;
  Bytes data;  // extension_data, without its length

  bool operator==(const RawExtension &) const = default;
};

// Which message an extension block belongs to: the same extension has a different form (and
// different rules) in a ClientHello and in a ServerHello.
enum class ExtensionContext : std::uint8_t { client_hello, server_hello };

// The first extension of that type, or nullptr.
const RawExtension *find_extension(std::span<const RawExtension> extensions,
                                   std::uint16_t type) noexcept;

// Parses a whole block: the 2-byte length and the list, with nothing after it. A duplicate type
// is decode_error (RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension of the same
// type").
Result<std::vector<RawExtension>> parse_raw_extension_block(ByteView block);

// Writes the 2-byte length and the list. internal_error (through the Writer) on a duplicate
// type or on data too long for its length field.
void write_extension_block(Writer &w, std::span<const RawExtension> extensions);

namespace detail {

// A set of extension types with constant-time insert: duplicate checks stay linear however many
// extensions a hostile hello carries.
class ExtensionTypeSet {
 public:
  // False when the type was already there.
  bool insert(std::uint16_t type) {
    if (bits_.test(type)) return false;
    bits_.set(type);
    return true;
  }
  bool contains(std::uint16_t type) const { return bits_.test(type); }

 private:
  std::bitset<0x10000> bits_;
};

// The block reader the hello parsers share: reads the length and the list from `r`, checks
// duplicates, and — when tracing — records each extension's header and its decoded contents
// (as `context` describes them). Failures are left in `r`.
std::vector<RawExtension> read_extension_block(Reader &r, const Tracer &t,
                                               ExtensionContext context);

}  // namespace detail
}  // namespace tls::handshake
