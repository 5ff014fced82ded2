// ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4, RFC 4346 / RFC 6101 for the older forms):
//
//   DHE:   ServerDHParams   { opaque dh_p<1..2^16-1>; opaque dh_g<1..2^16-1>;
//                             opaque dh_Ys<1..2^16-1>; }
//   ECDHE: ServerECDHParams { ECCurveType curve_type = named_curve(3); NamedCurve namedcurve;
//                             opaque point<1..2^8-1>; }
//   then, unless the suite is anonymous, digitally-signed over
//          client_random + server_random + params
//   (TLS 1.2 with a SignatureAndHashAlgorithm in front; TLS 1.0/1.1 and SSL 3.0 without).
//
// The layout depends on the negotiated key exchange and version, so parse() takes them
// (KeyExchangeContext). Checks: every length (decode_error); curve_type other than named_curve
// is illegal_parameter (tlspp never offers explicit curves); a context of RSA key exchange is
// unexpected_message (RSA suites have no ServerKeyExchange — FREAK). Whether the group, the
// point, p's size and Ys are acceptable is for the machine and the provider.
#pragma once

#include <cstdint>
#include <optional>
#include <variant>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/digitally_signed.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/hello_fields.hpp"
#include "handshake/messages/key_exchange.hpp"

namespace tls::handshake {

// ECCurveType (RFC 8422 §5.4).
enum class EcCurveType : std::uint8_t { explicit_prime = 1, explicit_char2 = 2, named_curve = 3 };

struct ServerDhParams {
  Bytes p;  // big-endian
  Bytes g;
  Bytes ys;  // the server's public value

  bool operator==(const ServerDhParams &) const = default;
};

struct ServerEcdhParams {
  std::uint16_t named_group = 0;  // a NamedGroup code
  Bytes point;                    // X25519: 32 bytes; P-256/P-384: uncompressed point

  bool operator==(const ServerEcdhParams &) const = default;
};

struct ServerKeyExchange {
  static constexpr HandshakeType kType = HandshakeType::server_key_exchange;

  std::variant<ServerDhParams, ServerEcdhParams> params;
  std::optional<DigitallySigned> signature;  // absent for anonymous suites
  // The params exactly as received: what the signature covers (after the two randoms).
  // Filled by parse(); serialize() writes from `params` and ignores it (use
  // encode_server_params() to get the bytes to sign).
  Bytes raw_params;

  KeyExchangeKind kx() const {
    return std::holds_alternative<ServerDhParams>(params) ? KeyExchangeKind::dhe
                                                          : KeyExchangeKind::ecdhe;
  }
  const ServerDhParams *dh() const { return std::get_if<ServerDhParams>(&params); }
  const ServerEcdhParams *ecdh() const { return std::get_if<ServerEcdhParams>(&params); }

  static Result<ServerKeyExchange> parse(ByteView body, const KeyExchangeContext &context,
                                         FieldTrace *trace = nullptr);

  bool operator==(const ServerKeyExchange &) const = default;
};

// The ServerDHParams / ServerECDHParams encoding of `params`.
Result<Bytes> encode_server_params(const ServerKeyExchange &message);

// client_random + server_random + params: the input of the signature (hashed by the signer as
// the scheme or the legacy form says).
Bytes server_key_exchange_signed_content(const Random &client_random, const Random &server_random,
                                         ByteView params);

// internal_error when the message does not fit the context (key exchange kind, signature
// presence, signature algorithm presence for the version) or a field is empty/too long.
Status serialize(const ServerKeyExchange &message, const KeyExchangeContext &context, Writer &w);
Result<Bytes> serialize(const ServerKeyExchange &message, const KeyExchangeContext &context);
Result<Bytes> serialize_message(const ServerKeyExchange &message,
                                const KeyExchangeContext &context);

}  // namespace tls::handshake
