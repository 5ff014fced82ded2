#include "handshake/messages/describe.hpp"

#include "handshake/messages/certificate.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/certificate_verify.hpp"
#include "handshake/messages/change_cipher_spec.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/client_key_exchange.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/hello_request.hpp"
#include "handshake/messages/new_session_ticket.hpp"
#include "handshake/messages/server_hello.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "handshake/messages/server_key_exchange.hpp"
#include "handshake/parse_support.hpp"

namespace tls::handshake {

Status describe_handshake_body(HandshakeType type, ByteView body, const MessageContext &context,
                               FieldTrace &trace) {
  const KeyExchangeContext kx{context.kx, context.version, context.anonymous};
  switch (type) {
    case HandshakeType::hello_request:
      return HelloRequest::parse(body, &trace).status();
    case HandshakeType::client_hello:
      return ClientHello::parse(body, &trace).status();
    case HandshakeType::server_hello:
      return ServerHello::parse(body, &trace).status();
    case HandshakeType::new_session_ticket:
      return NewSessionTicket::parse(body, &trace).status();
    case HandshakeType::certificate:
      return CertificateMessage::parse(body, &trace).status();
    case HandshakeType::server_key_exchange:
      return ServerKeyExchange::parse(body, kx, &trace).status();
    case HandshakeType::certificate_request:
      return CertificateRequest::parse(body, context.version, &trace).status();
    case HandshakeType::server_hello_done:
      return ServerHelloDone::parse(body, &trace).status();
    case HandshakeType::certificate_verify:
      return CertificateVerify::parse(body, context.version, &trace).status();
    case HandshakeType::client_key_exchange:
      return ClientKeyExchange::parse(body, kx, &trace).status();
    case HandshakeType::finished:
      return Finished::parse(body, context.version, &trace).status();
    default:
      if (!body.empty()) {
        detail::Tracer(&trace, body).add("body", 0, body.size(), "not decoded by tlspp");
      }
      return Status();
  }
}

Description describe_handshake_message(ByteView message, const MessageContext &context) {
  Description out;
  FieldTrace trace;
  auto split = split_handshake_message(message, &trace);
  if (!split) {
    out.error = split.error();
  } else {
    out.type = split->type;
    FieldTrace::Scope scope(&trace, "", kHandshakeHeaderSize);
    Status status = describe_handshake_body(split->type, split->body, context, trace);
    if (!status.ok()) out.error = status.error();
  }
  out.fields = trace.take();
  return out;
}

Description describe_change_cipher_spec(ByteView payload) {
  Description out;
  FieldTrace trace;
  auto parsed = ChangeCipherSpec::parse(payload, &trace);
  if (!parsed) out.error = parsed.error();
  out.fields = trace.take();
  return out;
}

}  // namespace tls::handshake
