// Certificate message bodies: round trip, tracing neutral.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/messages/certificate.hpp"

using namespace tls;
using namespace tls::handshake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const ByteView input(data, size);
  auto message = CertificateMessage::parse(input);
  FieldTrace trace;
  auto traced = CertificateMessage::parse(input, &trace);
  fuzz::require(message.ok() == traced.ok(), "tracing changed the parse result");
  if (!message.ok()) return 0;
  fuzz::require(*message == *traced, "tracing changed the parsed message");
  fuzz::require_round_trip(serialize(*message), input, "Certificate");
  return 0;
}
