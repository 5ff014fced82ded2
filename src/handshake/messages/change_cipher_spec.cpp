#include "handshake/messages/change_cipher_spec.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Result<ChangeCipherSpec> ChangeCipherSpec::parse(ByteView payload, FieldTrace *trace) {
  Reader r(payload, "ChangeCipherSpec");
  detail::ParseAlert pa;
  const std::uint8_t value = r.u8();
  if (r.ok()) {
    if (trace != nullptr) {
      detail::Tracer(trace, payload)
          .add("type", 0, 1,
               value == kChangeCipherSpecValue ? "change_cipher_spec (1)" : "invalid");
    }
    if (value != kChangeCipherSpecValue) {
      pa.fail(r, AlertDescription::illegal_parameter,
              "payload byte is " + std::to_string(value) + ", must be 1");
    }
  }
  if (r.ok()) (void)r.expect_end();
  if (!r.ok()) return pa.error(r);
  return ChangeCipherSpec{};
}

Bytes serialize(const ChangeCipherSpec & /*message*/) {
  return Bytes{kChangeCipherSpecValue};
}

}  // namespace tls::handshake
