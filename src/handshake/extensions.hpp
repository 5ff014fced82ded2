// The typed view of a hello's extensions: one field per extension tlspp understands, every
// other extension kept raw (type + bytes, in order) so that a server can ignore it and a trace
// can print it.
//
// Each field holds the form of the message it came from (ExtensionContext):
//
//   extension (RFC)                      ClientHello form            ServerHello form
//   server_name (6066)                   the host name               "" (an empty acknowledgement)
//   max_fragment_length (6066)           code 1..4 (2^9..2^12)       the same code echoed
//   supported_groups (8422, 7919)        NamedGroup list             — (not allowed)
//   ec_point_formats (8422)              format list                 format list
//   signature_algorithms (5246)          SignatureScheme list        — (not allowed)
//   application_layer_protocol_negotiation (7301)  protocol list     exactly one protocol
//   padding (7685)                       the padding bytes           — (not allowed)
//   encrypt_then_mac (7366)              empty                       empty
//   extended_master_secret (7627)        empty                       empty
//   record_size_limit (8449)             limit >= 64                 limit >= 64
//   session_ticket (5077)                the ticket (may be empty)   empty
//   renegotiation_info (5746)            renegotiated_connection     renegotiated_connection
//
// Parse errors: a malformed extension is decode_error; a value out of its range is
// illegal_parameter (max_fragment_length code, record_size_limit < 64, a second host_name);
// a bad host name is unrecognized_name (NUL byte, longer than 255 bytes — RFC 6066 §3 and what
// OpenSSL sends); an extension that has no form in a ServerHello is unsupported_extension.
// A duplicate type is decode_error.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "handshake/extension_block.hpp"
#include "handshake/extension_type.hpp"
#include "handshake/field_trace.hpp"

namespace tls::handshake {

// RFC 6066 §4 max_fragment_length codes.
enum class MaxFragmentLength : std::uint8_t { p2_9 = 1, p2_10 = 2, p2_11 = 3, p2_12 = 4 };
// 512, 1024, 2048, 4096; 0 for another code.
std::size_t max_fragment_length_bytes(std::uint8_t code) noexcept;

inline constexpr std::size_t kMaxHostNameLength = 255;    // as OpenSSL's TLSEXT_MAXLEN_host_name
inline constexpr std::uint16_t kMinRecordSizeLimit = 64;  // RFC 8449 §4

struct Extensions {
  std::optional<std::string> server_name;
  std::optional<std::uint8_t> max_fragment_length;  // a MaxFragmentLength code
  std::optional<std::vector<std::uint16_t>> supported_groups;
  std::optional<Bytes> ec_point_formats;
  std::optional<std::vector<std::uint16_t>> signature_algorithms;  // SignatureScheme codes
  std::optional<std::vector<std::string>> alpn;                    // protocol names
  std::optional<Bytes> padding;
  bool encrypt_then_mac = false;
  bool extended_master_secret = false;
  std::optional<std::uint16_t> record_size_limit;
  std::optional<Bytes> session_ticket;
  std::optional<Bytes> renegotiation_info;

  // Every other extension, in wire order.
  std::vector<RawExtension> unknown;

  // The wire order of all extensions, as parsed. Serializing writes these types first, in this
  // order, then any other present field in a fixed order (padding last), so that a parsed
  // block serializes back to its own bytes and a block built from scratch needs no order.
  std::vector<std::uint16_t> order;

  // True when this extension is present.
  bool has(std::uint16_t type) const;
  bool has(ExtensionType type) const { return has(to_wire(type)); }

  bool operator==(const Extensions &) const = default;
};

// Types the ClientHello form can carry but a ServerHello cannot.
bool client_only_extension(std::uint16_t type) noexcept;

// The typed view of a raw list (from ClientHello::extensions / ServerHello::extensions).
// The list must be free of duplicates (the hello parsers guarantee it; checked again here).
Result<Extensions> parse_extensions(std::span<const RawExtension> raw, ExtensionContext context);

// The typed view of a whole block (2-byte length + list), recording fields into `trace`.
Result<Extensions> parse_extension_block(ByteView block, ExtensionContext context,
                                         FieldTrace *trace = nullptr);

// The raw list for a hello. internal_error when a field holds what the parser would refuse
// (so that tlspp never sends what it would not accept).
Result<std::vector<RawExtension>> serialize_extensions(const Extensions &extensions,
                                                       ExtensionContext context);

// The whole block (2-byte length + list).
Result<Bytes> serialize_extension_block(const Extensions &extensions, ExtensionContext context);

// RFC 8422 §5.1.2 / §5.2: a peer that sends ec_point_formats must include uncompressed (0).
// True when the extension is absent or lists uncompressed.
bool allows_uncompressed_points(const Extensions &extensions);

// Records the decoded contents of one extension's data into `trace` (offsets relative to the
// start of the data; the caller opens a FieldTrace::Scope). A malformed extension adds a field
// named "error" whose meaning is the reason. Does nothing when `trace` is null.
void describe_extension_data(std::uint16_t type, ByteView data, ExtensionContext context,
                             FieldTrace *trace);

}  // namespace tls::handshake
