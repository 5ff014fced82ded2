#include "handshake/messages/digitally_signed.hpp"

#include "handshake/messages/key_exchange.hpp"
#include "handshake/signature_scheme.hpp"

namespace tls::handshake {

Status write_digitally_signed(Writer &w, const DigitallySigned &signed_value,
                              ProtocolVersion version) {
  const bool want_scheme = signs_with_algorithm(version);
  if (signed_value.scheme.has_value() != want_scheme) {
    return make_error(
        AlertDescription::internal_error,
        std::string("digitally-signed: ") + version_name(version) +
            (want_scheme ? " needs a signature algorithm" : " carries no signature algorithm"));
  }
  if (signed_value.scheme) w.u16(*signed_value.scheme);
  w.opaque16(signed_value.signature);
  return Status();
}

namespace detail {

DigitallySigned read_digitally_signed(Reader &r, const Tracer &t, ProtocolVersion version) {
  DigitallySigned out;
  if (signs_with_algorithm(version)) {
    const std::size_t at = r.offset();
    const std::uint16_t scheme = r.u16();
    if (!r.ok()) return out;
    out.scheme = scheme;
    if (t.on())
      t.add("signature_algorithm", at, at + 2,
            named_code(signature_scheme_name(scheme), scheme, 4));
  }
  const std::size_t at = r.offset();
  const ByteView signature = r.opaque16();
  if (!r.ok()) return out;
  out.signature.assign(signature.begin(), signature.end());
  if (t.on()) {
    t.add("signature.length", at, at + 2, count_text(signature.size()));
    if (!signature.empty()) t.add("signature", at + 2, r.offset());
  }
  return out;
}

}  // namespace detail
}  // namespace tls::handshake
