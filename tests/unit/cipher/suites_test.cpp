// The suite table: internal consistency, the facts issue #2 and RFCs fix, and agreement with
// OpenSSL's own table (`openssl ciphers -V -stdname`) for every suite both have.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "cipher/suites.hpp"
#include "openssl_cli.hpp"

namespace tls::cipher {
namespace {

using V = ProtocolVersion;

TEST(SuiteTable, HasTheSuitesTheIssueAsksFor) {
  const std::uint16_t required[] = {0xc02b, 0xc02c, 0xcca9, 0xc02f, 0xc030, 0xcca8, 0x009e,
                                    0x009f, 0xccaa, 0x009c, 0x009d, 0xc009, 0xc00a, 0xc023,
                                    0xc024, 0xc013, 0xc014, 0xc027, 0xc028, 0x0033, 0x0039,
                                    0x0067, 0x006b, 0x002f, 0x0035, 0x003c, 0x003d, 0x000a,
                                    0x0016, 0x0004, 0x0005, 0x0001, 0x0002, 0x003b};
  for (std::uint16_t id : required)
    EXPECT_NE(find_suite(id), nullptr) << std::hex << id;
  EXPECT_EQ(all_suites().size(), std::size(required));
}

TEST(SuiteTable, IsSortedByIdWithUniqueNames) {
  std::set<std::string> names;
  std::uint16_t previous = 0;
  for (const CipherSuite &s : all_suites()) {
    EXPECT_GT(s.id, previous);
    previous = s.id;
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_TRUE(names.insert(s.iana_name).second) << s.iana_name;
    EXPECT_EQ(find_suite(s.id), &s);
    EXPECT_EQ(find_suite(std::string_view(s.name)), &s);
    EXPECT_EQ(find_suite(std::string_view(s.iana_name)), &s);
  }
  EXPECT_EQ(find_suite(std::uint16_t{0x00ff}), nullptr);  // the renegotiation SCSV
  EXPECT_EQ(find_suite(std::uint16_t{0x5600}), nullptr);  // the fallback SCSV
  EXPECT_EQ(find_suite(std::uint16_t{0x1301}), nullptr);  // TLS 1.3
  EXPECT_EQ(find_suite("AES128-GCM-SHA257"), nullptr);
}

TEST(SuiteTable, ColumnsAgreeWithEachOther) {
  for (const CipherSuite &s : all_suites()) {
    SCOPED_TRACE(s.name);
    const std::string name = s.name;
    const std::string iana = s.iana_name;
    // Exactly one key exchange and one authentication bit.
    EXPECT_TRUE(s.kx == kRSA || s.kx == kDHE || s.kx == kECDHE);
    EXPECT_TRUE(s.auth == aRSA || s.auth == aECDSA);
    EXPECT_EQ(iana.find("ECDHE_ECDSA") != std::string::npos, s.auth == aECDSA);
    EXPECT_EQ(iana.find("_ECDHE_") != std::string::npos, s.kx == kECDHE);
    EXPECT_EQ(iana.find("_DHE_") != std::string::npos, s.kx == kDHE);
    // AEAD flag, cipher kind and MAC agree.
    EXPECT_EQ(s.is_aead(), s.bulk().kind == CipherKind::aead);
    EXPECT_EQ(s.is_aead(), s.mac == MacAlg::aead);
    EXPECT_EQ(s.is_aead(),
              iana.find("GCM") != std::string::npos || iana.find("CHACHA20") != std::string::npos);
    // The PRF hash is SHA-384 exactly for the *_SHA384 suites.
    EXPECT_EQ(s.prf_hash == HashAlg::sha384,
              iana.size() > 6 && iana.compare(iana.size() - 6, 6, "SHA384") == 0);
    EXPECT_TRUE(s.prf_hash == HashAlg::sha256 || s.prf_hash == HashAlg::sha384);
    // Versions: AEAD and SHA-256/384 MACs need TLS 1.2; no ECC in SSL 3.0.
    EXPECT_EQ(s.max_version, V::tls12);
    if (s.is_aead() || s.mac == MacAlg::sha256 || s.mac == MacAlg::sha384) {
      EXPECT_EQ(s.min_version, V::tls12);
    } else if (s.kx == kECDHE) {
      EXPECT_EQ(s.min_version, V::tls10);
    } else {
      EXPECT_EQ(s.min_version, V::ssl3);
    }
    // Legacy suites are exactly RC4, 3DES and NULL, and all are off by default.
    const bool legacy = s.cipher == BulkCipher::rc4_128 || s.cipher == BulkCipher::des_ede3_cbc ||
                        s.cipher == BulkCipher::null;
    EXPECT_EQ((s.flags & kFlagLegacy) != 0, legacy);
    EXPECT_EQ((s.flags & kFlagDefaultOff) != 0, legacy);
    // Strength bits: the key bits, except 3DES (112) and NULL (0).
    const int expected_bits = s.cipher == BulkCipher::des_ede3_cbc ? 112 : s.bulk().bits;
    EXPECT_EQ(s.strength_bits, expected_bits);
    EXPECT_EQ((s.strength_class & kStrengthHigh) != 0, !legacy);
  }
}

TEST(SuiteTable, BulkCipherSizes) {
  // RFC 5246 Appendix C, RFC 5288 §3 (4-byte salt, 8-byte explicit nonce), RFC 7905 §2.
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes128_cbc).key_size, 16u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes256_cbc).key_size, 32u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::des_ede3_cbc).key_size, 24u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::des_ede3_cbc).block_size, 8u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes128_cbc).block_size, 16u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::rc4_128).key_size, 16u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::null).key_size, 0u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes128_gcm).fixed_iv_size, 4u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes256_gcm).record_iv_size, 8u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::chacha20_poly1305).fixed_iv_size, 12u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::chacha20_poly1305).record_iv_size, 0u);
  EXPECT_EQ(bulk_cipher_info(BulkCipher::aes256_gcm).tag_size, 16u);
  EXPECT_EQ(mac_size(MacAlg::md5), 16u);
  EXPECT_EQ(mac_size(MacAlg::sha1), 20u);
  EXPECT_EQ(mac_size(MacAlg::sha256), 32u);
  EXPECT_EQ(mac_size(MacAlg::sha384), 48u);
  EXPECT_EQ(mac_size(MacAlg::aead), 0u);
  EXPECT_EQ(mac_hash(MacAlg::sha384), HashAlg::sha384);
}

