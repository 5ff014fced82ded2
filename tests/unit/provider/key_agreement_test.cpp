// Key agreement in the default provider: X25519, ECDH P-256/P-384 and FFDHE agree with
// OpenSSL and with themselves, and refuse bad peer values with illegal_parameter.
#include <gtest/gtest.h>

#include "cipher/provider.hpp"
#include "common/hex.hpp"
#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::openssl_data;
using testing::strip_zeros;

std::unique_ptr<KeyShare> share(NamedGroup group) {
  auto s = default_provider()->key_share(group);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().to_string());
  return s.ok() ? std::move(*s) : nullptr;
}

void expect_refused(KeyShare &ks, ByteView peer, const std::string &why) {
  auto secret = ks.derive(peer);
  ASSERT_FALSE(secret.ok()) << why;
  EXPECT_EQ(secret.error().alert, AlertDescription::illegal_parameter) << why;
}

TEST(KeyAgreement, MatchesOpenSslForEveryGroup) {
  int checked = 0;
  for (const auto &a : openssl_data().agreements) {
    auto ks = default_provider()->key_share_from_private(a.group, a.private_key);
    ASSERT_TRUE(ks.ok()) << group_name(a.group) << ": " << ks.error().to_string();
    EXPECT_EQ(Bytes((*ks)->public_value().begin(), (*ks)->public_value().end()), a.public_value)
        << group_name(a.group);
    auto secret = (*ks)->derive(a.peer_public);
    ASSERT_TRUE(secret.ok()) << secret.error().to_string();
    EXPECT_EQ(Bytes(secret->begin(), secret->end()), a.shared) << group_name(a.group);
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

TEST(KeyAgreement, DhSecretWithALeadingZeroIsStrippedLikeOpenSsl) {
  bool found = false;
  for (const auto &a : openssl_data().agreements) {
    if (!a.shared_padded || (*a.shared_padded)[0] != 0) continue;
    found = true;
    auto ks = default_provider()->key_share_from_private(a.group, a.private_key);
    ASSERT_TRUE(ks.ok());
    auto secret = (*ks)->derive(a.peer_public);
    ASSERT_TRUE(secret.ok());
    EXPECT_LT(secret->size(), a.shared_padded->size());
    EXPECT_EQ(Bytes(secret->begin(), secret->end()), strip_zeros(*a.shared_padded));
  }
  EXPECT_TRUE(found) << "openssl_data.txt has no FFDHE secret starting with a zero byte";
}

TEST(KeyAgreement, TwoFreshSharesAgreeInEveryGroup) {
  for (NamedGroup group : {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1,
                           NamedGroup::ffdhe2048, NamedGroup::ffdhe3072}) {
    auto a = share(group);
    auto b = share(group);
    ASSERT_TRUE(a && b);
    const std::size_t expected_size = group == NamedGroup::x25519      ? 32
                                      : group == NamedGroup::secp256r1 ? 65
                                      : group == NamedGroup::secp384r1
                                          ? 97
                                          : ffdhe_group(group).p.size();
    EXPECT_EQ(a->public_value().size(), expected_size) << group_name(group);
    EXPECT_FALSE(
        std::equal(a->public_value().begin(), a->public_value().end(), b->public_value().begin()));
    auto ab = a->derive(b->public_value());
    auto ba = b->derive(a->public_value());
    ASSERT_TRUE(ab.ok() && ba.ok()) << group_name(group);
    EXPECT_EQ(*ab, *ba) << group_name(group);
  }
}

TEST(KeyAgreement, X25519RefusesLowOrderPointsAndWrongLengths) {
  auto ks = share(NamedGroup::x25519);
  ASSERT_TRUE(ks);
  // Points of small order on Curve25519 (u = 0, u = 1, and the order-8 point), which give
  // the all-zero shared secret whatever the scalar.
  const char *low_order[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
  };
  for (const char *u : low_order)
    expect_refused(*ks, *from_hex(u), u);
  expect_refused(*ks, Bytes(31, 9), "31 bytes");
  expect_refused(*ks, Bytes(33, 9), "33 bytes");
  expect_refused(*ks, Bytes(), "empty");
  EXPECT_FALSE(default_provider()->key_share_from_private(NamedGroup::x25519, Bytes(31)).ok());
}

TEST(KeyAgreement, EcdhRefusesEveryBadPoint) {
  for (NamedGroup group : {NamedGroup::secp256r1, NamedGroup::secp384r1}) {
    auto ours = share(group);
    auto peer = share(group);
    ASSERT_TRUE(ours && peer);
    const Bytes good(peer->public_value().begin(), peer->public_value().end());
    const std::size_t field = (good.size() - 1) / 2;
    ASSERT_TRUE(ours->derive(good).ok());

    Bytes compressed(good.begin(), good.begin() + 1 + static_cast<std::ptrdiff_t>(field));
    compressed[0] = 0x02 | (good.back() & 1);
    Bytes hybrid = good;
    hybrid[0] = 0x06 | (good.back() & 1);
    Bytes off_curve = good;
    off_curve.back() ^= 0x01;
    Bytes infinity = {0x00};
    Bytes zeros(good.size(), 0);
    zeros[0] = 0x04;
    Bytes x_too_big(good.size(), 0xff);  // coordinates >= p
    x_too_big[0] = 0x04;
    Bytes trailing = good;
    trailing.push_back(0x00);
    Bytes truncated(good.begin(), good.end() - 1);
    expect_refused(*ours, compressed, "compressed");
    expect_refused(*ours, hybrid, "hybrid");
    expect_refused(*ours, off_curve, "off the curve");
    expect_refused(*ours, infinity, "point at infinity");
    expect_refused(*ours, zeros, "(0, 0)");
    expect_refused(*ours, x_too_big, "coordinates not below p");
    expect_refused(*ours, trailing, "a byte too long");
    expect_refused(*ours, truncated, "a byte too short");
    expect_refused(*ours, Bytes(), "empty");
    // A point of the other curve.
    auto other =
        share(group == NamedGroup::secp256r1 ? NamedGroup::secp384r1 : NamedGroup::secp256r1);
    expect_refused(*ours, other->public_value(), "the other curve's point");
  }
  // Private scalars outside [1, n-1].
  EXPECT_FALSE(default_provider()->key_share_from_private(NamedGroup::secp256r1, Bytes(32)).ok());
  EXPECT_FALSE(
      default_provider()->key_share_from_private(NamedGroup::secp256r1, Bytes(32, 0xff)).ok());
}

// p - k as big-endian bytes of the length of p (k small).
Bytes p_minus(const Bytes &p, unsigned k) {
  Bytes out = p;
  unsigned borrow = k;
  for (std::size_t i = out.size(); i-- > 0 && borrow != 0;) {
    const int v = out[i] - static_cast<int>(borrow & 0xff);
    out[i] = static_cast<std::uint8_t>(v);
    borrow = (borrow >> 8) + (v < 0 ? 1 : 0);
  }
  return out;
}

TEST(KeyAgreement, DhRefusesPeerValuesOutsideOneToPMinusOne) {
  auto ks = share(NamedGroup::ffdhe2048);
  ASSERT_TRUE(ks);
  const Bytes &p = ffdhe_group(NamedGroup::ffdhe2048).p;
  Bytes one(p.size(), 0);
  one.back() = 1;
  expect_refused(*ks, Bytes(p.size(), 0), "Y = 0");
  expect_refused(*ks, one, "Y = 1");
  expect_refused(*ks, Bytes{0x01}, "Y = 1 unpadded");
  expect_refused(*ks, p_minus(p, 1), "Y = p - 1");
  expect_refused(*ks, p, "Y = p");
  expect_refused(*ks, Bytes(p.size(), 0xff), "Y > p");
  Bytes longer = {0x00};
  append(longer, p_minus(p, 2));
  expect_refused(*ks, longer, "longer than p");
  expect_refused(*ks, Bytes(), "empty");
  // The edges just inside the range are accepted.
  EXPECT_TRUE(ks->derive(p_minus(p, 2)).ok());
  EXPECT_TRUE(ks->derive(Bytes{0x02}).ok());
}

TEST(KeyAgreement, ServerChosenDhGroupsAreChecked) {
  const DhGroup &ffdhe = ffdhe_group(NamedGroup::ffdhe2048);
  auto small = default_provider()->dh_key_share(ffdhe, 3072);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.error().alert, AlertDescription::insufficient_security);
  EXPECT_TRUE(default_provider()->dh_key_share(ffdhe, 2048).ok());

  DhGroup even = ffdhe;
  even.p.back() &= 0xfe;
  DhGroup g_one = ffdhe;
  g_one.g = {0x01};
  DhGroup g_p_minus_one = ffdhe;
  g_p_minus_one.g = p_minus(ffdhe.p, 1);
  DhGroup empty;
  for (const DhGroup &bad : {even, g_one, g_p_minus_one, empty}) {
    auto s = default_provider()->dh_key_share(bad, 1024);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().alert, AlertDescription::illegal_parameter);
  }
  // A 1024-bit server group (the first Oakley group of RFC 2409 §6.2) works when allowed and
  // is refused under the default minimum of 2048 bits.
  DhGroup oakley2;
  oakley2.p = *from_hex(
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
      "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B"
      "0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF");
  oakley2.g = {0x02};
  auto refused = default_provider()->dh_key_share(oakley2, 2048);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().alert, AlertDescription::insufficient_security);
  auto a = default_provider()->dh_key_share(oakley2, 1024);
  auto b = default_provider()->dh_key_share(oakley2, 1024);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->public_value().size(), 128u);
  auto ab = (*a)->derive((*b)->public_value());
  auto ba = (*b)->derive((*a)->public_value());
  ASSERT_TRUE(ab.ok() && ba.ok());
  EXPECT_EQ(*ab, *ba);
  // Private exponents outside 1 < x < p-1 are refused.
  EXPECT_FALSE(default_provider()->key_share_from_private(NamedGroup::ffdhe2048, Bytes{1}).ok());
  EXPECT_FALSE(default_provider()->key_share_from_private(NamedGroup::ffdhe2048, ffdhe.p).ok());
}

}  // namespace
}  // namespace tls::cipher
