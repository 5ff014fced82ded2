// Ed25519 in the default provider: OpenSSL's signature reproduced byte for byte, tampering
// refused, key-pair mismatches and malformed public keys (small order, non-canonical, off the
// curve) reported. RFC 8032 vectors: tests/vectors/ed25519_rfc8032.txt.
#include <gtest/gtest.h>

#include "alert_of.hpp"
#include "cipher/provider.hpp"
#include "common/hex.hpp"
#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::alert_of;
using testing::openssl_data;

const SignatureParams kEd25519{SignatureAlg::ed25519, HashAlg::sha512};

const PrivateKey &key() {
  return openssl_data().keys.at("ed25519");
}

TEST(Ed25519, SignsLikeOpenSslAndVerifies) {
  int checked = 0;
  for (const auto &s : openssl_data().signatures) {
    if (s.params.alg != SignatureAlg::ed25519) continue;
    auto ops = default_provider()->private_key_operations(openssl_data().keys.at(s.key));
    ASSERT_TRUE(ops.ok()) << ops.error().to_string();
    auto sig = (*ops)->sign(kEd25519, s.message);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(*sig, s.signature);
    EXPECT_TRUE(
        default_provider()->verify(key().public_key, kEd25519, s.message, s.signature).ok());
    ++checked;
  }
  EXPECT_EQ(checked, 1);
}

TEST(Ed25519, TamperingIsRefusedWithTheRightAlert) {
  const auto &pub = key().public_key;
  auto ops = default_provider()->private_key_operations(key());
  ASSERT_TRUE(ops.ok());
  const ByteView text = as_bytes("Ed25519 signs the whole message");
  const Bytes msg(text.begin(), text.end());
  auto sig = (*ops)->sign(kEd25519, msg);
  ASSERT_TRUE(sig.ok());
  ASSERT_TRUE(default_provider()->verify(pub, kEd25519, msg, *sig).ok());
  for (std::size_t i = 0; i < sig->size(); i += 7) {
    Bytes bad = *sig;
    bad[i] ^= 0x01;
    auto status = default_provider()->verify(pub, kEd25519, msg, bad);
    ASSERT_FALSE(status.ok()) << "byte " << i;
    EXPECT_EQ(status.error().alert, AlertDescription::decrypt_error);
  }
  Bytes other_msg = msg;
  other_msg.back() ^= 0x20;
  EXPECT_EQ(alert_of(default_provider()->verify(pub, kEd25519, other_msg, *sig)),
            AlertDescription::decrypt_error);
  for (std::size_t size : {0u, 63u, 65u}) {
    auto status = default_provider()->verify(pub, kEd25519, msg, Bytes(size, 1));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::decode_error) << size;
  }
  // The key signs only Ed25519, and decrypts nothing.
  EXPECT_FALSE((*ops)->sign({SignatureAlg::ecdsa, HashAlg::sha256}, Bytes(32)).ok());
  EXPECT_FALSE((*ops)->rsa_decrypt_raw(Bytes(32)).ok());
  // An Ed25519 signature presented for an RSA key, and the other way round.
  EXPECT_EQ(alert_of(default_provider()->verify(openssl_data().keys.at("rsa1024").public_key,
                                                kEd25519, msg, *sig)),
            AlertDescription::illegal_parameter);
  EXPECT_EQ(alert_of(default_provider()->verify(pub, {SignatureAlg::rsa_pkcs1, HashAlg::sha256},
                                                Bytes(32), Bytes(128))),
            AlertDescription::illegal_parameter);
}

TEST(Ed25519, KeyPairMismatchesAreReported) {
  EXPECT_TRUE(default_provider()->check_key_pair(key()).ok());
  PrivateKey wrong_seed = key();
  wrong_seed.secret[0] ^= 0x01;
  PrivateKey wrong_public = key();
  wrong_public.public_key.point[5] ^= 0x01;
  PrivateKey short_seed = key();
  short_seed.secret.pop_back();
  PrivateKey no_public = key();
  no_public.public_key.point.clear();
  for (const PrivateKey *k : {&wrong_seed, &wrong_public, &short_seed, &no_public}) {
    auto status = default_provider()->check_key_pair(*k);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
    EXPECT_FALSE(default_provider()->private_key_operations(*k).ok());
  }
}

TEST(Ed25519, MalformedPublicKeysAreRefused) {
  EXPECT_TRUE(default_provider()->check_public_key(key().public_key).ok());
  EXPECT_EQ(key().public_key.bits(), 255u);
  // The eight points of small order, from "Taming the many EdDSAs" (Chalkias, Garillot,
  // Nikolaenko; eprint 2020/1244) Table 6b, some in both sign-bit spellings; y = p and y = p+1
  // (non-canonical); y = 2, which is not the y of any curve point.
  const char *bad[] = {
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0200000000000000000000000000000000000000000000000000000000000000",
  };
  for (const char *hex : bad) {
    PublicKey k;
    k.type = KeyType::ed25519;
    k.point = *from_hex(hex);
    auto status = default_provider()->check_public_key(k);
    ASSERT_FALSE(status.ok()) << hex;
    EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter) << hex;
  }
  for (std::size_t size : {0u, 31u, 33u}) {
    PublicKey k = key().public_key;
    k.point.resize(size, 0x00);
    EXPECT_FALSE(default_provider()->check_public_key(k).ok()) << size;
    EXPECT_EQ(alert_of(default_provider()->verify(k, kEd25519, Bytes(), Bytes(64))),
              AlertDescription::illegal_parameter);
  }
}

TEST(Ed25519, VerificationIsStrict) {
  const ByteView text = as_bytes("any message at all");
  const Bytes msg(text.begin(), text.end());
  // The identity as public key with R = identity and S = 0 satisfies the verification
  // equation for every message; a verifier must refuse the small-order key. (Crypto++ 8.7's
  // ed25519Verifier accepts it; libsodium, which the provider uses, does not.)
  PublicKey identity;
  identity.type = KeyType::ed25519;
  identity.point = *from_hex("0100000000000000000000000000000000000000000000000000000000000000");
  Bytes forged(64, 0x00);
  forged[0] = 0x01;
  EXPECT_FALSE(default_provider()->verify(identity, kEd25519, msg, forged).ok());
  // S + L, the same signature with a non-reduced S (RFC 8032 §5.1.7 requires S < L): accepting
  // it would make signatures malleable.
  auto ops = default_provider()->private_key_operations(key());
  ASSERT_TRUE(ops.ok());
  auto sig = (*ops)->sign(kEd25519, msg);
  ASSERT_TRUE(sig.ok());
  // L = 2^252 + 27742317777372353535851937790883648493, little-endian (RFC 8032 §5.1).
  const Bytes order =
      *from_hex("edd3f55c1a631258d69cf7a2def9de14 00000000000000000000000000000010");
  Bytes malleated = *sig;
  unsigned carry = 0;
  for (std::size_t i = 0; i < 32; ++i) {
    carry += malleated[32 + i] + order[i];
    malleated[32 + i] = static_cast<std::uint8_t>(carry);
    carry >>= 8;
  }
  ASSERT_TRUE(default_provider()->verify(key().public_key, kEd25519, msg, *sig).ok());
  EXPECT_EQ(alert_of(default_provider()->verify(key().public_key, kEd25519, msg, malleated)),
            AlertDescription::decrypt_error);
}

}  // namespace
}  // namespace tls::cipher
