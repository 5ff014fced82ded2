// ClientHello bodies: whatever parses serializes back to the same bytes; tracing does not change
// the result; a parsed hello's extensions either parse as typed extensions (and round-trip) or
// fail with an alert.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/extensions.hpp"
#include "handshake/messages/client_hello.hpp"

using namespace tls;
using namespace tls::handshake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const ByteView input(data, size);
  auto hello = ClientHello::parse(input);
  FieldTrace trace;
  auto traced = ClientHello::parse(input, &trace);
  fuzz::require(hello.ok() == traced.ok(), "tracing changed the parse result");
  if (!hello.ok()) return 0;
  fuzz::require(*hello == *traced, "tracing changed the parsed hello");
  fuzz::require_round_trip(serialize(*hello), input, "ClientHello");
  auto typed = parse_extensions(hello->extensions, ExtensionContext::client_hello);
  if (typed.ok()) {
    auto raw = serialize_extensions(*typed, ExtensionContext::client_hello);
    fuzz::require(raw.ok() && *raw == hello->extensions, "typed extensions do not round-trip");
  }
  return 0;
}
