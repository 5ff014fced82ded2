// CertificateRequest (RFC 5246 §7.4.4; RFC 4346 / RFC 6101 without the algorithms):
//   ClientCertificateType certificate_types<1..2^8-1>;
//   SignatureAndHashAlgorithm supported_signature_algorithms<2^16-1>;   -- TLS 1.2 only
//   DistinguishedName certificate_authorities<0..2^16-1>;  DistinguishedName = opaque<1..2^16-1>
// Checks: every length, an even algorithm list (decode_error).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

// ClientCertificateType (RFC 5246 §7.4.4, RFC 8422 §5.5).
enum class ClientCertificateType : std::uint8_t {
  rsa_sign = 1,
  dss_sign = 2,
  rsa_fixed_dh = 3,
  dss_fixed_dh = 4,
  rsa_ephemeral_dh = 5,  // reserved
  dss_ephemeral_dh = 6,  // reserved
  fortezza_dms = 20,     // reserved (SSL 3.0)
  ecdsa_sign = 64,
  rsa_fixed_ecdh = 65,
  ecdsa_fixed_ecdh = 66,
};

// "rsa_sign", ...; nullptr for a code with no name.
const char *client_certificate_type_name(std::uint8_t type) noexcept;

struct CertificateRequest {
  static constexpr HandshakeType kType = HandshakeType::certificate_request;

  Bytes certificate_types;  // ClientCertificateType codes
  // TLS 1.2: supported_signature_algorithms (SignatureScheme codes); nullopt before TLS 1.2.
  std::optional<std::vector<std::uint16_t>> signature_algorithms;
  std::vector<Bytes> certificate_authorities;  // DER DistinguishedNames

  static Result<CertificateRequest> parse(ByteView body, ProtocolVersion version,
                                          FieldTrace *trace = nullptr);

  bool operator==(const CertificateRequest &) const = default;
};

// internal_error when signature_algorithms' presence does not match the version, or a list is
// empty where the format needs an element.
Status serialize(const CertificateRequest &message, ProtocolVersion version, Writer &w);
Result<Bytes> serialize(const CertificateRequest &message, ProtocolVersion version);
Result<Bytes> serialize_message(const CertificateRequest &message, ProtocolVersion version);

}  // namespace tls::handshake
