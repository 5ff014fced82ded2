#include "handshake/signature_scheme.hpp"

#include <gtest/gtest.h>

namespace tls::handshake {
namespace {

using cipher::HashAlg;
using cipher::KeyType;
using cipher::SignatureAlg;

TEST(SignatureScheme, CodePointsAreTheIanaOnes) {
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pkcs1_sha1), 0x0201);
  EXPECT_EQ(to_wire(SignatureScheme::ecdsa_sha1), 0x0203);
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pkcs1_sha256), 0x0401);
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pkcs1_sha384), 0x0501);
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pkcs1_sha512), 0x0601);
  EXPECT_EQ(to_wire(SignatureScheme::ecdsa_secp256r1_sha256), 0x0403);
  EXPECT_EQ(to_wire(SignatureScheme::ecdsa_secp384r1_sha384), 0x0503);
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pss_rsae_sha256), 0x0804);
  EXPECT_EQ(to_wire(SignatureScheme::rsa_pss_rsae_sha512), 0x0806);
  EXPECT_EQ(to_wire(SignatureScheme::ed25519), 0x0807);
}

TEST(SignatureScheme, Names) {
  EXPECT_STREQ(signature_scheme_name(0x0401), "rsa_pkcs1_sha256");
  EXPECT_STREQ(signature_scheme_name(0x0403), "ecdsa_secp256r1_sha256");
  EXPECT_STREQ(signature_scheme_name(0x0804), "rsa_pss_rsae_sha256");
  EXPECT_STREQ(signature_scheme_name(0x0807), "ed25519");
  EXPECT_STREQ(signature_scheme_name(0x0202), "dsa_sha1");      // TLS 1.2 {sha1, dsa}
  EXPECT_STREQ(signature_scheme_name(0x0303), "ecdsa_sha224");  // {sha224, ecdsa}
  EXPECT_STREQ(signature_scheme_name(0x0101), "rsa_pkcs1_md5");
  EXPECT_STREQ(signature_scheme_name(0x0a0a), "GREASE");
  EXPECT_EQ(signature_scheme_name(0x0700), nullptr);
  EXPECT_EQ(signature_scheme_name(0x0001), nullptr);  // {none, rsa}
}

TEST(SignatureScheme, ProviderParameters) {
  struct Case {
    std::uint16_t code;
    SignatureAlg alg;
    HashAlg hash;
  };
  const Case cases[] = {
      {0x0201, SignatureAlg::rsa_pkcs1, HashAlg::sha1},
      {0x0401, SignatureAlg::rsa_pkcs1, HashAlg::sha256},
      {0x0501, SignatureAlg::rsa_pkcs1, HashAlg::sha384},
      {0x0601, SignatureAlg::rsa_pkcs1, HashAlg::sha512},
      {0x0804, SignatureAlg::rsa_pss, HashAlg::sha256},
      {0x0805, SignatureAlg::rsa_pss, HashAlg::sha384},
      {0x0806, SignatureAlg::rsa_pss, HashAlg::sha512},
      {0x0203, SignatureAlg::ecdsa, HashAlg::sha1},
      {0x0403, SignatureAlg::ecdsa, HashAlg::sha256},
      {0x0503, SignatureAlg::ecdsa, HashAlg::sha384},
  };
  for (const Case &c : cases) {
    auto p = signature_params(c.code);
    ASSERT_TRUE(p.has_value()) << std::hex << c.code;
    EXPECT_EQ(p->alg, c.alg) << std::hex << c.code;
    EXPECT_EQ(p->hash, c.hash) << std::hex << c.code;
  }
  EXPECT_EQ(signature_params(0x0807)->alg, SignatureAlg::ed25519);
  // Not implemented: MD5, DSA, SHA-224, P-521, Ed448, RSASSA-PSS keys, brainpool.
  for (std::uint16_t code : {0x0101, 0x0202, 0x0301, 0x0603, 0x0808, 0x0809, 0x081a}) {
    EXPECT_FALSE(signature_params(code).has_value()) << std::hex << code;
    EXPECT_EQ(find_signature_scheme(code), nullptr);
  }
}

TEST(SignatureScheme, KeyTypes) {
  EXPECT_TRUE(signature_scheme_fits_key(0x0401, KeyType::rsa));
  EXPECT_TRUE(signature_scheme_fits_key(0x0804, KeyType::rsa));
  EXPECT_FALSE(signature_scheme_fits_key(0x0401, KeyType::ec_p256));
  EXPECT_TRUE(signature_scheme_fits_key(0x0807, KeyType::ed25519));
  EXPECT_FALSE(signature_scheme_fits_key(0x0807, KeyType::ec_p256));
  // TLS 1.2: ECDSA schemes do not bind the curve...
  EXPECT_TRUE(signature_scheme_fits_key(0x0403, KeyType::ec_p384));
  EXPECT_TRUE(signature_scheme_fits_key(0x0503, KeyType::ec_p256));
  // ...unless asked to (the TLS 1.3 reading).
  EXPECT_FALSE(signature_scheme_fits_key(0x0403, KeyType::ec_p384, true));
  EXPECT_TRUE(signature_scheme_fits_key(0x0503, KeyType::ec_p384, true));
  EXPECT_TRUE(signature_scheme_fits_key(0x0203, KeyType::ec_p384, true));  // ecdsa_sha1: no curve
  EXPECT_FALSE(signature_scheme_fits_key(0x0403, KeyType::rsa));
  EXPECT_FALSE(signature_scheme_fits_key(0x0202, KeyType::rsa));
}

TEST(SignatureScheme, DefaultsLeaveSha1Out) {
  const auto strong = default_signature_algorithms();
  const auto all = default_signature_algorithms(true);
  EXPECT_EQ(all.size(), strong.size() + 2);
  for (std::uint16_t code : strong) {
    const SignatureSchemeInfo *info = find_signature_scheme(code);
    ASSERT_NE(info, nullptr) << std::hex << code;
    EXPECT_FALSE(info->sha1);
  }
  EXPECT_EQ(all[all.size() - 2], 0x0201);
  EXPECT_EQ(all.back(), 0x0203);
  EXPECT_EQ(supported_signature_schemes().size(), all.size());
}

TEST(SignatureScheme, Tls12DefaultWithoutTheExtension) {
  EXPECT_EQ(tls12_default_scheme(KeyType::rsa), SignatureScheme::rsa_pkcs1_sha1);
  EXPECT_EQ(tls12_default_scheme(KeyType::ec_p256), SignatureScheme::ecdsa_sha1);
  EXPECT_EQ(tls12_default_scheme(KeyType::ec_p384), SignatureScheme::ecdsa_sha1);
  EXPECT_EQ(tls12_default_scheme(KeyType::ed25519), std::nullopt);
}

TEST(SignatureScheme, LegacyFormsBeforeTls12) {
  auto rsa = legacy_signature_params(KeyType::rsa);
  ASSERT_TRUE(rsa.has_value());
  EXPECT_EQ(rsa->alg, SignatureAlg::rsa_pkcs1);
  EXPECT_EQ(rsa->hash, HashAlg::md5_sha1);  // 36 bytes, no DigestInfo
  auto ec = legacy_signature_params(KeyType::ec_p256);
  ASSERT_TRUE(ec.has_value());
  EXPECT_EQ(ec->alg, SignatureAlg::ecdsa);
  EXPECT_EQ(ec->hash, HashAlg::sha1);
  EXPECT_FALSE(legacy_signature_params(KeyType::ed25519).has_value());
}

}  // namespace
}  // namespace tls::handshake
