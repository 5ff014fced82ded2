// Every other handshake message, and the framing. Input: selector byte, context byte, body.
//   selector % 11: 0 HelloRequest, 1 ServerHelloDone, 2 CertificateRequest, 3 CertificateVerify,
//                  4 ClientKeyExchange, 5 Finished, 6 NewSessionTicket, 7 ChangeCipherSpec,
//                  8 a framed message (split + describe), 9 SSLv2 hello detection,
//                  10 handshake header
//   context: bits 0-1 version (SSL 3.0 .. TLS 1.2), bits 2-3 key exchange (RSA, DHE, ECDHE),
//            bit 4 anonymous.
// Whatever parses serializes back to the body; tracing changes nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/certificate_verify.hpp"
#include "handshake/messages/change_cipher_spec.hpp"
#include "handshake/messages/client_key_exchange.hpp"
#include "handshake/messages/describe.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/hello_request.hpp"
#include "handshake/messages/new_session_ticket.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "record/sslv2_client_hello.hpp"

using namespace tls;
using namespace tls::handshake;

namespace {

// Parses with and without a trace, checks they agree, and checks the round trip.
template <class Parse, class Serialize>
void check(ByteView body, Parse &&parse, Serialize &&serialize_back, const char *what) {
  auto plain = parse(body, nullptr);
  FieldTrace trace;
  auto traced = parse(body, &trace);
  fuzz::require(plain.ok() == traced.ok(), "tracing changed the parse result");
  if (!plain.ok()) return;
  fuzz::require(*plain == *traced, "tracing changed the parsed message");
  fuzz::require_round_trip(serialize_back(*plain), body, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 2) return 0;
  const int kind = data[0] % 11;
  const std::uint8_t ctx = data[1];
  const ByteView body(data + 2, size - 2);
  const auto version = static_cast<ProtocolVersion>(0x0300 + (ctx & 3));
  const KeyExchangeKind kinds[] = {KeyExchangeKind::rsa, KeyExchangeKind::dhe,
                                   KeyExchangeKind::ecdhe, KeyExchangeKind::ecdhe};
  const KeyExchangeContext kx{kinds[(ctx >> 2) & 3], version, (ctx & 16) != 0};

  switch (kind) {
    case 0:
      check(
          body, [](ByteView b, FieldTrace *t) { return HelloRequest::parse(b, t); },
          [](const HelloRequest &m) { return serialize(m); }, "HelloRequest");
      break;
    case 1:
      check(
          body, [](ByteView b, FieldTrace *t) { return ServerHelloDone::parse(b, t); },
          [](const ServerHelloDone &m) { return serialize(m); }, "ServerHelloDone");
      break;
    case 2:
      check(
          body, [&](ByteView b, FieldTrace *t) { return CertificateRequest::parse(b, version, t); },
          [&](const CertificateRequest &m) { return serialize(m, version); }, "CertificateRequest");
      break;
    case 3:
      check(
          body, [&](ByteView b, FieldTrace *t) { return CertificateVerify::parse(b, version, t); },
          [&](const CertificateVerify &m) { return serialize(m, version); }, "CertificateVerify");
      break;
    case 4:
      check(
          body, [&](ByteView b, FieldTrace *t) { return ClientKeyExchange::parse(b, kx, t); },
          [&](const ClientKeyExchange &m) { return serialize(m, kx); }, "ClientKeyExchange");
      break;
    case 5:
      check(
          body, [&](ByteView b, FieldTrace *t) { return Finished::parse(b, version, t); },
          [&](const Finished &m) { return serialize(m, version); }, "Finished");
      break;
    case 6:
      check(
          body, [](ByteView b, FieldTrace *t) { return NewSessionTicket::parse(b, t); },
          [](const NewSessionTicket &m) { return serialize(m); }, "NewSessionTicket");
      break;
    case 7: {
      auto ccs = ChangeCipherSpec::parse(body);
      if (ccs.ok()) {
        const Bytes out = serialize(*ccs);
        fuzz::require(out.size() == body.size() && std::equal(out.begin(), out.end(), body.begin()),
                      "ChangeCipherSpec round trip");
      }
      break;
    }
    case 8: {
      auto split = split_handshake_message(body);
      const auto description = describe_handshake_message(body, {version, kx.kx, kx.anonymous});
      fuzz::require(!split.ok() || description.type.has_value(), "describe disagrees with split");
      if (split.ok()) {
        fuzz::require_round_trip(frame_handshake(split->type, split->body), body, "framing");
      }
      for (const Field &f : description.fields) {
        fuzz::require(f.offset + f.length <= body.size(), "a field outside the message");
        fuzz::require(f.bytes.size() == 2 * f.length, "field bytes and length disagree");
      }
      break;
    }
    case 9:
      if (record::looks_like_sslv2_client_hello(body)) {
        fuzz::require(body.size() >= 3 && (body[0] & 0x80) != 0, "SSLv2 detection");
        (void)record::sslv2_client_hello_error(body);
      }
      break;
    case 10: {
      auto header = parse_handshake_header(body);
      fuzz::require(header.ok() == (body.size() >= 4), "header needs exactly 4 bytes");
      auto complete = complete_message_size(body);
      if (complete) fuzz::require(*complete <= body.size(), "complete size beyond the input");
      break;
    }
  }
  return 0;
}
