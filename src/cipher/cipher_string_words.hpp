// The words of OpenSSL's cipher-string language that tlspp knows: its aliases (OpenSSL 3.0's
// cipher_aliases[] in ssl/ssl_ciph.c), and the names of OpenSSL suites tlspp does not implement,
// which select nothing instead of being rejected as unknown words.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace tls::cipher::cipher_string_detail {

// Algorithm bits in OpenSSL's four groups. The first bits of kx and auth are KxMask / AuthMask
// (suites.hpp); the rest name algorithms of OpenSSL suites tlspp does not implement, so that an
// alias such as PSK or CAMELLIA is recognised and selects nothing.
namespace mkey {
inline constexpr std::uint32_t kRSA = 1u << 0, kDHE = 1u << 1, kECDHE = 1u << 2, kPSK = 1u << 3,
                               kRSAPSK = 1u << 4, kECDHEPSK = 1u << 5, kDHEPSK = 1u << 6,
                               kSRP = 1u << 7, kGOST = 1u << 8, kGOST18 = 1u << 9;
inline constexpr std::uint32_t kAnyPSK = kPSK | kRSAPSK | kECDHEPSK | kDHEPSK;
}  // namespace mkey

namespace auth {
inline constexpr std::uint32_t aRSA = 1u << 0, aECDSA = 1u << 1, aNULL = 1u << 2, aDSS = 1u << 3,
                               aPSK = 1u << 4, aGOST01 = 1u << 5, aGOST12 = 1u << 6, aSRP = 1u << 7;
}  // namespace auth

namespace enc {
inline constexpr std::uint32_t DES = 1u << 0, TDES = 1u << 1, RC4 = 1u << 2, RC2 = 1u << 3,
                               IDEA = 1u << 4, eNULL = 1u << 5, AES128 = 1u << 6, AES256 = 1u << 7,
                               CAMELLIA128 = 1u << 8, CAMELLIA256 = 1u << 9, GOST89 = 1u << 10,
                               SEED = 1u << 11, AES128GCM = 1u << 12, AES256GCM = 1u << 13,
                               AES128CCM = 1u << 14, AES256CCM = 1u << 15, AES128CCM8 = 1u << 16,
                               AES256CCM8 = 1u << 17, GOST8912 = 1u << 18,
                               CHACHA20POLY1305 = 1u << 19, ARIA128GCM = 1u << 20,
                               ARIA256GCM = 1u << 21, MAGMA = 1u << 22, KUZNYECHIK = 1u << 23;
inline constexpr std::uint32_t AESGCM = AES128GCM | AES256GCM;
inline constexpr std::uint32_t AESCCM = AES128CCM | AES256CCM | AES128CCM8 | AES256CCM8;
inline constexpr std::uint32_t AES = AES128 | AES256 | AESGCM | AESCCM;
inline constexpr std::uint32_t CAMELLIA = CAMELLIA128 | CAMELLIA256;
inline constexpr std::uint32_t ARIA = ARIA128GCM | ARIA256GCM;
inline constexpr std::uint32_t CBC =
    DES | TDES | RC2 | IDEA | AES128 | AES256 | CAMELLIA128 | CAMELLIA256 | SEED;
}  // namespace enc

namespace mac {
inline constexpr std::uint32_t MD5 = 1u << 0, SHA1 = 1u << 1, GOST94 = 1u << 2, GOST89MAC = 1u << 3,
                               SHA256 = 1u << 4, SHA384 = 1u << 5, AEAD = 1u << 6,
                               GOST12_256 = 1u << 7, GOST89MAC12 = 1u << 8, GOST12_512 = 1u << 9,
                               MAGMAOMAC = 1u << 10, KUZNYECHIKOMAC = 1u << 11;
}  // namespace mac

// Strength bits (StrengthClass in suites.hpp): OpenSSL's SSL_STRONG_MASK and SSL_DEFAULT_MASK.
inline constexpr std::uint32_t kStrongMask = 0x1f;
inline constexpr std::uint32_t kDefaultMask = 0x20;

// One alias: a zero field does not constrain.
struct Alias {
  std::string_view name;
  std::uint32_t mkey;
  std::uint32_t auth;
  std::uint32_t enc;
  std::uint32_t mac;
  std::uint16_t min_version;  // wire value; 0 = any
  std::uint32_t strength;
};

std::span<const Alias> aliases() noexcept;

// Names of OpenSSL 3.0 suites (TLS 1.2 and below) that tlspp does not implement.
std::span<const std::string_view> openssl_only_suite_names() noexcept;

}  // namespace tls::cipher::cipher_string_detail