TEST(SuiteTable, DescribesLikeOpenssl) {
  EXPECT_EQ(describe_suite(*find_suite(0xc02f)),
            "ECDHE-RSA-AES128-GCM-SHA256    TLSv1.2 Kx=ECDH     Au=RSA   Enc=AESGCM(128)         "
            "   Mac=AEAD\n");
  EXPECT_EQ(describe_suite(*find_suite(0x0004)),
            "RC4-MD5                        SSLv3   Kx=RSA      Au=RSA   Enc=RC4(128)            "
            "   Mac=MD5 \n");
}

// Every suite OpenSSL also has must read the same in `openssl ciphers -V -stdname` as in
// describe_suite(): id, IANA name, OpenSSL name, version, Kx, Au, Enc, Mac.
TEST(SuiteTable, AgreesWithOpensslsTable) {
  if (!testing::openssl_available()) GTEST_SKIP() << "openssl is not installed";
  const auto out =
      testing::run_command("openssl ciphers -V -stdname 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'");
  ASSERT_TRUE(out.has_value());
  int compared = 0;
  for (const std::string &line : testing::lines_of(*out)) {
    // "          0xC0,0x2F - TLS_ECDHE_RSA_... - ECDHE-RSA-AES128-GCM-SHA256    TLSv1.2 Kx=..."
    const auto id_pos = line.find("0x");
    ASSERT_NE(id_pos, std::string::npos) << line;
    const auto id =
        static_cast<std::uint16_t>(std::stoul(line.substr(id_pos + 2, 2), nullptr, 16) << 8 |
                                   std::stoul(line.substr(id_pos + 7, 2), nullptr, 16));
    const CipherSuite *suite = find_suite(id);
    if (suite == nullptr) continue;
    const std::string expected = "          " + line.substr(id_pos, 9) + " - " +
                                 std::string(suite->iana_name) +
                                 std::string(45 - std::string(suite->iana_name).size(), ' ') +
                                 " - " + describe_suite(*suite);
    EXPECT_EQ(line + "\n", expected);
    ++compared;
  }
  // Debian's OpenSSL is built without 3DES and RC4 suites; everything else must be there.
  EXPECT_GE(compared, 30);
}

}  // namespace
}  // namespace tls::cipher
