// The cipher-suite table: one row per suite tlspp implements, as in OpenSSL's ssl3_ciphers[]:
// IANA id, OpenSSL name, key-exchange mask, authentication mask, bulk cipher, MAC, PRF hash,
// version range, strength and flags. Selection (select.hpp) and cipher strings
// (cipher_string.hpp) work on these masks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tls/version.hpp>

#include "cipher/provider.hpp"

namespace tls::cipher {

// Key-exchange mask bits (OpenSSL's SSL_k*).
enum KxMask : std::uint32_t {
  kRSA = 1u << 0,
  kDHE = 1u << 1,
  kECDHE = 1u << 2,
};

// Authentication mask bits (OpenSSL's SSL_a*). aECDSA covers Ed25519 certificates too (TLS 1.2
// uses the ECDHE_ECDSA suites with Ed25519, RFC 8422).
enum AuthMask : std::uint32_t {
  aRSA = 1u << 0,
  aECDSA = 1u << 1,
  aNULL = 1u << 2,
};

enum class BulkCipher : std::uint8_t {
  null,
  rc4_128,
  des_ede3_cbc,
  aes128_cbc,
  aes256_cbc,
  aes128_gcm,
  aes256_gcm,
  chacha20_poly1305,
};

enum class CipherKind : std::uint8_t { null, stream, cbc, aead };

struct BulkCipherInfo {
  CipherKind kind;
  std::size_t key_size;        // encryption key bytes
  std::size_t fixed_iv_size;   // key-block IV bytes: CBC block (SSL 3.0/TLS 1.0 only), GCM 4
                               // (salt), ChaCha20 12
  std::size_t block_size;      // CBC block size, 0 otherwise
  std::size_t record_iv_size;  // explicit per-record IV/nonce: GCM 8; CBC block in TLS 1.1+
                               // (decided by the version; 0 here), else 0
  std::size_t tag_size;        // AEAD tag, 0 otherwise
  int bits;                    // key bits as OpenSSL reports them (3DES: 168)
  const char *openssl_name;    // "AESGCM(128)", "AES(256)", "3DES(168)", "RC4(128)", "None"
};

const BulkCipherInfo &bulk_cipher_info(BulkCipher cipher) noexcept;

enum class MacAlg : std::uint8_t { aead, md5, sha1, sha256, sha384 };

std::size_t mac_size(MacAlg mac) noexcept;  // 0 for aead
HashAlg mac_hash(MacAlg mac) noexcept;      // the hash of the HMAC (undefined for aead)
const char *mac_name(MacAlg mac) noexcept;  // OpenSSL's "Mac=" column: "AEAD", "SHA1", ...

enum SuiteFlag : std::uint32_t {
  kFlagAead = 1u << 0,
  kFlagLegacy = 1u << 1,      // RC4, 3DES, NULL: weak, kept for compatibility and teaching
  kFlagDefaultOff = 1u << 2,  // not in DEFAULT: enabled only by naming it
};

// OpenSSL's strength classes (its algo_strength bits), which the cipher-string aliases HIGH,
// MEDIUM, LOW, FIPS and COMPLEMENTOFDEFAULT select on. kNotDefault marks the suites OpenSSL
// keeps out of DEFAULT although ALL has them (3DES, RC4); NULL suites are outside ALL instead.
enum StrengthClass : std::uint32_t {
  kStrengthNone = 1u << 0,
  kStrengthLow = 1u << 1,
  kStrengthMedium = 1u << 2,
  kStrengthHigh = 1u << 3,
  kStrengthFips = 1u << 4,
  kStrengthNotDefault = 1u << 5,
};

struct CipherSuite {
  std::uint16_t id;       // IANA value, e.g. 0xc02f
  const char *name;       // OpenSSL name, e.g. "ECDHE-RSA-AES128-GCM-SHA256"
  const char *iana_name;  // "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
  std::uint32_t kx;       // one KxMask bit
  std::uint32_t auth;     // one AuthMask bit
  BulkCipher cipher;
  MacAlg mac;
  HashAlg prf_hash;  // TLS 1.2 PRF hash (sha256 or sha384)
  ProtocolVersion min_version;
  ProtocolVersion max_version;
  int strength_bits;             // OpenSSL's strength_bits (used by @STRENGTH; 3DES: 112)
  std::uint32_t flags;           // SuiteFlag bits
  std::uint32_t strength_class;  // StrengthClass bits

  bool allows(ProtocolVersion v) const {
    return static_cast<std::uint16_t>(v) >= static_cast<std::uint16_t>(min_version) &&
           static_cast<std::uint16_t>(v) <= static_cast<std::uint16_t>(max_version);
  }
  const BulkCipherInfo &bulk() const { return bulk_cipher_info(cipher); }
  bool is_aead() const { return (flags & kFlagAead) != 0; }
};

// Every suite, in the table's order (ascending IANA id).
std::span<const CipherSuite> all_suites() noexcept;
const CipherSuite *find_suite(std::uint16_t id) noexcept;
// By OpenSSL name ("ECDHE-RSA-AES128-GCM-SHA256") or IANA name ("TLS_ECDHE_RSA_WITH_...").
const CipherSuite *find_suite(std::string_view name) noexcept;

// OpenSSL's column values: Kx= "RSA" / "DH" / "ECDH", Au= "RSA" / "ECDSA" / "None".
const char *kx_name(std::uint32_t kx) noexcept;
const char *auth_name(std::uint32_t auth) noexcept;

// One line as `openssl ciphers -v` prints it, newline included:
// "ECDHE-RSA-AES128-GCM-SHA256    TLSv1.2 Kx=ECDH     Au=RSA   Enc=AESGCM(128)   ... Mac=AEAD\n"
std::string describe_suite(const CipherSuite &suite);

// TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746) and TLS_FALLBACK_SCSV (RFC 7507): signalling
// values in the suite list, never negotiated.
inline constexpr std::uint16_t kEmptyRenegotiationInfoScsv = 0x00ff;
inline constexpr std::uint16_t kFallbackScsv = 0x5600;

}  // namespace tls::cipher
