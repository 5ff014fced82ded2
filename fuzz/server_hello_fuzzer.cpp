// ServerHello bodies: round trip, tracing neutral, typed extensions (server form) round trip.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/extensions.hpp"
#include "handshake/messages/server_hello.hpp"

using namespace tls;
using namespace tls::handshake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const ByteView input(data, size);
  auto hello = ServerHello::parse(input);
  FieldTrace trace;
  auto traced = ServerHello::parse(input, &trace);
  fuzz::require(hello.ok() == traced.ok(), "tracing changed the parse result");
  if (!hello.ok()) return 0;
  fuzz::require(*hello == *traced, "tracing changed the parsed hello");
  fuzz::require_round_trip(serialize(*hello), input, "ServerHello");
  auto typed = parse_extensions(hello->extensions, ExtensionContext::server_hello);
  if (typed.ok()) {
    auto raw = serialize_extensions(*typed, ExtensionContext::server_hello);
    fuzz::require(raw.ok() && *raw == hello->extensions, "typed extensions do not round-trip");
  }
  return 0;
}
