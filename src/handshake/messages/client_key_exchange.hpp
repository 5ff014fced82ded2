// ClientKeyExchange (RFC 5246 §7.4.7, RFC 8422 §5.7, RFC 6101 §5.6.7):
//   RSA:   EncryptedPreMasterSecret — opaque<0..2^16-1> in TLS; in SSL 3.0 the ciphertext
//          fills the body with NO length prefix
//   DHE:   opaque dh_Yc<1..2^16-1>        (explicit; tlspp has no fixed-DH client certificates)
//   ECDHE: opaque point<1..2^8-1>         (ecdh_Yc)
// The layout depends on the negotiated key exchange and version (KeyExchangeContext).
// Checks: every length, nothing trailing (decode_error). Whether the value is acceptable (RSA
// ciphertext size, 1 < Yc < p-1, point on the curve) is for the machine and the provider; for
// RSA the machine must not reveal why decryption failed.
#pragma once

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/key_exchange.hpp"

namespace tls::handshake {

struct ClientKeyExchange {
  static constexpr HandshakeType kType = HandshakeType::client_key_exchange;

  KeyExchangeKind kx = KeyExchangeKind::ecdhe;
  // RFC 5246's name: the encrypted pre-master secret (RSA), dh_Yc (DHE) or the point (ECDHE).
  Bytes exchange_keys;

  static Result<ClientKeyExchange> parse(ByteView body, const KeyExchangeContext &context,
                                         FieldTrace *trace = nullptr);

  bool operator==(const ClientKeyExchange &) const = default;
};

// internal_error when kx differs from the context's or the value does not fit its field.
Status serialize(const ClientKeyExchange &message, const KeyExchangeContext &context, Writer &w);
Result<Bytes> serialize(const ClientKeyExchange &message, const KeyExchangeContext &context);
Result<Bytes> serialize_message(const ClientKeyExchange &message,
                                const KeyExchangeContext &context);

}  // namespace tls::handshake
