// SSLv2-format ClientHellos: recognised from their first bytes and refused with a reason that
// names the format and the version offered, by the recogniser alone and by a server's record
// layer reading its first record.
#include <gtest/gtest.h>

#include "common/hex.hpp"
#include "record/sslv2_client_hello.hpp"
#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

Bytes hex(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != ' ') digits += c;
  auto bytes = from_hex(digits);
  EXPECT_TRUE(bytes.has_value()) << text;
  return bytes.value_or(Bytes{});
}

// An SSLv2-format CLIENT-HELLO offering TLS 1.0, laid out as RFC 5246 Appendix E.2 gives it:
// msg_length (top bit set), msg_type 1, version 03 01, cipher_spec_length 3,
// session_id_length 0, challenge_length 16, one V2CipherSpec (00 00 2f), the challenge.
constexpr const char *kSslv2Hello =
    "801c 01 0301 0003 0000 0010 00002f 000102030405060708090a0b0c0d0e0f";

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
  EXPECT_NE(sslv2_client_hello_error(hex("801c 01 0002 0003")).reason.find("SSLv2 (0x0002)"),
            std::string::npos);
}

TEST(Sslv2ClientHello, TlsRecordsAreNotMistaken) {
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("16 0301 00a5 01 0000a1 0303")));
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c")));          // too short to tell
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c 02 0301")));  // not CLIENT-HELLO
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("8005 01 0301")));  // shorter than the fixed part
  EXPECT_FALSE(looks_like_sslv2_client_hello(hex("801c 01 0400")));  // no such version
}

// The record layer refuses the hello as the first record, even when its bytes arrive one at a
// time, and names it.
TEST(Sslv2ClientHello, RefusedByTheRecordLayerAsTheFirstRecord) {
  const Bytes hello = hex(kSslv2Hello);
  RecordLayer layer(provider());
  Result<Event> event = make_error(AlertDescription::internal_error, "not read");
  for (std::size_t i = 0; i < hello.size(); ++i) {
    ASSERT_EQ(layer.feed(ByteView(hello).subspan(i, 1)), 1u);
    event = layer.next_event();
    if (!event || event->kind != Event::Kind::need_more_input) break;
  }
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().alert, AlertDescription::handshake_failure);
  EXPECT_NE(event.error().reason.find("SSLv2-format ClientHello refused (the client offers TLSv1"),
            std::string::npos)
      << event.error().reason;
}

// Other bytes with the top bit set are not a hello: an unknown content type.
TEST(Sslv2ClientHello, OtherHighBitBytesAreABadContentType) {
  RecordLayer layer(provider());
  const Bytes junk = hex("8f 00 02 00 00");
  ASSERT_EQ(layer.feed(junk), junk.size());
  auto event = layer.next_event();
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().alert, AlertDescription::unexpected_message);
  EXPECT_NE(event.error().reason.find("not a TLS content type"), std::string::npos)
      << event.error().reason;
}

}  // namespace
}  // namespace tls::record::testing
