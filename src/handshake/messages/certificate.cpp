#include "handshake/messages/certificate.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Result<CertificateMessage> CertificateMessage::parse(ByteView body, FieldTrace *trace) {
  Reader r(body, "Certificate");
  const detail::Tracer t(trace, body);
  CertificateMessage message;
  const std::size_t list_at = r.offset();
  Reader list = r.vec24();
  if (t.on() && r.ok()) {
    t.add("certificate_list.length", list_at, list_at + 3, detail::count_text(list.remaining()));
  }
  while (list.ok() && !list.empty()) {
    const std::size_t at = list.offset();
    const ByteView der = list.opaque24(1);
    if (!list.ok()) break;
    if (t.on()) {
      const std::string name =
          "certificate_list[" + std::to_string(message.certificate_list.size()) + "]";
      t.add(name + ".length", at, at + 3, detail::count_text(der.size()));
      t.add(name, at + 3, list.offset(),
            message.certificate_list.empty() ? "DER certificate (the sender's)"
                                             : "DER certificate (issuer of the one before)");
    }
    message.certificate_list.emplace_back(der.begin(), der.end());
  }
  if (!r.expect_end()) return r.error();
  return message;
}

Status serialize(const CertificateMessage &message, Writer &w) {
  for (const Bytes &der : message.certificate_list) {
    if (der.empty()) {
      return make_error(AlertDescription::internal_error, "Certificate: an empty certificate");
    }
  }
  w.vec24([&](Writer &list) {
    for (const Bytes &der : message.certificate_list)
      list.opaque24(der);
  });
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const CertificateMessage &message) {
  return build_bytes([&](Writer &w) { return serialize(message, w); });
}

Result<Bytes> serialize_message(const CertificateMessage &message) {
  return build_handshake_message(CertificateMessage::kType,
                                 [&](Writer &w) { return serialize(message, w); });
}

}  // namespace tls::handshake
