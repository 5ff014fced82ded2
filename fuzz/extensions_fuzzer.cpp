// Extension blocks (2-byte length + list). The first input byte chooses the context: bit 0 set
// for a ServerHello's block. Whatever parses as typed extensions serializes back to the same
// bytes; the raw and typed parsers agree; describing never changes anything.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/extensions.hpp"

using namespace tls;
using namespace tls::handshake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1) return 0;
  const auto context =
      (data[0] & 1) != 0 ? ExtensionContext::server_hello : ExtensionContext::client_hello;
  const ByteView input(data + 1, size - 1);

  auto raw = parse_raw_extension_block(input);
  auto typed = parse_extension_block(input, context);
  FieldTrace trace;
  auto traced = parse_extension_block(input, context, &trace);
  fuzz::require(typed.ok() == traced.ok(), "tracing changed the parse result");
  if (typed.ok()) {
    fuzz::require(raw.ok(), "typed parse accepted what the raw parse refused");
    fuzz::require(*typed == *traced, "tracing changed the parsed extensions");
    fuzz::require_round_trip(serialize_extension_block(*typed, context), input, "extensions");
  }
  if (raw.ok()) {
    Writer w;
    write_extension_block(w, *raw);
    fuzz::require(w.ok() && w.data().size() == input.size() &&
                      std::equal(input.begin(), input.end(), w.data().begin()),
                  "raw extension block does not round-trip");
  }
  return 0;
}
