#include <gtest/gtest.h>

#include "common/hex.hpp"
#include "x509/general_name.hpp"
#include "x509/oid.hpp"
#include "x509/time.hpp"

namespace tls::x509 {
namespace {

TEST(Oid, DottedTextBothWays) {
  // X.690 §8.19.5 example: {2 999 3} encodes as 88 37 03.
  EXPECT_EQ(to_hex(*oid_from_string("2.999.3")), "883703");
  EXPECT_EQ(oid_to_string(*from_hex("883703")), "2.999.3");
  EXPECT_EQ(to_hex(*oid_from_string("1.2.840.113549.1.1.11")), "2a864886f70d01010b");
  EXPECT_EQ(to_hex(*oid_from_string("2.5.29.19")), "551d13");
  EXPECT_EQ(oid_to_string(*from_hex("551d13")), "2.5.29.19");
  EXPECT_EQ(oid_to_string(*from_hex("00")), "0.0");
  EXPECT_EQ(oid_to_string(*from_hex("27")), "0.39");
  EXPECT_EQ(oid_to_string(*from_hex("4f")), "1.39");
  EXPECT_EQ(oid_to_string(*from_hex("50")), "2.0");
  // Arcs beyond 64 bits: the UUID OID of X.667's example, and its neighbours.
  for (const char *text :
       {"1.2.18446744073709551615", "1.2.18446744073709551616",
        "2.25.329800735698586629295641978511506172918", "2.100000000000000000000"}) {
    const auto der = oid_from_string(text);
    ASSERT_TRUE(der) << text;
    EXPECT_EQ(oid_to_string(*der), text);
  }
  // The encodings `openssl asn1parse -genstr OID:...` writes for two of them.
  EXPECT_EQ(to_hex(*oid_from_string("1.2.18446744073709551616")), "2a82808080808080808000");
  EXPECT_EQ(to_hex(*oid_from_string("2.25.329800735698586629295641978511506172918")),
            "6983f09da7ebcfdee0c7a1a7b2c0948cc8f9d776");
  // 21 base-128 groups (147 bits) is too long.
  EXPECT_FALSE(check_oid(*from_hex("2a" + std::string(40, '8') + "0100")));
  EXPECT_TRUE(check_oid(*from_hex("2a" + std::string(38, '8') + "0100")));
  for (const char *bad : {"", "1", "3.1", "1.40", "0.40", "1..2", "1.2.", ".1.2", "1.a", "1.02",
                          "1.2.1000000000000000000000000000000000000000000000000"})
    EXPECT_FALSE(oid_from_string(bad)) << bad;
  EXPECT_EQ(oid_to_string(*from_hex("2a80")), "<invalid OID>");
}

TEST(Oid, OpensslNames) {
  EXPECT_STREQ(oid_short_name(oid::kCommonName), "CN");
  EXPECT_STREQ(oid_long_name(oid::kSha256WithRsa), "sha256WithRSAEncryption");
  EXPECT_EQ(oid_display_name(oid::kBasicConstraints), "X509v3 Basic Constraints");
  EXPECT_EQ(oid_display_name("1.3.6.1.4.1.55555.1"), "1.3.6.1.4.1.55555.1");
  EXPECT_EQ(oid_short_name("1.3.6.1.4.1.55555.1"), nullptr);
}

TEST(Time, CivilDatesAndFormatting) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_TRUE(is_valid_date(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(is_valid_date(1900, 2, 29));  // divisible by 100
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_EQ(format_openssl_time(1704067200), "Jan  1 00:00:00 2024 GMT");
  EXPECT_EQ(format_openssl_time(2524607999), "Dec 31 23:59:59 2049 GMT");
  EXPECT_EQ(format_openssl_time(-1), "Dec 31 23:59:59 1969 GMT");
  EXPECT_EQ(format_iso8601(1906502400), "2030-06-01T00:00:00Z");
  EXPECT_EQ(parse_iso8601("2030-06-01T00:00:00Z"), 1906502400);
  EXPECT_EQ(parse_iso8601("2030-06-01 00:00:00Z"), 1906502400);
  EXPECT_FALSE(parse_iso8601("2030-06-01T00:00:00"));
  EXPECT_FALSE(parse_iso8601("2030-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
}

TEST(GeneralName, IpAddressText) {
  auto ip = [](const char *hex, bool openssl) { return ip_to_string(*from_hex(hex), openssl); };
  EXPECT_EQ(ip("c0000201", false), "192.0.2.1");
  EXPECT_EQ(ip("20010db8000000000000000000000001", false), "2001:db8::1");
  EXPECT_EQ(ip("20010db8000000000000000000000001", true), "2001:DB8:0:0:0:0:0:1");
  EXPECT_EQ(ip("00000000000000000000000000000001", false), "::1");
  EXPECT_EQ(ip("00000000000000000000000000000000", false), "::");
  EXPECT_EQ(ip("20010db8000100000001000000000001", false), "2001:db8:1:0:1::1");  // RFC 5952 §4.2.3
  EXPECT_EQ(ip("20010db8000000010001000100010001", false), "2001:db8:0:1:1:1:1:1");  // §4.2.2
  EXPECT_EQ(ip("0102", false), "<invalid 2-byte address>");
}

}  // namespace
}  // namespace tls::x509
