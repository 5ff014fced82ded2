#include "x509/der.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "x509/asn1_tree.hpp"
#include "x509/oid.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using der::DerReader;

// The reason of the reader's failure, for EXPECT_THAT-free substring checks.
std::string why(const DerReader &r) {
  return r.failed() ? r.error().reason : std::string("(no error)");
}

#define EXPECT_FAILS_WITH(reader, text)                                  \
  do {                                                                   \
    EXPECT_TRUE((reader).failed());                                      \
    EXPECT_NE(why(reader).find(text), std::string::npos) << why(reader); \
  } while (0)

TEST(Reader, SubReaderSharesFailureAndAbsoluteOffsets) {
  const Bytes data = {0xaa, 0x01, 0x02, 0x03, 0xbb};
  Reader r(data, "Test");
  EXPECT_EQ(r.u8(), 0xaa);
  Reader sub = r.sub(3, "body");
  EXPECT_EQ(sub.offset(), 1u);
  EXPECT_EQ(sub.u16(), 0x0102);
  EXPECT_EQ(r.u8(), 0xbb);  // the parent moved past the sub-structure
  EXPECT_EQ(sub.u16(), 0);  // only 1 byte left in the sub-reader
  EXPECT_TRUE(r.failed());
  EXPECT_NE(r.error().reason.find("at offset 3"), std::string::npos) << r.error().reason;

  Reader short_input(data);
  Reader too_long = short_input.sub(6, "body");
  EXPECT_TRUE(short_input.failed());
  EXPECT_TRUE(too_long.empty());
  EXPECT_NE(short_input.message().find("need 6 bytes for body"), std::string::npos);
}

TEST(Reader, FailAtNamesAnEarlierOffsetAndKeepsTheFirstFailure) {
  const Bytes data = {1, 2, 3, 4};
  Reader r(data);
  (void)r.bytes(3);
  r.fail_at(1, "value at 1 is bad");
  r.fail_at(2, "second");
  EXPECT_EQ(r.message(), "at offset 1: value at 1 is bad");
}

TEST(Der, ReadsNestedElementsAsViewsIntoTheInput) {
  // SEQUENCE { INTEGER 5, OCTET STRING "hi", [0] { BOOLEAN TRUE } }
  const Bytes data = {0x30, 0x0c, 0x02, 0x01, 0x05, 0x04, 0x02,
                      'h',  'i',  0xa0, 0x03, 0x01, 0x01, 0xff};
  DerReader r(data, "Test");
  der::Element seq_element;
  DerReader seq = r.enter(der::kSequence, "outer", &seq_element);
  EXPECT_EQ(seq_element.encoding.data(), data.data());
  EXPECT_EQ(seq_element.encoding.size(), data.size());
  EXPECT_EQ(seq.depth(), 1);
  EXPECT_EQ(seq.small_integer("n", 0, 10), 5);
  const ByteView hi = seq.octet_string("s");
  EXPECT_EQ(hi.data(), data.data() + 7);  // a view, not a copy
  EXPECT_EQ(hi.size(), 2u);
  EXPECT_TRUE(seq.next_is(der::context(0, true)));
  DerReader tagged = seq.enter(der::context(0, true), "tagged");
  EXPECT_EQ(tagged.depth(), 2);
  EXPECT_TRUE(tagged.boolean("flag"));
  EXPECT_TRUE(tagged.expect_end("tagged"));
  EXPECT_TRUE(seq.expect_end("outer"));
  EXPECT_TRUE(r.expect_end("input"));
}

TEST(Der, WrongTagNamesOffsetExpectationAndFinding) {
  const Bytes data = {0x30, 0x03, 0x04, 0x01, 0x00};
  DerReader r(data, "Test");
  DerReader seq = r.enter(der::kSequence, "outer");
  (void)seq.integer("serialNumber");
  EXPECT_FAILS_WITH(r, "Test: at offset 2: expected INTEGER for serialNumber, found OCTET STRING");
}

