#include "common/reader.hpp"

#include <gtest/gtest.h>

namespace tls {
namespace {

TEST(Reader, ReadsBigEndianIntegers) {
  const Bytes data = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
                      0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12};
  Reader r(data);
  EXPECT_EQ(r.u8(), 0x01);
  EXPECT_EQ(r.u16(), 0x0203);
  EXPECT_EQ(r.u24(), 0x040506u);
  EXPECT_EQ(r.u32(), 0x0708090au);
  EXPECT_EQ(r.u64(), 0x0b0c0d0e0f101112ull);
  EXPECT_TRUE(r.expect_end());
}

TEST(Reader, TruncatedIntegersFailWithOffsetAndWhat) {
  const Bytes data = {0xaa, 0xbb};
  for (int width : {3, 4, 8}) {
    Reader r(data, "Test");
    std::uint64_t v = width == 3 ? r.u24() : width == 4 ? r.u32() : r.u64();
    EXPECT_EQ(v, 0u);
    EXPECT_TRUE(r.failed());
    const Error e = r.error();
    EXPECT_EQ(e.alert, AlertDescription::decode_error);
    EXPECT_NE(e.reason.find("Test: at offset 0"), std::string::npos) << e.reason;
    EXPECT_NE(e.reason.find("2 left"), std::string::npos) << e.reason;
  }
  Reader r(data);
  EXPECT_EQ(r.u8(), 0xaa);
  EXPECT_EQ(r.u16(), 0);
  EXPECT_NE(r.message().find("at offset 1: need 2 bytes for u16, 1 left"), std::string::npos)
      << r.message();
}

TEST(Reader, FailureIsStickyAndNothingMoreIsRead) {
  const Bytes data = {0x01, 0x02, 0x03};
  Reader r(data);
  EXPECT_EQ(r.u32(), 0u);  // fails: 3 bytes left
  EXPECT_EQ(r.u8(), 0);    // would succeed on a fresh reader
  EXPECT_TRUE(r.bytes(1).empty());
  EXPECT_TRUE(r.rest().empty());
  EXPECT_EQ(r.remaining(), 3u);  // the cursor never moved
  EXPECT_FALSE(r.expect_end());
  EXPECT_NE(r.message().find("u32"), std::string::npos);  // the first failure is kept
}

TEST(Reader, BytesAreViewsIntoTheInput) {
  const Bytes data = {1, 2, 3, 4};
  Reader r(data);
  ByteView two = r.bytes(2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two.data(), data.data());
  EXPECT_EQ(r.rest().data(), data.data() + 2);
  EXPECT_TRUE(r.empty());
  Reader again(data);
  EXPECT_TRUE(again.bytes(5).empty());
  EXPECT_TRUE(again.failed());
}

TEST(Reader, VectorsAreBoundedToTheirLength) {
  // vec8 of 2 bytes, then a u8 outside it.
  const Bytes data = {0x02, 0xaa, 0xbb, 0xcc};
  Reader r(data);
  Reader v = r.vec8();
  EXPECT_EQ(v.remaining(), 2u);
  EXPECT_EQ(v.u16(), 0xaabb);
  EXPECT_EQ(v.u8(), 0);     // past the vector's end even though the outer input has a byte left
  EXPECT_TRUE(r.failed());  // the sub-reader's failure fails the whole parse
  EXPECT_NE(r.message().find("at offset 3"), std::string::npos) << r.message();
}

TEST(Reader, VectorLongerThanWhatRemainsFails) {
  const Bytes data = {0x00, 0x05, 0x01, 0x02};
  Reader r(data);
  Reader v = r.vec16();
  EXPECT_TRUE(v.empty());
  EXPECT_TRUE(r.failed());
  EXPECT_NE(r.message().find("length 5 but only 2 bytes left"), std::string::npos) << r.message();
  const Bytes data24 = {0x01, 0x00, 0x00, 0x01};
  Reader r24(data24);
  (void)r24.vec24();
  EXPECT_TRUE(r24.failed());
}

TEST(Reader, VectorLengthBoundsAreChecked) {
  const Bytes data = {0x01, 0xaa};
  {
    Reader r(data);
    (void)r.vec8(2, 10);  // too short
    EXPECT_TRUE(r.failed());
    EXPECT_NE(r.message().find("outside [2, 10]"), std::string::npos) << r.message();
  }
  {
    Reader r(data);
    (void)r.opaque8(0, 0);  // too long
    EXPECT_TRUE(r.failed());
  }
  {
    Reader r(data);
    EXPECT_EQ(r.opaque8(1, 1).size(), 1u);
    EXPECT_TRUE(r.expect_end());
  }
}

TEST(Reader, NestedVectorsReportAbsoluteOffsets) {
  // outer vec16 { inner vec8 { 01 02 } 03 } then trailing 04
  const Bytes data = {0x00, 0x04, 0x02, 0x01, 0x02, 0x03, 0x04};
  Reader r(data, "Nested");
  Reader outer = r.vec16();
  Reader inner = outer.vec8();
  EXPECT_EQ(inner.offset(), 3u);
  EXPECT_EQ(inner.u16(), 0x0102);
  EXPECT_TRUE(inner.expect_end());
  EXPECT_EQ(outer.u8(), 0x03);
  EXPECT_TRUE(outer.expect_end());
  EXPECT_EQ(r.offset(), 6u);
  EXPECT_FALSE(r.expect_end());  // trailing 04
  EXPECT_EQ(r.error().reason, "Nested: at offset 6: 1 trailing bytes");
}

TEST(Reader, InnerVectorMayNotExceedOuter) {
  // outer vec8 of 2 bytes holds an inner vec8 claiming 3.
  const Bytes data = {0x02, 0x03, 0xaa, 0xbb, 0xcc};
  Reader r(data);
  Reader outer = r.vec8();
  Reader inner = outer.vec8();
  EXPECT_TRUE(inner.empty());
  EXPECT_TRUE(r.failed());
}

TEST(Reader, FailRecordsParserErrorsWithAlert) {
  const Bytes data = {0x07};
  Reader r(data, "ServerHello");
  const std::uint8_t method = r.u8();
  if (method != 0) r.fail("compression method 7 is not null");
  const Error e = r.error(AlertDescription::illegal_parameter);
  EXPECT_EQ(e.alert, AlertDescription::illegal_parameter);
  EXPECT_EQ(e.reason, "ServerHello: at offset 1: compression method 7 is not null");
}

TEST(Reader, EmptyInput) {
  Reader r(ByteView{});
  EXPECT_TRUE(r.empty());
  EXPECT_TRUE(r.expect_end());
  EXPECT_EQ(r.peek_u8(), 0);
  EXPECT_EQ(r.u8(), 0);
  EXPECT_TRUE(r.failed());
}

}  // namespace
}  // namespace tls
