// The ChangeCipherSpec record's payload (RFC 5246 §7.1): exactly one byte, 1. It is a record
// of its own content type (20), not a handshake message, and is not part of the transcript.
// A payload of another length is decode_error; another value is illegal_parameter.
#pragma once

#include <cstdint>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "handshake/field_trace.hpp"

namespace tls::handshake {

inline constexpr std::uint8_t kChangeCipherSpecContentType = 20;
inline constexpr std::uint8_t kChangeCipherSpecValue = 1;

struct ChangeCipherSpec {
  static Result<ChangeCipherSpec> parse(ByteView payload, FieldTrace *trace = nullptr);

  bool operator==(const ChangeCipherSpec &) const = default;
};

// The payload: {1}.
Bytes serialize(const ChangeCipherSpec &message);

}  // namespace tls::handshake
