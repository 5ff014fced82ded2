#include "handshake/messages/finished.hpp"

#include "common/reader.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

std::size_t verify_data_size(ProtocolVersion version) noexcept {
  return version == ProtocolVersion::ssl3 ? kSsl3VerifyDataSize : kTlsVerifyDataSize;
}

Result<Finished> Finished::parse(ByteView body, ProtocolVersion version, FieldTrace *trace) {
  const std::size_t size = verify_data_size(version);
  Reader r(body, "Finished");
  if (body.size() != size) {
    r.fail("verify_data is " + detail::count_text(body.size()) + ", " + version_name(version) +
           " uses " + std::to_string(size));
    return r.error();
  }
  const detail::Tracer t(trace, body);
  if (t.on()) {
    if (version == ProtocolVersion::ssl3) {
      t.add("verify_data.md5_hash", 0, 16, "MD5(handshake messages + sender + master secret ...)");
      t.add("verify_data.sha_hash", 16, 36,
            "SHA-1(handshake messages + sender + master secret ...)");
    } else {
      t.add("verify_data", 0, size, "PRF(master_secret, finished_label, Hash(handshake messages))");
    }
  }
  Finished message;
  message.verify_data.assign(body.begin(), body.end());
  return message;
}

Status serialize(const Finished &message, ProtocolVersion version, Writer &w) {
  if (message.verify_data.size() != verify_data_size(version)) {
    return make_error(AlertDescription::internal_error,
                      "Finished: verify_data of " + std::to_string(message.verify_data.size()) +
                          " bytes, " + version_name(version) + " uses " +
                          std::to_string(verify_data_size(version)));
  }
  w.bytes(message.verify_data);
  return Status();
}

Result<Bytes> serialize(const Finished &message, ProtocolVersion version) {
  return build_bytes([&](Writer &w) { return serialize(message, version, w); });
}

Result<Bytes> serialize_message(const Finished &message, ProtocolVersion version) {
  return build_handshake_message(Finished::kType,
                                 [&](Writer &w) { return serialize(message, version, w); });
}

}  // namespace tls::handshake
