// HelloRequest, ServerHelloDone, ChangeCipherSpec, the handshake header, SSLv2 hellos.
#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/change_cipher_spec.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "handshake/messages/hello_request.hpp"
#include "handshake/messages/server_hello_done.hpp"
#include "handshake/messages/sslv2_client_hello.hpp"

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

// An SSLv2-format CLIENT-HELLO offering TLS 1.0, laid out as RFC 5246 Appendix E.2 gives it:
// msg_length (top bit set), msg_type 1, version 03 01, cipher_spec_length 3,
// session_id_length 0, challenge_length 16, one V2CipherSpec (00 00 2f), the challenge.
const char *kSslv2Hello = "801c 01 0301 0003 0000 0010 00002f 000102030405060708090a0b0c0d0e0f";

TEST(Sslv2ClientHello, RecognisedAndRefusedWithAClearReason) {
  const Bytes hello = hex(kSslv2Hello);
  ASSERT_EQ(hello.size(), 2u + 0x1c);
  EXPECT_TRUE(looks_like_sslv2_client_hello(hello));
  EXPECT_TRUE(looks_like_sslv2_client_hello(ByteView(hello).first(3)));
  const Error e = sslv2_client_hello_error(hello);
  EXPECT_EQ(e.alert, AlertDescription::handshake_failure);
  EXPECT_NE(e.reason.find("SSLv2-format ClientHello refused (the client offers TLSv1 (0x0301))"),
            std::string::npos)
      << e.reason;
  // A genuine SSL 2.0 hello (version 00 02) too.
  EXPECT_TRUE(looks_like_sslv2_client_hello(hex("801c 01 0002 0003")));
}

TEST(Sslv2ClientHello, TlsRecordsAreNotMistaken) {
  const Bytes tls_hello = testing::load_capture("illustrated_tls12").message(1);
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("16 0301 00a5")));
  EXPECT_FALSE(looks_like_sslv2_client_hello(tls_hello));
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c")));          // too short to tell
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c 02 0301")));  // not CLIENT-HELLO
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("8005 01 0301")));  // shorter than the fixed part
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c 01 0400")));  // no such version
}

}  // namespace
}  // namespace tls::handshake