TEST(Der, LengthRules) {
  struct Case {
    Bytes data;
    const char *error;
  };
  const Case cases[] = {
      {{0x04, 0x80, 0x00, 0x00}, "at offset 1: indefinite length"},
      {{0x04, 0x81, 0x05, 1, 2, 3, 4, 5}, "at offset 1: length of x not minimally encoded"},
      {{0x04, 0x82, 0x00, 0x80}, "not minimally encoded"},
      {{0x04, 0x85, 0, 0, 0, 0, 1, 0}, "uses 5 octets (at most 4)"},
      {{0x04, 0x84, 0xff, 0xff, 0xff, 0xff}, "length 4294967295 of x exceeds the 0 bytes left"},
      {{0x04, 0x03, 0x01}, "length 3 of x exceeds the 1 bytes left"},
      {{0x04}, "expected the length of x, found the end of the data"},
      {{}, "expected OCTET STRING for x, found the end of the data"},
      {{0x04, 0x82, 0x01}, "need 2 bytes"},
      {{0x1f, 0x05, 0x00}, "tag number 5 of x uses the long form"},
      {{0x1f, 0x80, 0x40, 0x00}, "not minimally encoded"},
  };
  for (const Case &c : cases) {
    DerReader r(c.data, "T");
    (void)r.octet_string("x");
    EXPECT_FAILS_WITH(r, c.error);
  }
  // The shortest forms are accepted.
  Bytes long_value = {0x04, 0x81, 0x80};
  long_value.resize(3 + 0x80, 0x41);
  DerReader ok(long_value, "T");
  EXPECT_EQ(ok.octet_string("x").size(), 0x80u);
  EXPECT_TRUE(ok.expect_end("x")) << why(ok);
}

TEST(Der, HighTagNumbersRoundTrip) {
  const Bytes data = {0x9f, 0x81, 0x00, 0x01, 0x2a};  // [128] primitive, one octet
  DerReader r(data, "T");
  const der::Element e = r.read_any("x");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(e.tag, (der::Tag{der::Tag::kContext, false, 128}));
  EXPECT_EQ(e.tag.name(), "cont [ 128 ]");
  EXPECT_EQ(der::encode_element(e.tag, e.content), data);
}

TEST(Der, IntegerRules) {
  struct Case {
    Bytes data;
    bool ok;
  };
  const Case cases[] = {
      {{0x02, 0x01, 0x00}, true},        {{0x02, 0x01, 0x7f}, true},
      {{0x02, 0x02, 0x00, 0x80}, true},  {{0x02, 0x01, 0x80}, true},  // -128
      {{0x02, 0x02, 0xff, 0x7f}, true},  {{0x02, 0x02, 0x00, 0x7f}, false},
      {{0x02, 0x02, 0xff, 0x80}, false}, {{0x02, 0x00}, false},
  };
  for (const Case &c : cases) {
    DerReader r(c.data, "T");
    (void)r.integer("n");
    EXPECT_EQ(r.ok(), c.ok) << why(r);
  }
  const Bytes negative = {0x02, 0x01, 0xfe};
  DerReader r(negative, "T");
  EXPECT_EQ(r.small_integer("n", -5, 5), -2);
  DerReader u(negative, "T");
  (void)u.unsigned_integer("n");
  EXPECT_FAILS_WITH(u, "negative INTEGER");
  const Bytes big = {0x02, 0x02, 0x01, 0x00};
  DerReader range(big, "T");
  (void)range.small_integer("pathLen", 0, 255);
  EXPECT_FAILS_WITH(range, "outside [0, 255]");
  const Bytes padded = {0x02, 0x03, 0x00, 0x80, 0x01};
  DerReader mag(padded, "T");
  const ByteView m = mag.unsigned_integer("n");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], 0x80);
}

TEST(Der, BooleanNullBitStringRules) {
  for (std::uint8_t v : {0x01, 0x7f, 0xfe}) {
    const Bytes data = {0x01, 0x01, v};
    DerReader r(data, "T");
    (void)r.boolean("b");
    EXPECT_FAILS_WITH(r, "BOOLEAN must be one octet, 0x00 or 0xFF");
  }
  const Bytes two = {0x01, 0x02, 0xff, 0xff};
  DerReader r2(two, "T");
  (void)r2.boolean("b");
  EXPECT_TRUE(r2.failed());

  const Bytes null_with_content = {0x05, 0x01, 0x00};
  DerReader n(null_with_content, "T");
  n.null("params");
  EXPECT_FAILS_WITH(n, "NULL with contents");

  const Bytes good_bits = {0x03, 0x02, 0x05, 0xa0};  // 101 + 5 zero bits
  DerReader b(good_bits, "T");
  const der::BitString bits = b.bit_string("ku");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(bits.bit_count(), 3u);
  EXPECT_TRUE(bits.bit(0));
  EXPECT_FALSE(bits.bit(1));
  EXPECT_TRUE(bits.bit(2));
  EXPECT_FALSE(bits.bit(3));

  const Bytes dirty = {0x03, 0x02, 0x05, 0xa1};
  DerReader d(dirty, "T");
  (void)d.bit_string("ku");
  EXPECT_FAILS_WITH(d, "unused bits are not zero");
  const Bytes eight = {0x03, 0x02, 0x08, 0x00};
  DerReader e(eight, "T");
  (void)e.bit_string("ku");
  EXPECT_FAILS_WITH(e, "8 unused bits");
  const Bytes empty_with_unused = {0x03, 0x01, 0x01};
  DerReader f(empty_with_unused, "T");
  (void)f.bit_string("ku");
  EXPECT_TRUE(f.failed());
  const Bytes no_octet = {0x03, 0x00};
  DerReader g(no_octet, "T");
  (void)g.bit_string("ku");
  EXPECT_FAILS_WITH(g, "without the unused-bits octet");
}

