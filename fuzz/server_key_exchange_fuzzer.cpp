// ServerKeyExchange bodies. The first input byte chooses the context:
//   bits 0-1 version (SSL 3.0, TLS 1.0, 1.1, 1.2), bit 2 DHE (else ECDHE), bit 3 anonymous.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/messages/server_key_exchange.hpp"

using namespace tls;
using namespace tls::handshake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t selector = data[0];
  const ByteView input(data + 1, size - 1);
  KeyExchangeContext context;
  context.version = static_cast<ProtocolVersion>(0x0300 + (selector & 3));
  context.kx = (selector & 4) != 0 ? KeyExchangeKind::dhe : KeyExchangeKind::ecdhe;
  context.anonymous = (selector & 8) != 0;

  auto message = ServerKeyExchange::parse(input, context);
  FieldTrace trace;
  auto traced = ServerKeyExchange::parse(input, context, &trace);
  fuzz::require(message.ok() == traced.ok(), "tracing changed the parse result");
  if (!message.ok()) return 0;
  fuzz::require(*message == *traced, "tracing changed the parsed message");
  fuzz::require_round_trip(serialize(*message, context), input, "ServerKeyExchange");
  // The signed params are a prefix of the body and re-encode to themselves.
  auto params = encode_server_params(*message);
  fuzz::require(params.ok() && *params == message->raw_params, "raw_params differ from params");
  fuzz::require(std::equal(message->raw_params.begin(), message->raw_params.end(), input.begin()),
                "raw_params are not the start of the body");
  return 0;
}
