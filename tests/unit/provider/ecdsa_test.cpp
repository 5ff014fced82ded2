// ECDSA on P-256 and P-384 in the default provider: OpenSSL-made signatures verify, our
// signatures round-trip, and malformed keys and signatures are refused with the right alert.
#include <gtest/gtest.h>

#include "cipher/ecdsa_der.hpp"
#include "cipher/provider.hpp"
#include "common/hex.hpp"
#include "openssl_data.hpp"

#include <utility>

namespace tls::cipher {
namespace {

using testing::openssl_data;

TEST(Ecdsa, VerifiesOpenSslSignatures) {
  int checked = 0;
  for (const auto &s : openssl_data().signatures) {
    if (s.params.alg != SignatureAlg::ecdsa) continue;
    const PrivateKey &key = openssl_data().keys.at(s.key);
    const Bytes digest = default_provider()->digest(s.params.hash, s.message);
    auto status = default_provider()->verify(key.public_key, s.params, digest, s.signature);
    EXPECT_TRUE(status.ok()) << s.key << " " << hash_name(s.params.hash) << ": "
                             << status.error().to_string();
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(Ecdsa, SignVerifyRoundTripOnBothCurvesWithEveryHash) {
  for (const char *name : {"p256", "p384"}) {
    const PrivateKey &key = openssl_data().keys.at(name);
    auto ops = default_provider()->private_key_operations(key);
    ASSERT_TRUE(ops.ok()) << ops.error().to_string();
    for (HashAlg hash : {HashAlg::sha1, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512}) {
      const SignatureParams params{SignatureAlg::ecdsa, hash};
      const Bytes digest = default_provider()->digest(hash, as_bytes("ecdsa round trip"));
      auto sig = (*ops)->sign(params, digest);
      ASSERT_TRUE(sig.ok()) << sig.error().to_string();
      ASSERT_TRUE(decode_ecdsa_signature(*sig).ok());  // our own output is canonical DER
      EXPECT_TRUE(default_provider()->verify(key.public_key, params, digest, *sig).ok());
      auto again = (*ops)->sign(params, digest);
      ASSERT_TRUE(again.ok());
      EXPECT_NE(*again, *sig);  // a fresh nonce each time
      // (A digest longer than n is truncated to its leftmost bits, so change the first byte.)
      Bytes other = digest;
      other.front() ^= 1;
      auto status = default_provider()->verify(key.public_key, params, other, *sig);
      ASSERT_FALSE(status.ok());
      EXPECT_EQ(status.error().alert, AlertDescription::decrypt_error);
    }
  }
}

// The order n of P-256 (SEC 2 / FIPS 186-4 D.1.2.3).
constexpr const char *kP256Order =
    "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";

TEST(Ecdsa, RefusesValuesOutOfRangeAndAnyChangedByte) {
  const PrivateKey &key = openssl_data().keys.at("p256");
  const SignatureParams params{SignatureAlg::ecdsa, HashAlg::sha256};
  const Bytes digest = default_provider()->digest(HashAlg::sha256, as_bytes("range"));
  auto ops = default_provider()->private_key_operations(key);
  ASSERT_TRUE(ops.ok());
  auto sig = (*ops)->sign(params, digest);
  ASSERT_TRUE(sig.ok());
  auto value = decode_ecdsa_signature(*sig);
  ASSERT_TRUE(value.ok());
  const Bytes n = *from_hex(kP256Order);

  auto verify = [&](ByteView der) {
    return default_provider()->verify(key.public_key, params, digest, der);
  };
  // r = n and s = n are out of range: decrypt_error (well-formed DER, invalid signature).
  for (const auto &[r, s] : {std::pair{n, value->s}, std::pair{value->r, n}}) {
    auto der = encode_ecdsa_signature(r, s);
    ASSERT_TRUE(der.ok());
    auto status = verify(*der);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::decrypt_error);
  }
  // r + n (the same residue, not reduced) is refused too.
  Bytes r_plus_n = value->r;
  {
    unsigned carry = 0;
    Bytes padded_r(n.size() - value->r.size(), 0);
    append(padded_r, value->r);
    r_plus_n.assign(n.size() + 1, 0);
    for (std::size_t i = n.size(); i-- > 0;) {
      const unsigned sum = padded_r[i] + n[i] + carry;
      r_plus_n[i + 1] = static_cast<std::uint8_t>(sum);
      carry = sum >> 8;
    }
    r_plus_n[0] = static_cast<std::uint8_t>(carry);
  }
  auto unreduced = encode_ecdsa_signature(r_plus_n, value->s);
  ASSERT_TRUE(unreduced.ok());
  EXPECT_FALSE(verify(*unreduced).ok());
  // Every single changed byte of the DER signature fails (decode_error or decrypt_error).
  for (std::size_t i = 0; i < sig->size(); ++i) {
    Bytes bad = *sig;
    bad[i] ^= 0x01;
    auto status = verify(bad);
    ASSERT_FALSE(status.ok()) << "byte " << i;
    EXPECT_TRUE(status.error().alert == AlertDescription::decrypt_error ||
                status.error().alert == AlertDescription::decode_error);
  }
  // Trailing garbage after a valid signature.
  Bytes trailing = *sig;
  trailing.push_back(0x00);
  auto status = verify(trailing);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().alert, AlertDescription::decode_error);
}

TEST(Ecdsa, KeyMismatchesAndBadParametersAreReported) {
  const PrivateKey &p256 = openssl_data().keys.at("p256");
  const PrivateKey &p384 = openssl_data().keys.at("p384");
  const Bytes digest = default_provider()->digest(HashAlg::sha256, as_bytes("mismatch"));
  auto ops = default_provider()->private_key_operations(p256);
  ASSERT_TRUE(ops.ok());
  auto sig = (*ops)->sign({SignatureAlg::ecdsa, HashAlg::sha256}, digest);
  ASSERT_TRUE(sig.ok());
  // The other curve's key: a valid encoding that does not verify.
  auto other_curve = default_provider()->verify(
      p384.public_key, {SignatureAlg::ecdsa, HashAlg::sha256}, digest, *sig);
  ASSERT_FALSE(other_curve.ok());
  EXPECT_EQ(other_curve.error().alert, AlertDescription::decrypt_error);
  // ECDSA with an RSA key, MD5, a digest of the wrong size.
  const PrivateKey &rsa = openssl_data().keys.at("rsa1024");
  auto rsa_key = default_provider()->verify(rsa.public_key, {SignatureAlg::ecdsa, HashAlg::sha256},
                                            digest, *sig);
  ASSERT_FALSE(rsa_key.ok());
  EXPECT_EQ(rsa_key.error().alert, AlertDescription::illegal_parameter);
  EXPECT_FALSE((*ops)->sign({SignatureAlg::ecdsa, HashAlg::md5}, Bytes(16)).ok());
  auto short_digest = (*ops)->sign({SignatureAlg::ecdsa, HashAlg::sha256}, Bytes(20));
  ASSERT_FALSE(short_digest.ok());
  EXPECT_EQ(short_digest.error().alert, AlertDescription::internal_error);
  EXPECT_FALSE((*ops)->sign({SignatureAlg::rsa_pkcs1, HashAlg::sha256}, digest).ok());
  EXPECT_FALSE((*ops)->rsa_decrypt_raw(Bytes(32)).ok());
}

TEST(Ecdsa, CheckKeyPairAndPublicKey) {
  const PrivateKey &good = openssl_data().keys.at("p256");
  EXPECT_TRUE(default_provider()->check_key_pair(good).ok());
  EXPECT_TRUE(default_provider()->check_public_key(good.public_key).ok());
  EXPECT_EQ(good.public_key.bits(), 256u);
  EXPECT_EQ(openssl_data().keys.at("p384").public_key.bits(), 384u);

  PrivateKey wrong_scalar = good;
  wrong_scalar.secret.back() ^= 0x01;
  EXPECT_FALSE(default_provider()->check_key_pair(wrong_scalar).ok());
  EXPECT_FALSE(default_provider()->private_key_operations(wrong_scalar).ok());
  PrivateKey zero = good;
  zero.secret.assign(32, 0);
  EXPECT_FALSE(default_provider()->check_key_pair(zero).ok());
  PrivateKey order = good;
  order.secret = to_secure(*from_hex(kP256Order));
  EXPECT_FALSE(default_provider()->check_key_pair(order).ok());

  PublicKey off_curve = good.public_key;
  off_curve.point.back() ^= 0x01;
  PublicKey compressed = good.public_key;
  compressed.point.resize(33);
  compressed.point[0] = 0x02 | (good.public_key.point.back() & 1);
  PublicKey wrong_curve = good.public_key;
  wrong_curve.type = KeyType::ec_p384;
  for (const PublicKey &k : {off_curve, compressed, wrong_curve}) {
    auto status = default_provider()->check_public_key(k);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  }
}

}  // namespace
}  // namespace tls::cipher
