#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/finished.hpp"
#include "handshake/messages/new_session_ticket.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

TEST(Finished, ParsesTheIllustratedVerifyData) {
  const auto capture = load_capture("illustrated_tls12");
  ASSERT_EQ(capture.messages.size(), 2u);
  auto client = Finished::parse(body_of(capture.messages[0]), ProtocolVersion::tls12);
  auto server = Finished::parse(body_of(capture.messages[1]), ProtocolVersion::tls12);
  ASSERT_TRUE(client.ok() && server.ok());
  EXPECT_EQ(client->verify_data, hex("cf919626f1360c536aaad73a"));
  EXPECT_EQ(server->verify_data, hex("844d3c10746dd722f92f0c7e"));
}

TEST(Finished, LengthDependsOnTheVersion) {
  EXPECT_EQ(verify_data_size(ProtocolVersion::ssl3), 36u);
  for (auto v : {ProtocolVersion::tls10, ProtocolVersion::tls11, ProtocolVersion::tls12}) {
    EXPECT_EQ(verify_data_size(v), 12u);
  }
  EXPECT_TRUE(Finished::parse(Bytes(36, 1), ProtocolVersion::ssl3).ok());
  for (std::size_t n : {0, 11, 13, 35, 37}) {
    auto r = Finished::parse(Bytes(n, 1), n < 20 ? ProtocolVersion::tls12 : ProtocolVersion::ssl3);
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  }
  auto wrong = Finished::parse(Bytes(12, 1), ProtocolVersion::ssl3);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().reason.find("SSLv3 uses 36"), std::string::npos) << wrong.error().reason;
}

TEST(Finished, SerializeChecksTheLength) {
  Finished f;
  f.verify_data = Bytes(12, 7);
  EXPECT_TRUE(serialize(f, ProtocolVersion::tls10).ok());
  EXPECT_FALSE(serialize(f, ProtocolVersion::ssl3).ok());
  auto wire = serialize_message(f, ProtocolVersion::tls12);
  ASSERT_TRUE(wire.ok());
  EXPECT_EQ(*wire, hex("1400000c 070707070707070707070707"));
}

TEST(NewSessionTicket, ParsesGoTicket) {
  const Bytes body = body_of(load_capture("go_server_tlsv12_issueticket").message(4));
  auto nst = NewSessionTicket::parse(body);
  ASSERT_TRUE(nst.ok()) << nst.error().to_string();
  EXPECT_EQ(nst->lifetime_hint, 0u);
  EXPECT_EQ(nst->ticket.size(), 0x78u);
  EXPECT_EQ(Bytes(nst->ticket.begin(), nst->ticket.begin() + 4), hex("5046adc1"));
  auto parse = [](ByteView b) { return NewSessionTicket::parse(b).status(); };
  testing::expect_truncations_fail(body, parse);
  testing::expect_trailing_byte_fails(body, parse);
}

TEST(NewSessionTicket, EmptyTicketMeansNoneIssued) {
  auto nst = NewSessionTicket::parse(hex("00001c20 0000"));
  ASSERT_TRUE(nst.ok());
  EXPECT_EQ(nst->lifetime_hint, 7200u);
  EXPECT_TRUE(nst->ticket.empty());
  EXPECT_EQ(*serialize(*nst), hex("00001c20 0000"));
}

}  // namespace
}  // namespace tls::handshake
