#include "handshake/messages/certificate_verify.hpp"

#include "common/reader.hpp"

namespace tls::handshake {

Result<CertificateVerify> CertificateVerify::parse(ByteView body, ProtocolVersion version,
                                                   FieldTrace *trace) {
  Reader r(body, "CertificateVerify");
  CertificateVerify message;
  message.signature = detail::read_digitally_signed(r, detail::Tracer(trace, body), version);
  if (!r.expect_end()) return r.error();
  return message;
}

Status serialize(const CertificateVerify &message, ProtocolVersion version, Writer &w) {
  TLS_TRY(write_digitally_signed(w, message.signature, version));
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const CertificateVerify &message, ProtocolVersion version) {
  return build_bytes([&](Writer &w) { return serialize(message, version, w); });
}

Result<Bytes> serialize_message(const CertificateVerify &message, ProtocolVersion version) {
  return build_handshake_message(CertificateVerify::kType,
                                 [&](Writer &w) { return serialize(message, version, w); });
}

}  // namespace tls::handshake
