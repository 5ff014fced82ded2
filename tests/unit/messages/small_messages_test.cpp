// HelloRequest, ServerHelloDone, ChangeCipherSpec, the handshake header.
#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/change_cipher_spec.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/hello_request.hpp"
#include "handshake/messages/server_hello_done.hpp"

namespace tls::handshake {
namespace {

using testing::hex;

TEST(EmptyMessages, HelloRequestAndServerHelloDoneHaveEmptyBodies) {
  EXPECT_TRUE(HelloRequest::parse({}).ok());
  EXPECT_TRUE(ServerHelloDone::parse({}).ok());
  for (const Bytes &body : {hex("00"), hex("0000"), hex("ff")}) {
    auto a = HelloRequest::parse(body);
    auto b = ServerHelloDone::parse(body);
    ASSERT_FALSE(a.ok());
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(a.error().alert, AlertDescription::decode_error);
    EXPECT_EQ(b.error().alert, AlertDescription::decode_error);
  }
  EXPECT_EQ(*serialize_message(HelloRequest{}), hex("00000000"));
  // The illustrated ServerHelloDone record carries 0e 00 00 00.
  EXPECT_EQ(*serialize_message(ServerHelloDone{}),
            testing::load_capture("illustrated_tls12").message(14));
}

TEST(ChangeCipherSpec, ExactlyTheByteOne) {
  EXPECT_TRUE(ChangeCipherSpec::parse(hex("01")).ok());
  EXPECT_EQ(serialize(ChangeCipherSpec{}), hex("01"));
  for (const char *payload : {"", "0101", "0100"}) {
    auto r = ChangeCipherSpec::parse(hex(payload));
    ASSERT_FALSE(r.ok()) << payload;
    EXPECT_EQ(r.error().alert, AlertDescription::decode_error) << payload;
  }
  for (const char *payload : {"00", "02", "ff"}) {
    auto r = ChangeCipherSpec::parse(hex(payload));
    ASSERT_FALSE(r.ok()) << payload;
    EXPECT_EQ(r.error().alert, AlertDescription::illegal_parameter) << payload;
  }
}

TEST(HandshakeHeader, SplitsAndFrames) {
  const Bytes message = hex("14 00000c cf919626f1360c536aaad73a");
  auto split = split_handshake_message(message);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split->type, HandshakeType::finished);
  EXPECT_EQ(Bytes(split->body.begin(), split->body.end()), hex("cf919626f1360c536aaad73a"));
  EXPECT_EQ(*frame_handshake(HandshakeType::finished, split->body), message);
  auto header = parse_handshake_header(message);
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->length, 12u);
  EXPECT_FALSE(parse_handshake_header(hex("140000")).ok());
}

TEST(HandshakeHeader, LengthMustMatchExactly) {
  auto short_body = split_handshake_message(hex("14 00000c cf9196"));
  ASSERT_FALSE(short_body.ok());
  EXPECT_EQ(short_body.error().alert, AlertDescription::decode_error);
  auto trailing = split_handshake_message(hex("0e 000000 00"));
  ASSERT_FALSE(trailing.ok());
  EXPECT_NE(trailing.error().reason.find("length field says 0 bytes but the message has 1"),
            std::string::npos)
      << trailing.error().reason;
  EXPECT_FALSE(split_handshake_message(hex("0e0000")).ok());
}

TEST(HandshakeHeader, CompleteMessageSize) {
  EXPECT_EQ(complete_message_size(hex("0e00")), std::nullopt);
  EXPECT_EQ(complete_message_size(hex("0e000000")), 4u);
  EXPECT_EQ(complete_message_size(hex("14 00000c cf9196")), std::nullopt);
  EXPECT_EQ(complete_message_size(hex("0e000000 0e000000")), 4u);  // the first one only
  EXPECT_EQ(complete_message_size(hex("0b 010000")), std::nullopt);
}

TEST(HandshakeHeader, TypeNames) {
  EXPECT_STREQ(handshake_type_name(HandshakeType::client_key_exchange), "client_key_exchange");
  EXPECT_STREQ(handshake_type_name(HandshakeType::new_session_ticket), "new_session_ticket");
  EXPECT_EQ(handshake_type_name(static_cast<HandshakeType>(99)), nullptr);
  EXPECT_EQ(handshake_type_text(1), "client_hello (0x01)");
  EXPECT_EQ(handshake_type_text(99), "unknown (0x63)");
}

TEST(HandshakeHeader, OversizedBodyCannotBeFramed) {
  const Bytes huge(kMaxHandshakeBodySize + 1, 0);
  auto r = frame_handshake(HandshakeType::certificate, huge);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::internal_error);
}

}  // namespace
}  // namespace tls::handshake
