// The RFC 7919 groups as typed in src/cipher/ffdhe_groups.cpp, checked against their own
// definition: p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1, a safe prime.
#include <cryptopp/integer.h>
#include <cryptopp/nbtheory.h>
#include <gtest/gtest.h>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

using CryptoPP::Integer;

// floor(2^bits * e), from e = sum 1/k!: each term floor(2^(bits+64) / k!) is exact to within
// 1, so with 64 guard bits the sum's error stays far below the last bit kept.
Integer scaled_e(unsigned bits) {
  const unsigned guard = 64;
  const Integer scale = Integer::Power2(bits + guard);
  Integer sum = Integer::Zero();
  Integer factorial = Integer::One();
  for (unsigned k = 0;; ++k) {
    if (k > 0) factorial *= Integer(static_cast<long>(k));
    const Integer term = scale / factorial;
    if (term.IsZero()) break;
    sum += term;
  }
  return sum >> guard;
}

Integer from_bytes(const Bytes &b) {
  return Integer(b.data(), b.size());
}

struct Case {
  NamedGroup group;
  unsigned bits;
  long x;  // RFC 7919 Appendix A: the smallest X that gives a safe prime
};

TEST(FfdheGroups, EachPrimeFollowsItsFormulaAndIsSafe) {
  for (const Case c :
       {Case{NamedGroup::ffdhe2048, 2048, 560316}, Case{NamedGroup::ffdhe3072, 3072, 2625351},
        Case{NamedGroup::ffdhe4096, 4096, 5736041}}) {
    const DhGroup &group = ffdhe_group(c.group);
    ASSERT_EQ(group.p.size(), c.bits / 8) << group_name(c.group);
    EXPECT_EQ(group.g, Bytes{0x02});
    const Integer p = from_bytes(group.p);
    const Integer expected = Integer::Power2(c.bits) - Integer::Power2(c.bits - 64) +
                             (scaled_e(c.bits - 130) + Integer(c.x)) * Integer::Power2(64) -
                             Integer::One();
    EXPECT_EQ(p, expected) << group_name(c.group) << " does not match RFC 7919's formula";
    EXPECT_TRUE(CryptoPP::IsPrime(p)) << group_name(c.group);
    EXPECT_TRUE(CryptoPP::IsPrime((p - Integer::One()) >> 1)) << group_name(c.group);
  }
}

TEST(FfdheGroups, NamesAndNonFfdheGroups) {
  EXPECT_TRUE(is_ffdhe(NamedGroup::ffdhe3072));
  EXPECT_FALSE(is_ffdhe(NamedGroup::x25519));
  EXPECT_STREQ(group_name(NamedGroup::ffdhe4096), "ffdhe4096");
  EXPECT_STREQ(group_name(NamedGroup::secp384r1), "secp384r1");
  EXPECT_TRUE(ffdhe_group(NamedGroup::secp256r1).p.empty());
  EXPECT_FALSE(default_provider()->dh_key_share(ffdhe_group(NamedGroup::x25519), 0).ok());
}

}  // namespace
}  // namespace tls::cipher
