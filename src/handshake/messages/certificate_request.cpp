#include "handshake/messages/certificate_request.hpp"

#include "common/reader.hpp"
#include "handshake/messages/key_exchange.hpp"
#include "handshake/parse_support.hpp"
#include "handshake/signature_scheme.hpp"

namespace tls::handshake {

using detail::count_text;
using detail::named_code;

const char *client_certificate_type_name(std::uint8_t type) noexcept {
  switch (static_cast<ClientCertificateType>(type)) {
    case ClientCertificateType::rsa_sign:
      return "rsa_sign";
    case ClientCertificateType::dss_sign:
      return "dss_sign";
    case ClientCertificateType::rsa_fixed_dh:
      return "rsa_fixed_dh";
    case ClientCertificateType::dss_fixed_dh:
      return "dss_fixed_dh";
    case ClientCertificateType::rsa_ephemeral_dh:
      return "rsa_ephemeral_dh_RESERVED";
    case ClientCertificateType::dss_ephemeral_dh:
      return "dss_ephemeral_dh_RESERVED";
    case ClientCertificateType::fortezza_dms:
      return "fortezza_dms_RESERVED";
    case ClientCertificateType::ecdsa_sign:
      return "ecdsa_sign";
    case ClientCertificateType::rsa_fixed_ecdh:
      return "rsa_fixed_ecdh";
    case ClientCertificateType::ecdsa_fixed_ecdh:
      return "ecdsa_fixed_ecdh";
  }
  return nullptr;
}

Result<CertificateRequest> CertificateRequest::parse(ByteView body, ProtocolVersion version,
                                                     FieldTrace *trace) {
  Reader r(body, "CertificateRequest");
  const detail::Tracer t(trace, body);
  CertificateRequest message;

  const std::size_t types_at = r.offset();
  const ByteView types = r.opaque8(1);
  if (r.ok()) {
    message.certificate_types.assign(types.begin(), types.end());
    if (t.on()) {
      t.add("certificate_types.length", types_at, types_at + 1, count_text(types.size()));
      for (std::size_t i = 0; i < types.size(); ++i) {
        t.add("certificate_types[" + std::to_string(i) + "]", types_at + 1 + i, types_at + 2 + i,
              named_code(client_certificate_type_name(types[i]), types[i], 2));
      }
    }
  }

  if (signs_with_algorithm(version)) {
    const std::size_t algs_at = r.offset();
    Reader algs = r.vec16();
    std::vector<std::uint16_t> schemes;
    if (r.ok()) {
      if (t.on()) {
        t.add("supported_signature_algorithms.length", algs_at, algs_at + 2,
              count_text(algs.remaining()));
      }
      if (algs.remaining() % 2 != 0) {
        algs.fail("supported_signature_algorithms has an odd length (" +
                  std::to_string(algs.remaining()) + ")");
      }
    }
    while (algs.ok() && !algs.empty()) {
      const std::size_t at = algs.offset();
      const std::uint16_t scheme = algs.u16();
      if (t.on()) {
        t.add("supported_signature_algorithms[" + std::to_string(schemes.size()) + "]", at, at + 2,
              named_code(signature_scheme_name(scheme), scheme, 4));
      }
      schemes.push_back(scheme);
    }
    if (r.ok()) message.signature_algorithms = std::move(schemes);
  }

  const std::size_t cas_at = r.offset();
  Reader cas = r.vec16();
  if (t.on() && r.ok()) {
    t.add("certificate_authorities.length", cas_at, cas_at + 2, count_text(cas.remaining()));
  }
  while (cas.ok() && !cas.empty()) {
    const std::size_t at = cas.offset();
    const ByteView dn = cas.opaque16(1);
    if (!cas.ok()) break;
    if (t.on()) {
      const std::string name =
          "certificate_authorities[" + std::to_string(message.certificate_authorities.size()) + "]";
      t.add(name + ".length", at, at + 2, count_text(dn.size()));
      t.add(name, at + 2, cas.offset(), "DER DistinguishedName");
    }
    message.certificate_authorities.emplace_back(dn.begin(), dn.end());
  }
  if (!r.expect_end()) return r.error();
  return message;
}

Status serialize(const CertificateRequest &message, ProtocolVersion version, Writer &w) {
  auto bad = [](const std::string &why) {
    return make_error(AlertDescription::internal_error, "CertificateRequest: " + why);
  };
  if (message.certificate_types.empty()) return bad("no certificate types");
  if (message.signature_algorithms.has_value() != signs_with_algorithm(version)) {
    return bad(std::string("signature algorithms ") +
               (signs_with_algorithm(version) ? "missing in " : "not allowed in ") +
               version_name(version));
  }
  for (const Bytes &dn : message.certificate_authorities) {
    if (dn.empty()) return bad("an empty DistinguishedName");
  }
  w.opaque8(message.certificate_types);
  if (message.signature_algorithms) {
    w.vec16([&](Writer &list) {
      for (std::uint16_t s : *message.signature_algorithms)
        list.u16(s);
    });
  }
  w.vec16([&](Writer &list) {
    for (const Bytes &dn : message.certificate_authorities)
      list.opaque16(dn);
  });
  if (!w.ok()) return w.error();
  return Status();
}

Result<Bytes> serialize(const CertificateRequest &message, ProtocolVersion version) {
  return build_bytes([&](Writer &w) { return serialize(message, version, w); });
}

Result<Bytes> serialize_message(const CertificateRequest &message, ProtocolVersion version) {
  return build_handshake_message(CertificateRequest::kType,
                                 [&](Writer &w) { return serialize(message, version, w); });
}

}  // namespace tls::handshake
