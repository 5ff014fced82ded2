#include <gtest/gtest.h>

#include "common/ct.hpp"
#include "common/hex.hpp"
#include "common/secure_buffer.hpp"

namespace tls {
namespace {

TEST(ConstantTime, Masks) {
  EXPECT_EQ(ct::is_zero_mask<std::uint32_t>(0), 0xffffffffu);
  EXPECT_EQ(ct::is_zero_mask<std::uint32_t>(1), 0u);
  EXPECT_EQ(ct::is_zero_mask<std::uint32_t>(0x80000000u), 0u);
  EXPECT_EQ(ct::eq_mask<std::uint8_t>(7, 7), 0xff);
  EXPECT_EQ(ct::eq_mask<std::uint8_t>(7, 8), 0x00);
  EXPECT_EQ(ct::lt_mask<std::size_t>(3, 4), ~std::size_t{0});
  EXPECT_EQ(ct::lt_mask<std::size_t>(4, 4), 0u);
  EXPECT_EQ(ct::lt_mask<std::size_t>(5, 4), 0u);
  EXPECT_EQ(ct::lt_mask<std::uint32_t>(0, 0xffffffffu), 0xffffffffu);
  EXPECT_EQ(ct::ge_mask<std::uint32_t>(0xffffffffu, 0), 0xffffffffu);
  EXPECT_EQ(ct::select<std::uint8_t>(0xff, 1, 2), 1);
  EXPECT_EQ(ct::select<std::uint8_t>(0x00, 1, 2), 2);
}

TEST(ConstantTime, Equal) {
  const Bytes a = {1, 2, 3}, b = {1, 2, 3}, c = {1, 2, 4}, d = {1, 2};
  EXPECT_TRUE(ct::equal(a, b));
  EXPECT_FALSE(ct::equal(a, c));
  EXPECT_FALSE(ct::equal(a, d));
  EXPECT_EQ(ct::equal_mask(a, b), 0xff);
  EXPECT_EQ(ct::equal_mask(a, c), 0x00);
  EXPECT_TRUE(ct::equal(ByteView{}, ByteView{}));
  Bytes out(3);
  ct::select_bytes(0x00, a, c, out);
  EXPECT_EQ(out, c);
  ct::select_bytes(0xff, a, c, out);
  EXPECT_EQ(out, a);
}

TEST(Hex, RoundTripAndSeparators) {
  const Bytes b = {0x00, 0xab, 0xff};
  EXPECT_EQ(to_hex(b), "00abff");
  EXPECT_EQ(from_hex("00ABff"), b);
  EXPECT_EQ(from_hex("00 ab:ff"), b);
  EXPECT_FALSE(from_hex("0"));
  EXPECT_FALSE(from_hex("0g"));
  EXPECT_FALSE(from_hex("0 0"));  // a separator splitting a byte
  EXPECT_EQ(from_hex(""), Bytes{});
}

TEST(SecureBuffer, SecureZeroClearsAndReallocationKeepsContents) {
  // The allocator zeroes storage before handing it back; observe it through a custom check.
  ZeroingAllocator<std::uint8_t> alloc;
  std::uint8_t *p = alloc.allocate(16);
  for (int i = 0; i < 16; ++i)
    p[i] = 0xa5;
  secure_zero(p, 16);
  for (int i = 0; i < 16; ++i)
    EXPECT_EQ(p[i], 0);
  alloc.deallocate(p, 16);

  SecureBuffer secret(32, 0x42);
  secret.resize(1000);  // reallocation zeroes the old block
  EXPECT_EQ(secret[0], 0x42);
}

}  // namespace
}  // namespace tls
