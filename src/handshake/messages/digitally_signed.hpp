// The digitally-signed element of ServerKeyExchange and CertificateVerify (RFC 5246 §4.7):
//   TLS 1.2:            SignatureAndHashAlgorithm algorithm; opaque signature<0..2^16-1>;
//   TLS 1.0/1.1, SSL 3.0:                                     opaque signature<0..2^16-1>;
// Before TLS 1.2 the algorithm is implied by the key (signature_scheme.hpp,
// legacy_signature_params()).
#pragma once

#include <cstdint>
#include <optional>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

struct DigitallySigned {
  std::optional<std::uint16_t> scheme;  // present exactly in TLS 1.2 (a SignatureScheme code)
  Bytes signature;

  bool operator==(const DigitallySigned &) const = default;
};

// internal_error when `scheme` is present in a version that has none, or missing in TLS 1.2.
Status write_digitally_signed(Writer &w, const DigitallySigned &signed_value,
                              ProtocolVersion version);

namespace detail {
// Records "signature_algorithm", "signature.length", "signature".
DigitallySigned read_digitally_signed(Reader &r, const Tracer &t, ProtocolVersion version);
}  // namespace detail

}  // namespace tls::handshake
