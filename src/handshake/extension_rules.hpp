// Rules about which extensions may appear where, and the ClientHello padding rule.
//
// - RFC 5246 §7.4.1.4: a server may send only extension types the client offered; a client
//   that receives another aborts with unsupported_extension. RFC 5746 §3.6 lets the server
//   answer TLS_EMPTY_RENEGOTIATION_INFO_SCSV with renegotiation_info, so the SCSV counts as
//   offering it.
// - When SSL 3.0 is negotiated the server's hello carries no extension but renegotiation_info
//   (RFC 5746 §4.5 / §4.6 allow it there; SSL 3.0 has no other extension).
// - A server ignores extensions it does not know (Extensions::unknown).
// - Padding (RFC 7685): some F5 load balancers hang on a ClientHello whose handshake message
//   is 256..511 bytes long (draft-agl-tls-padding §1, the "F5 bug"); a client pads such a
//   hello to 512 bytes, as OpenSSL and BoringSSL do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <tls/version.hpp>

#include "common/error.hpp"
#include "handshake/extension_block.hpp"
#include "handshake/extensions.hpp"
#include "handshake/messages/client_hello.hpp"

namespace tls::handshake {

// The extension types a ClientHello offers, in its order; renegotiation_info is added (once)
// when the cipher list carries TLS_EMPTY_RENEGOTIATION_INFO_SCSV.
std::vector<std::uint16_t> offered_extension_types(const ClientHello &hello);

// The client's check of a ServerHello's extensions: unsupported_extension for a type not in
// `offered`, or — when `negotiated` is SSL 3.0 — for anything but renegotiation_info.
Status check_server_hello_extensions(std::span<const RawExtension> received,
                                     std::span<const std::uint16_t> offered,
                                     ProtocolVersion negotiated);

// True for the extensions a ServerHello may carry when SSL 3.0 is negotiated.
bool allowed_in_ssl3_server_hello(std::uint16_t type) noexcept;

// Drops every extension but renegotiation_info (what a server answers when it negotiates
// SSL 3.0).
void restrict_to_ssl3(Extensions &extensions);

// The handshake-message sizes the F5 bug chokes on, and the size padding brings them to.
inline constexpr std::size_t kPaddingMinLength = 256;
inline constexpr std::size_t kPaddingMaxLength = 511;
inline constexpr std::size_t kPaddingTarget = 512;

// The length of the padding extension's data for a ClientHello whose handshake message
// (4-byte header included, extension block present, no padding extension yet) is
// `unpadded_length` bytes; nullopt outside 256..511. The result makes the message 512 bytes,
// except that the extension always carries at least one byte (WebSphere refuses an empty
// last extension), so 508..511 become 513..516.
std::optional<std::size_t> client_hello_padding_length(std::size_t unpadded_length) noexcept;

// Appends a zero-filled padding extension when the hello needs it (adding the extension block
// if it had none). Returns whether it padded; internal_error when the hello already has a
// padding extension or does not serialize.
Result<bool> pad_client_hello(ClientHello &hello);

}  // namespace tls::handshake