TEST(Der, OidRules) {
  const Bytes sha256_rsa = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
  DerReader r(sha256_rsa, "T");
  EXPECT_EQ(oid_to_string(r.oid("alg")), "1.2.840.113549.1.1.11");
  const Bytes leading_80 = {0x06, 0x03, 0x2a, 0x80, 0x01};
  DerReader a(leading_80, "T");
  (void)a.oid("alg");
  EXPECT_FAILS_WITH(a, "not minimally encoded");
  const Bytes unterminated = {0x06, 0x02, 0x2a, 0x86};
  DerReader b(unterminated, "T");
  (void)b.oid("alg");
  EXPECT_FAILS_WITH(b, "not terminated");
  const Bytes empty = {0x06, 0x00};
  DerReader c(empty, "T");
  (void)c.oid("alg");
  EXPECT_FAILS_WITH(c, "empty OID");
}

TEST(Der, NestingDepthIsBounded) {
  // kMaxDepth nested SEQUENCEs parse; one more does not.
  auto nested = [](int levels) {
    Bytes inner;
    for (int i = 0; i < levels; ++i)
      inner = der::encode_element(der::kSequence, inner);
    return inner;
  };
  auto depth_of = [](const Bytes &data, std::string *error) {
    DerReader r(data, "T");
    // Walk down with enter_any until the innermost.
    std::function<int(DerReader &)> walk = [&](DerReader &reader) -> int {
      if (reader.empty() || reader.failed()) return 0;
      der::Element e;
      DerReader inner = reader.enter_any("level", &e);
      if (reader.failed()) return 0;
      return 1 + walk(inner);
    };
    const int d = walk(r);
    *error = r.failed() ? r.error().reason : "";
    return d;
  };
  std::string error;
  EXPECT_EQ(depth_of(nested(der::kMaxDepth), &error), der::kMaxDepth);
  EXPECT_TRUE(error.empty()) << error;
  depth_of(nested(der::kMaxDepth + 1), &error);
  EXPECT_NE(error.find("nested deeper than 32 levels"), std::string::npos) << error;

  // The tree parser is bounded the same way (and does not recurse without limit).
  auto deep = parse_asn1_tree(nested(10000 / 2));
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.error().reason.find("nested deeper"), std::string::npos) << deep.error().reason;
}

TEST(Der, TimesFollowRfc5280) {
  auto t = [](Bytes data) {
    DerReader r(data, "T");
    const std::int64_t v = r.time("notBefore");
    return r.ok() ? std::optional<std::int64_t>(v) : std::nullopt;
  };
  auto utc = [](const std::string &s) {
    Bytes b = {0x17, static_cast<std::uint8_t>(s.size())};
    b.insert(b.end(), s.begin(), s.end());
    return b;
  };
  auto gen = [](const std::string &s) {
    Bytes b = {0x18, static_cast<std::uint8_t>(s.size())};
    b.insert(b.end(), s.begin(), s.end());
    return b;
  };
  // `date -u -d 2024-01-01 +%s` = 1704067200; 2049-12-31T23:59:59 = 2524607999;
  // 1950-01-01 = -631152000; 2050-01-01 = 2524608000.
  EXPECT_EQ(t(utc("240101000000Z")), 1704067200);
  EXPECT_EQ(t(utc("491231235959Z")), 2524607999);
  EXPECT_EQ(t(utc("500101000000Z")), -631152000);  // YY >= 50 is 19YY
  EXPECT_EQ(t(gen("20500101000000Z")), 2524608000);
  EXPECT_EQ(t(gen("20240229120000Z")), 1709208000);  // a leap day
  EXPECT_FALSE(t(gen("20230229120000Z")));           // not a leap year
  EXPECT_FALSE(t(utc("2401010000Z")));               // no seconds
  EXPECT_FALSE(t(utc("240101000000+0100")));         // no time zone offsets
  EXPECT_FALSE(t(utc("240101000000")));              // Z required
  EXPECT_FALSE(t(gen("20240101000000.5Z")));         // no fractions
  EXPECT_FALSE(t(utc("241301000000Z")));             // month 13
  EXPECT_FALSE(t(utc("240101240000Z")));             // hour 24
  EXPECT_FALSE(t(utc("240101000060Z")));             // second 60
  EXPECT_FALSE(t(utc("24010100000 Z")));
  const Bytes integer = {0x02, 0x01, 0x01};
  DerReader r(integer, "T");
  (void)r.time("notAfter");
  EXPECT_FAILS_WITH(r, "expected UTCTime or GeneralizedTime for notAfter, found INTEGER");
}

