// Finished (RFC 5246 §7.4.9; RFC 6101 §5.6.9): verify_data, 12 bytes in TLS, 36 in SSL 3.0
// (md5_hash[16] + sha_hash[20]). Any other length is decode_error. The machine compares
// verify_data with tls::ct::equal.
#pragma once

#include <cstddef>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/writer.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"

namespace tls::handshake {

inline constexpr std::size_t kTlsVerifyDataSize = 12;
inline constexpr std::size_t kSsl3VerifyDataSize = 36;

// 36 for SSL 3.0, 12 otherwise.
std::size_t verify_data_size(ProtocolVersion version) noexcept;

struct Finished {
  static constexpr HandshakeType kType = HandshakeType::finished;

  Bytes verify_data;

  static Result<Finished> parse(ByteView body, ProtocolVersion version,
                                FieldTrace *trace = nullptr);

  bool operator==(const Finished &) const = default;
};

// internal_error when verify_data's size does not fit the version.
Status serialize(const Finished &message, ProtocolVersion version, Writer &w);
Result<Bytes> serialize(const Finished &message, ProtocolVersion version);
Result<Bytes> serialize_message(const Finished &message, ProtocolVersion version);

}  // namespace tls::handshake
