// CertificateVerify (RFC 5246 §7.4.8): digitally-signed over the handshake messages so far —
// with a SignatureAndHashAlgorithm in TLS 1.2, without it in TLS 1.0/1.1 and SSL 3.0
// (see digitally_signed.hpp).
#pragma once

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/digitally_signed.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

struct CertificateVerify {
  static constexpr HandshakeType kType = HandshakeType::certificate_verify;

  DigitallySigned signature;

  static Result<CertificateVerify> parse(ByteView body, ProtocolVersion version,
                                         FieldTrace *trace = nullptr);

  bool operator==(const CertificateVerify &) const = default;
};

Status serialize(const CertificateVerify &message, ProtocolVersion version, Writer &w);
Result<Bytes> serialize(const CertificateVerify &message, ProtocolVersion version);
Result<Bytes> serialize_message(const CertificateVerify &message, ProtocolVersion version);

}  // namespace tls::handshake
