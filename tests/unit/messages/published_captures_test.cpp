// Every plaintext handshake message of every published capture parses with the negotiated
// context and serializes back to the same bytes; the message order of each flow is the one the
// source shows.
#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/certificate.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/certificate_verify.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/client_key_exchange.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/new_session_ticket.hpp"
#include "handshake/messages/server_hello.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "handshake/messages/server_key_exchange.hpp"

namespace tls::handshake {
namespace {

struct CaptureCase {
  const char *name;
  ProtocolVersion version;
  KeyExchangeKind kx;
  std::vector<std::vector<int>> flow_types;
};

const CaptureCase kCases[] = {
    {"illustrated_tls12",
     ProtocolVersion::tls12,
     KeyExchangeKind::ecdhe,
     {{1}, {2, 11, 12, 14}, {16}}},
    {"go_server_sslv3_rsa_aes",
     ProtocolVersion::ssl3,
     KeyExchangeKind::rsa,
     {{1}, {2, 11, 14}, {16}}},
    {"go_client_tlsv12_clientcert_rsa_rsa",
     ProtocolVersion::tls12,
     KeyExchangeKind::rsa,
     {{1}, {2, 11, 13, 14}, {11, 16, 15}}},
    {"go_client_tlsv10_ecdhe_rsa_aes",
     ProtocolVersion::tls10,
     KeyExchangeKind::ecdhe,
     {{1}, {2, 11, 12, 14}, {16}}},
    {"go_client_tlsv10_clientcert_rsa_rsa",
     ProtocolVersion::tls10,
     KeyExchangeKind::rsa,
     {{2, 11, 13, 14}, {11, 16, 15}}},
    {"go_server_tlsv12_issueticket",
     ProtocolVersion::tls12,
     KeyExchangeKind::rsa,
     {{1}, {2, 11, 14}, {16}, {4}}},
};

// Parses one message by its type and serializes it back.
Result<Bytes> reparse(const Bytes &message, ProtocolVersion version, KeyExchangeKind kx) {
  const ByteView body = ByteView(message).subspan(4);
  const KeyExchangeContext context{kx, version, false};
  auto again = [](auto parsed, auto &&serialize_back) -> Result<Bytes> {
    if (!parsed) return parsed.error();
    return serialize_back(*parsed);
  };
  switch (static_cast<HandshakeType>(message[0])) {
    case HandshakeType::client_hello:
      return again(ClientHello::parse(body), [](auto &m) { return serialize_message(m); });
    case HandshakeType::server_hello:
      return again(ServerHello::parse(body), [](auto &m) { return serialize_message(m); });
    case HandshakeType::certificate:
      return again(CertificateMessage::parse(body), [](auto &m) { return serialize_message(m); });
    case HandshakeType::server_key_exchange:
      return again(ServerKeyExchange::parse(body, context),
                   [&](auto &m) { return serialize_message(m, context); });
    case HandshakeType::certificate_request:
      return again(CertificateRequest::parse(body, version),
                   [&](auto &m) { return serialize_message(m, version); });
    case HandshakeType::server_hello_done:
      return again(ServerHelloDone::parse(body), [](auto &m) { return serialize_message(m); });
    case HandshakeType::client_key_exchange:
      return again(ClientKeyExchange::parse(body, context),
                   [&](auto &m) { return serialize_message(m, context); });
    case HandshakeType::certificate_verify:
      return again(CertificateVerify::parse(body, version),
                   [&](auto &m) { return serialize_message(m, version); });
    case HandshakeType::new_session_ticket:
      return again(NewSessionTicket::parse(body), [](auto &m) { return serialize_message(m); });
    case HandshakeType::finished:
      return again(Finished::parse(body, version),
                   [&](auto &m) { return serialize_message(m, version); });
    default:
      return make_error(AlertDescription::unexpected_message, "unexpected type");
  }
}

TEST(PublishedCaptures, EveryMessageParsesAndRoundTrips) {
  for (const CaptureCase &c : kCases) {
    SCOPED_TRACE(c.name);
    const auto capture = testing::load_capture(c.name);
    ASSERT_EQ(capture.flows.size(), c.flow_types.size());
    for (std::size_t f = 0; f < capture.flows.size(); ++f) {
      const auto &flow = capture.flows[f];
      std::vector<int> types;
      for (const Bytes &m : flow.handshake_messages)
        types.push_back(m[0]);
      EXPECT_EQ(types, c.flow_types[f]) << flow.label;
      for (const Bytes &m : flow.handshake_messages) {
        auto wire = reparse(m, c.version, c.kx);
        ASSERT_TRUE(wire.ok()) << flow.label << " type " << int(m[0]) << ": "
                               << wire.error().to_string();
        EXPECT_EQ(*wire, m) << flow.label << " type " << int(m[0]);
      }
    }
    for (const Bytes &m : capture.messages) {
      auto wire = reparse(m, c.version, c.kx);
      ASSERT_TRUE(wire.ok()) << wire.error().to_string();
      EXPECT_EQ(*wire, m);
    }
  }
}

TEST(PublishedCaptures, FlowsThatChangeCipherSaySo) {
  const auto illustrated = testing::load_capture("illustrated_tls12");
  EXPECT_FALSE(illustrated.flows[1].change_cipher_spec);
  EXPECT_TRUE(illustrated.flows[2].change_cipher_spec);
  EXPECT_EQ(illustrated.messages.size(), 2u);
}

}  // namespace
}  // namespace tls::handshake
