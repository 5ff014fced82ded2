// Certificate (RFC 5246 §7.4.2, §7.4.6):
//   ASN.1Cert certificate_list<0..2^24-1>;  ASN.1Cert = opaque<1..2^24-1> (DER)
// The sender's certificate first, each following one certifying the one before. An empty list
// is a client with no certificate (TLS; an SSL 3.0 client sends a no_certificate alert
// instead). The DER is kept as bytes; src/x509 decodes it.
#pragma once

#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

// Named CertificateMessage so that it does not read as x509::Certificate.
struct CertificateMessage {
  static constexpr HandshakeType kType = HandshakeType::certificate;

  std::vector<Bytes> certificate_list;  // DER certificates, leaf first

  static Result<CertificateMessage> parse(ByteView body, FieldTrace *trace = nullptr);

  bool operator==(const CertificateMessage &) const = default;
};

Status serialize(const CertificateMessage &message, Writer &w);
Result<Bytes> serialize(const CertificateMessage &message);
Result<Bytes> serialize_message(const CertificateMessage &message);

}  // namespace tls::handshake
