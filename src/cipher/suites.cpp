// The cipher-suite table. Names, versions, strength bits and strength classes are OpenSSL 3.0's
// (ssl/s3_lib.c), so that `tls-ciphers` and `openssl ciphers -v` print the same lines and cipher
// strings select the same suites.
#include "cipher/suites.hpp"

#include <algorithm>
#include <cstdio>

namespace tls::cipher {

namespace {

using V = ProtocolVersion;

constexpr std::uint32_t kAead = kFlagAead;
constexpr std::uint32_t kLegacyOff = kFlagLegacy | kFlagDefaultOff;
constexpr std::uint32_t kHighFips = kStrengthHigh | kStrengthFips;
constexpr std::uint32_t kMediumNotDefault = kStrengthMedium | kStrengthNotDefault;

// Sorted by id: find_suite(id) searches it with std::lower_bound, and OpenSSL's base order
// (before its preference rules) is this order reversed.
constexpr CipherSuite kSuites[] = {
    // Legacy, off by default.
    {0x0001, "NULL-MD5", "TLS_RSA_WITH_NULL_MD5", kRSA, aRSA, BulkCipher::null, MacAlg::md5,
     HashAlg::sha256, V::ssl3, V::tls12, 0, kLegacyOff, kStrengthNone},
    {0x0002, "NULL-SHA", "TLS_RSA_WITH_NULL_SHA", kRSA, aRSA, BulkCipher::null, MacAlg::sha1,
     HashAlg::sha256, V::ssl3, V::tls12, 0, kLegacyOff, kStrengthNone | kStrengthFips},
    {0x0004, "RC4-MD5", "TLS_RSA_WITH_RC4_128_MD5", kRSA, aRSA, BulkCipher::rc4_128, MacAlg::md5,
     HashAlg::sha256, V::ssl3, V::tls12, 128, kLegacyOff, kMediumNotDefault},
    {0x0005, "RC4-SHA", "TLS_RSA_WITH_RC4_128_SHA", kRSA, aRSA, BulkCipher::rc4_128, MacAlg::sha1,
     HashAlg::sha256, V::ssl3, V::tls12, 128, kLegacyOff, kMediumNotDefault},
    {0x000a, "DES-CBC3-SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", kRSA, aRSA, BulkCipher::des_ede3_cbc,
     MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 112, kLegacyOff,
     kMediumNotDefault | kStrengthFips},
    {0x0016, "DHE-RSA-DES-CBC3-SHA", "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", kDHE, aRSA,
     BulkCipher::des_ede3_cbc, MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 112, kLegacyOff,
     kMediumNotDefault | kStrengthFips},
    // CBC with HMAC-SHA1: SSL 3.0 and up.
    {0x002f, "AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", kRSA, aRSA, BulkCipher::aes128_cbc,
     MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 128, 0, kHighFips},
    {0x0033, "DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", kDHE, aRSA,
     BulkCipher::aes128_cbc, MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 128, 0, kHighFips},
    {0x0035, "AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", kRSA, aRSA, BulkCipher::aes256_cbc,
     MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 256, 0, kHighFips},
    {0x0039, "DHE-RSA-AES256-SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", kDHE, aRSA,
     BulkCipher::aes256_cbc, MacAlg::sha1, HashAlg::sha256, V::ssl3, V::tls12, 256, 0, kHighFips},
    // TLS 1.2 only: SHA-256 MACs.
    {0x003b, "NULL-SHA256", "TLS_RSA_WITH_NULL_SHA256", kRSA, aRSA, BulkCipher::null,
     MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 0, kLegacyOff,
     kStrengthNone | kStrengthFips},
    {0x003c, "AES128-SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256", kRSA, aRSA, BulkCipher::aes128_cbc,
     MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 128, 0, kHighFips},
    {0x003d, "AES256-SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", kRSA, aRSA, BulkCipher::aes256_cbc,
     MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 256, 0, kHighFips},
    {0x0067, "DHE-RSA-AES128-SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", kDHE, aRSA,
     BulkCipher::aes128_cbc, MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 128, 0,
     kHighFips},
    {0x006b, "DHE-RSA-AES256-SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", kDHE, aRSA,
     BulkCipher::aes256_cbc, MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 256, 0,
     kHighFips},
    // TLS 1.2 AES-GCM.
    {0x009c, "AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", kRSA, aRSA,
     BulkCipher::aes128_gcm, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 128, kAead,
     kHighFips},
    {0x009d, "AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384", kRSA, aRSA,
     BulkCipher::aes256_gcm, MacAlg::aead, HashAlg::sha384, V::tls12, V::tls12, 256, kAead,
     kHighFips},
    {0x009e, "DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", kDHE, aRSA,
     BulkCipher::aes128_gcm, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 128, kAead,
     kHighFips},
    {0x009f, "DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", kDHE, aRSA,
     BulkCipher::aes256_gcm, MacAlg::aead, HashAlg::sha384, V::tls12, V::tls12, 256, kAead,
     kHighFips},
    // ECDHE with CBC: TLS 1.0 and up (no elliptic curves in SSL 3.0).
    {0xc009, "ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", kECDHE, aECDSA,
     BulkCipher::aes128_cbc, MacAlg::sha1, HashAlg::sha256, V::tls10, V::tls12, 128, 0, kHighFips},
    {0xc00a, "ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", kECDHE, aECDSA,
     BulkCipher::aes256_cbc, MacAlg::sha1, HashAlg::sha256, V::tls10, V::tls12, 256, 0, kHighFips},
    {0xc013, "ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", kECDHE, aRSA,
     BulkCipher::aes128_cbc, MacAlg::sha1, HashAlg::sha256, V::tls10, V::tls12, 128, 0, kHighFips},
    {0xc014, "ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", kECDHE, aRSA,
     BulkCipher::aes256_cbc, MacAlg::sha1, HashAlg::sha256, V::tls10, V::tls12, 256, 0, kHighFips},
    {0xc023, "ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", kECDHE, aECDSA,
     BulkCipher::aes128_cbc, MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 128, 0,
     kHighFips},
    {0xc024, "ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", kECDHE, aECDSA,
     BulkCipher::aes256_cbc, MacAlg::sha384, HashAlg::sha384, V::tls12, V::tls12, 256, 0,
     kHighFips},
    {0xc027, "ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", kECDHE, aRSA,
     BulkCipher::aes128_cbc, MacAlg::sha256, HashAlg::sha256, V::tls12, V::tls12, 128, 0,
     kHighFips},
    {0xc028, "ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", kECDHE, aRSA,
     BulkCipher::aes256_cbc, MacAlg::sha384, HashAlg::sha384, V::tls12, V::tls12, 256, 0,
     kHighFips},
    // ECDHE with AES-GCM.
    {0xc02b, "ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", kECDHE,
     aECDSA, BulkCipher::aes128_gcm, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 128, kAead,
     kHighFips},
    {0xc02c, "ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", kECDHE,
     aECDSA, BulkCipher::aes256_gcm, MacAlg::aead, HashAlg::sha384, V::tls12, V::tls12, 256, kAead,
     kHighFips},
    {0xc02f, "ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", kECDHE, aRSA,
     BulkCipher::aes128_gcm, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 128, kAead,
     kHighFips},
    {0xc030, "ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", kECDHE, aRSA,
     BulkCipher::aes256_gcm, MacAlg::aead, HashAlg::sha384, V::tls12, V::tls12, 256, kAead,
     kHighFips},
    // ChaCha20-Poly1305 (RFC 7905). Not FIPS-approved.
    {0xcca8, "ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", kECDHE,
     aRSA, BulkCipher::chacha20_poly1305, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 256,
     kAead, kStrengthHigh},
    {0xcca9, "ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
     kECDHE, aECDSA, BulkCipher::chacha20_poly1305, MacAlg::aead, HashAlg::sha256, V::tls12,
     V::tls12, 256, kAead, kStrengthHigh},
    {0xccaa, "DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", kDHE, aRSA,
     BulkCipher::chacha20_poly1305, MacAlg::aead, HashAlg::sha256, V::tls12, V::tls12, 256, kAead,
     kStrengthHigh},
};

// kind, key, fixed IV, block, record IV, tag, bits, OpenSSL name
constexpr BulkCipherInfo kNullInfo{CipherKind::null, 0, 0, 0, 0, 0, 0, "None"};
constexpr BulkCipherInfo kRc4Info{CipherKind::stream, 16, 0, 0, 0, 0, 128, "RC4(128)"};
constexpr BulkCipherInfo k3desInfo{CipherKind::cbc, 24, 8, 8, 0, 0, 168, "3DES(168)"};
constexpr BulkCipherInfo kAes128CbcInfo{CipherKind::cbc, 16, 16, 16, 0, 0, 128, "AES(128)"};
constexpr BulkCipherInfo kAes256CbcInfo{CipherKind::cbc, 32, 16, 16, 0, 0, 256, "AES(256)"};
constexpr BulkCipherInfo kAes128GcmInfo{CipherKind::aead, 16, 4, 0, 8, 16, 128, "AESGCM(128)"};
constexpr BulkCipherInfo kAes256GcmInfo{CipherKind::aead, 32, 4, 0, 8, 16, 256, "AESGCM(256)"};
constexpr BulkCipherInfo kChachaInfo{CipherKind::aead,        32, 12, 0, 0, 16, 256,
                                     "CHACHA20/POLY1305(256)"};

}  // namespace

const BulkCipherInfo &bulk_cipher_info(BulkCipher cipher) noexcept {
  switch (cipher) {
    case BulkCipher::null:
      return kNullInfo;
    case BulkCipher::rc4_128:
      return kRc4Info;
    case BulkCipher::des_ede3_cbc:
      return k3desInfo;
    case BulkCipher::aes128_cbc:
      return kAes128CbcInfo;
    case BulkCipher::aes256_cbc:
      return kAes256CbcInfo;
    case BulkCipher::aes128_gcm:
      return kAes128GcmInfo;
    case BulkCipher::aes256_gcm:
      return kAes256GcmInfo;
    case BulkCipher::chacha20_poly1305:
      return kChachaInfo;
  }
  return kNullInfo;
}

std::size_t mac_size(MacAlg mac) noexcept {
  switch (mac) {
    case MacAlg::aead:
      return 0;
    case MacAlg::md5:
      return 16;
    case MacAlg::sha1:
      return 20;
    case MacAlg::sha256:
      return 32;
    case MacAlg::sha384:
      return 48;
  }
  return 0;
}

HashAlg mac_hash(MacAlg mac) noexcept {
  switch (mac) {
    case MacAlg::md5:
      return HashAlg::md5;
    case MacAlg::sha1:
      return HashAlg::sha1;
    case MacAlg::sha384:
      return HashAlg::sha384;
    case MacAlg::sha256:
    case MacAlg::aead:
      break;
  }
  return HashAlg::sha256;
}

const char *mac_name(MacAlg mac) noexcept {
  switch (mac) {
    case MacAlg::aead:
      return "AEAD";
    case MacAlg::md5:
      return "MD5";
    case MacAlg::sha1:
      return "SHA1";
    case MacAlg::sha256:
      return "SHA256";
    case MacAlg::sha384:
      return "SHA384";
  }
  return "unknown";
}

std::span<const CipherSuite> all_suites() noexcept {
  return kSuites;
}

const CipherSuite *find_suite(std::uint16_t id) noexcept {
  const auto *it = std::lower_bound(std::begin(kSuites), std::end(kSuites), id,
                                    [](const CipherSuite &s, std::uint16_t v) { return s.id < v; });
  return it != std::end(kSuites) && it->id == id ? it : nullptr;
}

const CipherSuite *find_suite(std::string_view name) noexcept {
  for (const CipherSuite &s : kSuites) {
    if (name == s.name || name == s.iana_name) return &s;
  }
  return nullptr;
}

const char *kx_name(std::uint32_t kx) noexcept {
  switch (kx) {
    case kRSA:
      return "RSA";
    case kDHE:
      return "DH";
    case kECDHE:
      return "ECDH";
    default:
      return "unknown";
  }
}

const char *auth_name(std::uint32_t auth) noexcept {
  switch (auth) {
    case aRSA:
      return "RSA";
    case aECDSA:
      return "ECDSA";
    case aNULL:
      return "None";
    default:
      return "unknown";
  }
}

std::string describe_suite(const CipherSuite &suite) {
  // OpenSSL 3.0's SSL_CIPHER_description() layout, byte for byte.
  char line[160];
  std::snprintf(line, sizeof line, "%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%-4s\n", suite.name,
                version_name(suite.min_version), kx_name(suite.kx), auth_name(suite.auth),
                suite.bulk().openssl_name, mac_name(suite.mac));
  return line;
}

}  // namespace tls::cipher
