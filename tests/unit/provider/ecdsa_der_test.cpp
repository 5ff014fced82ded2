// The strict DER encoding of ECDSA signatures (src/cipher/ecdsa_der).
#include "cipher/ecdsa_der.hpp"

#include <gtest/gtest.h>

#include "common/hex.hpp"

namespace tls::cipher {
namespace {

Bytes hex(const char *text) {
  return *from_hex(text);
}

TEST(EcdsaDer, EncodesMinimalPositiveIntegers) {
  // r with its top bit set gets a 00 in front; s with leading zero bytes loses them.
  auto der = encode_ecdsa_signature(hex("80 01"), hex("00 00 7f"));
  ASSERT_TRUE(der.ok());
  EXPECT_EQ(to_hex(*der),
            "3008"
            "0203008001"
            "02017f");
  auto decoded = decode_ecdsa_signature(*der);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->r, hex("8001"));
  EXPECT_EQ(decoded->s, hex("7f"));
}

TEST(EcdsaDer, RoundTripsP384SizedValuesWithLongFormLength) {
  // Two 48-byte values with the top bit set: 2 * (2 + 49) = 102 bytes, short-form length.
  const Bytes r(48, 0xff), s(48, 0x80);
  auto der = encode_ecdsa_signature(r, s);
  ASSERT_TRUE(der.ok());
  EXPECT_EQ((*der)[1], 102);
  // 66-byte values (P-521 size) need the long form 81 xx.
  const Bytes big(66, 0x90);
  auto long_form = encode_ecdsa_signature(big, big);
  ASSERT_TRUE(long_form.ok());
  EXPECT_EQ((*long_form)[1], 0x81);
  EXPECT_EQ((*long_form)[2], 2 * (2 + 67));
  auto decoded = decode_ecdsa_signature(*long_form);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->r, big);
}

TEST(EcdsaDer, RefusesZeroOrOversizedValuesWhenEncoding) {
  EXPECT_FALSE(encode_ecdsa_signature(hex("00"), hex("01")).ok());
  EXPECT_FALSE(encode_ecdsa_signature(hex("01"), Bytes()).ok());
  EXPECT_FALSE(encode_ecdsa_signature(Bytes(121, 1), hex("01")).ok());
}

TEST(EcdsaDer, RefusesEveryNonCanonicalForm) {
  const struct {
    const char *der;
    const char *why;
  } cases[] = {
      {"3006 020101 020101 00", "trailing byte after the SEQUENCE"},
      {"3007 020101 020101 00", "trailing byte inside the SEQUENCE"},
      {"3005 020101 020101", "SEQUENCE length too short"},
      {"3007 020101 020101", "SEQUENCE length too long"},
      {"3107 020101 020101", "not a SEQUENCE"},
      {"3006 030101 020101", "r not an INTEGER"},
      {"3007 02020001 020101", "r with an unneeded leading zero"},
      {"3007 020101 02020001", "s with an unneeded leading zero"},
      {"3006 020181 020101", "r negative"},
      {"3006 020101 0201ff", "s negative"},
      {"3006 020100 020101", "r zero"},
      {"3006 020101 020100", "s zero"},
      {"3005 0200 020101", "empty INTEGER"},
      {"3080 020101 020101 0000", "indefinite length"},
      {"308106 020101 020101", "long-form length where the short form fits"},
      {"3006 02810101 020101", "long-form INTEGER length where the short form fits"},
      {"30820006 020101 020101", "two-byte length"},
      {"", "empty"},
      {"30", "truncated header"},
  };
  for (const auto &c : cases) {
    auto decoded = decode_ecdsa_signature(hex(c.der));
    ASSERT_FALSE(decoded.ok()) << c.why;
    EXPECT_EQ(decoded.error().alert, AlertDescription::decode_error) << c.why;
  }
  // The canonical forms of the same values decode.
  EXPECT_TRUE(decode_ecdsa_signature(hex("3006 020101 020101")).ok());
  EXPECT_TRUE(decode_ecdsa_signature(hex("3008 02020081 02020080")).ok());
}

}  // namespace
}  // namespace tls::cipher
