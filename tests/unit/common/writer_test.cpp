#include "common/writer.hpp"

#include <gtest/gtest.h>

#include "common/reader.hpp"

namespace tls {
namespace {

TEST(Writer, WritesBigEndianIntegers) {
  Writer w;
  w.u8(0x01);
  w.u16(0x0203);
  w.u24(0x040506);
  w.u32(0x0708090a);
  w.u64(0x0b0c0d0e0f101112ull);
  ASSERT_TRUE(w.ok());
  const Bytes expected = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
                          0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12};
  EXPECT_EQ(w.take(), expected);
}

TEST(Writer, U24RejectsValuesThatDoNotFit) {
  Writer w;
  w.u24(0x1000000);
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(w.error().alert, AlertDescription::internal_error);
}

TEST(Writer, ScopesBackfillNestedLengths) {
  Writer w;
  w.vec16([](Writer &w) {
    w.u8(0xaa);
    w.vec8([](Writer &w) { w.u16(0x0102); });
    w.vec24([](Writer &) {});
  });
  ASSERT_TRUE(w.ok());
  const Bytes expected = {0x00, 0x07, 0xaa, 0x02, 0x01, 0x02, 0x00, 0x00, 0x00};
  EXPECT_EQ(w.take(), expected);
}

TEST(Writer, LengthThatOverflowsItsPrefixFails) {
  Writer w;
  const Bytes big(256, 0x55);
  w.opaque8(big);
  EXPECT_FALSE(w.ok());
  EXPECT_NE(w.error().reason.find("256 bytes overflows its 1-byte length prefix"),
            std::string::npos)
      << w.error().reason;

  Writer fits;
  fits.opaque8(ByteView(big).first(255));
  EXPECT_TRUE(fits.ok());
  EXPECT_EQ(fits.size(), 256u);

  Writer w16;
  w16.opaque16(Bytes(0x10000, 0));
  EXPECT_FALSE(w16.ok());
}

TEST(Writer, AppendsToCallersBuffer) {
  Bytes out = {0xff};
  Writer w(out);
  w.opaque16(Bytes{0x01, 0x02});
  EXPECT_TRUE(w.ok());
  const Bytes expected = {0xff, 0x00, 0x02, 0x01, 0x02};
  EXPECT_EQ(out, expected);
}

TEST(Writer, RoundTripsThroughReader) {
  Writer w;
  w.u16(0x0303);
  w.opaque8(Bytes(32, 0x11));
  w.vec16([](Writer &w) {
    for (std::uint16_t id : {0xc02f, 0xc030, 0x009c})
      w.u16(id);
  });
  const Bytes wire = w.take();
  Reader r(wire);
  EXPECT_EQ(r.u16(), 0x0303);
  EXPECT_EQ(r.opaque8(32, 32).size(), 32u);
  Reader ids = r.vec16(2, 0xfffe);
  EXPECT_EQ(ids.u16(), 0xc02f);
  EXPECT_EQ(ids.u16(), 0xc030);
  EXPECT_EQ(ids.u16(), 0x009c);
  EXPECT_TRUE(ids.expect_end());
  EXPECT_TRUE(r.expect_end());
}

}  // namespace
}  // namespace tls
