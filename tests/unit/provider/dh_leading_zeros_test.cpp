// The constant-time removal of a DH secret's leading zero bytes.
#include "cipher/dh_leading_zeros.hpp"

#include <gtest/gtest.h>

namespace tls::cipher {
namespace {

TEST(DhLeadingZeros, StripsExactlyTheLeadingZeroBytes) {
  // Every count of leading zeros from 0 to the whole length, for several lengths (odd,
  // powers of two, a 2048-bit value) and with zeros also inside and at the end.
  for (std::size_t n : {1u, 2u, 3u, 7u, 8u, 33u, 64u, 256u}) {
    for (std::size_t zeros = 0; zeros <= n; ++zeros) {
      Bytes in(n);
      for (std::size_t i = zeros; i < n; ++i)
        in[i] = static_cast<std::uint8_t>(i * 37 + 1);
      if (zeros < n) in[zeros] = 0x80 | static_cast<std::uint8_t>(zeros);  // first non-zero
      if (n - zeros > 3) in[n - 1] = 0x00;                                 // a zero at the end
      if (n - zeros > 4) in[zeros + 2] = 0x00;                             // and one inside
      const SecureBuffer out = strip_leading_zeros_constant_time(in);
      ASSERT_EQ(out.size(), n - zeros) << "n=" << n << " zeros=" << zeros;
      EXPECT_TRUE(
          std::equal(out.begin(), out.end(), in.begin() + static_cast<std::ptrdiff_t>(zeros)))
          << "n=" << n << " zeros=" << zeros;
    }
  }
  EXPECT_TRUE(strip_leading_zeros_constant_time(Bytes()).empty());
}

}  // namespace
}  // namespace tls::cipher