TEST(Der, StringsAreCheckedAndConvertedToUtf8) {
  auto str = [](std::uint8_t tag, Bytes content) {
    Bytes b = {tag, static_cast<std::uint8_t>(content.size())};
    b.insert(b.end(), content.begin(), content.end());
    DerReader r(b, "T");
    std::string s = r.string("value");
    return r.ok() ? std::optional<std::string>(s) : std::nullopt;
  };
  EXPECT_EQ(str(0x13, {'U', 'S'}), "US");    // PrintableString
  EXPECT_FALSE(str(0x13, {'a', '@', 'b'}));  // '@' is not printable
  EXPECT_FALSE(str(0x13, {'a', '*'}));
  EXPECT_EQ(str(0x0c, {'c', 'a', 'f', 0xc3, 0xa9}), "caf\xc3\xa9");  // UTF8String
  EXPECT_FALSE(str(0x0c, {0xc3}));                                   // truncated sequence
  EXPECT_FALSE(str(0x0c, {0xc0, 0xaf}));                             // overlong '/'
  EXPECT_FALSE(str(0x0c, {0xed, 0xa0, 0x80}));                       // a surrogate
  EXPECT_EQ(str(0x16, {'a', '.', 'b'}), "a.b");                      // IA5String
  EXPECT_FALSE(str(0x16, {'a', 0x80}));
  EXPECT_EQ(str(0x1e, {0x00, 'c', 0x00, 0xe9}), "c\xc3\xa9");  // BMPString
  EXPECT_FALSE(str(0x1e, {0x00, 'c', 0x00}));                  // odd length
  EXPECT_EQ(str(0x14, {'c', 0xe9}), "c\xc3\xa9");              // TeletexString as Latin-1
  EXPECT_EQ(str(0x1c, {0, 0, 0, 'x'}), "x");                   // UniversalString
  EXPECT_FALSE(str(0x04, {'x'}));                              // OCTET STRING is not one
}

TEST(Der, TreeRoundTripsAndRejectsNonDer) {
  for (const char *name : {"root-ca.der", "server-p256.der"}) {
    const Bytes der = test::read_data(name);
    auto tree = parse_asn1_tree(der);
    ASSERT_TRUE(tree.ok()) << tree.error().reason;
    EXPECT_EQ(encode_asn1_tree(*tree), der);
  }
  // Constructed OCTET STRING (BER only), primitive SEQUENCE, trailing garbage inside.
  const Bytes constructed_string = {0x24, 0x03, 0x04, 0x01, 0x00};
  EXPECT_FALSE(parse_asn1_tree(constructed_string).ok());
  const Bytes primitive_sequence = {0x10, 0x00};
  EXPECT_FALSE(parse_asn1_tree(primitive_sequence).ok());
  const Bytes bad_integer_inside = {0x30, 0x04, 0x02, 0x02, 0x00, 0x01};
  auto bad = parse_asn1_tree(bad_integer_inside);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().reason.find("at offset 2: INTEGER not minimally encoded"),
            std::string::npos)
      << bad.error().reason;
}

TEST(Der, DumpLooksLikeOpensslAsn1parse) {
  const Bytes der = test::read_data("root-ca.der");
  auto tree = parse_asn1_tree(der);
  ASSERT_TRUE(tree.ok());
  const std::string ours = dump_asn1_tree(*tree);
  if (!test::have_openssl()) GTEST_SKIP() << "openssl not installed";
  const auto theirs =
      test::run("openssl asn1parse -inform DER -in '" + test::data_path("root-ca.der") + "'");
  ASSERT_TRUE(theirs.has_value());
  EXPECT_EQ(ours, *theirs);
}

TEST(Der, TruncationAtEveryLengthFailsCleanly) {
  const Bytes der = test::read_data("server-p256.der");
  for (std::size_t n = 0; n < der.size(); ++n) {
    const ByteView part(der.data(), n);
    auto tree = parse_asn1_tree(part);
    EXPECT_FALSE(tree.ok()) << n;
    auto cert = Certificate::parse(part);
    ASSERT_FALSE(cert.ok()) << n;
    EXPECT_NE(cert.error().reason.find("at offset"), std::string::npos) << cert.error().reason;
  }
}

}  // namespace
}  // namespace tls::x509
