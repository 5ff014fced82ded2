#include "handshake/iana_names.hpp"

#include <gtest/gtest.h>

namespace tls::handshake {
namespace {

TEST(IanaNames, CipherSuites) {
  EXPECT_STREQ(cipher_suite_name(0x0000), "TLS_NULL_WITH_NULL_NULL");
  EXPECT_STREQ(cipher_suite_name(0x002f), "TLS_RSA_WITH_AES_128_CBC_SHA");
  EXPECT_STREQ(cipher_suite_name(0x009f), "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
  EXPECT_STREQ(cipher_suite_name(0x00ff), "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
  EXPECT_STREQ(cipher_suite_name(0x5600), "TLS_FALLBACK_SCSV");
  EXPECT_STREQ(cipher_suite_name(0xc02f), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
  EXPECT_STREQ(cipher_suite_name(0xcca9), "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  EXPECT_STREQ(cipher_suite_name(0xccad), "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256");
  EXPECT_STREQ(cipher_suite_name(0x1301), "TLS_AES_128_GCM_SHA256");
  EXPECT_STREQ(cipher_suite_name(0x3a3a), "GREASE");
  EXPECT_EQ(cipher_suite_name(0xc0ff), nullptr);
  EXPECT_EQ(cipher_suite_text(0xc0ff), "0xc0ff");
  EXPECT_EQ(cipher_suite_text(0x000a), "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
}

TEST(IanaNames, EveryTableEntryIsReachable) {
  // The lookup is a binary search: an entry out of order would be lost. 119 named suites
  // and 16 GREASE values.
  int named = 0;
  for (std::uint32_t id = 0; id <= 0xffff; ++id) {
    if (cipher_suite_name(static_cast<std::uint16_t>(id)) != nullptr) ++named;
  }
  EXPECT_EQ(named, 119 + 16);
}

TEST(IanaNames, Grease) {
  int count = 0;
  for (std::uint32_t v = 0; v <= 0xffff; ++v)
    count += is_grease(static_cast<std::uint16_t>(v));
  EXPECT_EQ(count, 16);
  EXPECT_TRUE(is_grease(0x0a0a));
  EXPECT_TRUE(is_grease(0xfafa));
  EXPECT_FALSE(is_grease(0x0a1a));
}

TEST(IanaNames, GroupsFormatsCompression) {
  EXPECT_STREQ(named_group_name(23), "secp256r1");
  EXPECT_STREQ(named_group_name(24), "secp384r1");
  EXPECT_STREQ(named_group_name(25), "secp521r1");
  EXPECT_STREQ(named_group_name(29), "x25519");
  EXPECT_STREQ(named_group_name(30), "x448");
  EXPECT_STREQ(named_group_name(256), "ffdhe2048");
  EXPECT_STREQ(named_group_name(260), "ffdhe8192");
  EXPECT_STREQ(named_group_name(1), "sect163k1");
  EXPECT_STREQ(named_group_name(0x11ec), "X25519MLKEM768");
  EXPECT_STREQ(named_group_name(0x4a4a), "GREASE");
  EXPECT_EQ(named_group_name(0), nullptr);
  EXPECT_EQ(named_group_name(261), nullptr);
  EXPECT_STREQ(ec_point_format_name(0), "uncompressed");
  EXPECT_EQ(ec_point_format_name(3), nullptr);
  EXPECT_STREQ(compression_method_name(0), "null");
  EXPECT_STREQ(compression_method_name(1), "DEFLATE");
  EXPECT_EQ(compression_method_name(2), nullptr);
}

}  // namespace
}  // namespace tls::handshake
