#include "handshake/signature_scheme.hpp"

#include <iterator>

#include "handshake/iana_names.hpp"

namespace tls::handshake {
namespace {

using cipher::HashAlg;
using cipher::KeyType;
using cipher::SignatureAlg;

constexpr SignatureSchemeInfo kSchemes[] = {
    {SignatureScheme::ed25519,
     "ed25519",
     SignatureKeyFamily::ed25519,
     {SignatureAlg::ed25519, HashAlg::sha512},
     std::nullopt,
     false},
    {SignatureScheme::ecdsa_secp256r1_sha256,
     "ecdsa_secp256r1_sha256",
     SignatureKeyFamily::ecdsa,
     {SignatureAlg::ecdsa, HashAlg::sha256},
     KeyType::ec_p256,
     false},
    {SignatureScheme::ecdsa_secp384r1_sha384,
     "ecdsa_secp384r1_sha384",
     SignatureKeyFamily::ecdsa,
     {SignatureAlg::ecdsa, HashAlg::sha384},
     KeyType::ec_p384,
     false},
    {SignatureScheme::rsa_pss_rsae_sha256,
     "rsa_pss_rsae_sha256",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pss, HashAlg::sha256},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pss_rsae_sha384,
     "rsa_pss_rsae_sha384",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pss, HashAlg::sha384},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pss_rsae_sha512,
     "rsa_pss_rsae_sha512",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pss, HashAlg::sha512},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pkcs1_sha256,
     "rsa_pkcs1_sha256",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pkcs1, HashAlg::sha256},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pkcs1_sha384,
     "rsa_pkcs1_sha384",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pkcs1, HashAlg::sha384},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pkcs1_sha512,
     "rsa_pkcs1_sha512",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pkcs1, HashAlg::sha512},
     std::nullopt,
     false},
    {SignatureScheme::rsa_pkcs1_sha1,
     "rsa_pkcs1_sha1",
     SignatureKeyFamily::rsa,
     {SignatureAlg::rsa_pkcs1, HashAlg::sha1},
     std::nullopt,
     true},
    {SignatureScheme::ecdsa_sha1,
     "ecdsa_sha1",
     SignatureKeyFamily::ecdsa,
     {SignatureAlg::ecdsa, HashAlg::sha1},
     std::nullopt,
     true},
};

constexpr std::uint16_t kDefaultAlgorithms[] = {
    0x0807,  // ed25519
    0x0403,  // ecdsa_secp256r1_sha256
    0x0503,  // ecdsa_secp384r1_sha384
    0x0804,  // rsa_pss_rsae_sha256
    0x0805,  // rsa_pss_rsae_sha384
    0x0806,  // rsa_pss_rsae_sha512
    0x0401,  // rsa_pkcs1_sha256
    0x0501,  // rsa_pkcs1_sha384
    0x0601,  // rsa_pkcs1_sha512
    0x0201,  // rsa_pkcs1_sha1 (only with allow_sha1)
    0x0203,  // ecdsa_sha1 (only with allow_sha1)
};
constexpr std::size_t kSha1Count = 2;

}  // namespace

const char *signature_scheme_name(std::uint16_t code) noexcept {
  switch (code) {
    case 0x0804:
      return "rsa_pss_rsae_sha256";
    case 0x0805:
      return "rsa_pss_rsae_sha384";
    case 0x0806:
      return "rsa_pss_rsae_sha512";
    case 0x0807:
      return "ed25519";
    case 0x0808:
      return "ed448";
    case 0x0809:
      return "rsa_pss_pss_sha256";
    case 0x080a:
      return "rsa_pss_pss_sha384";
    case 0x080b:
      return "rsa_pss_pss_sha512";
    case 0x081a:
      return "ecdsa_brainpoolP256r1tls13_sha256";
    case 0x081b:
      return "ecdsa_brainpoolP384r1tls13_sha384";
    case 0x081c:
      return "ecdsa_brainpoolP512r1tls13_sha512";
    case 0x0403:
      return "ecdsa_secp256r1_sha256";
    case 0x0503:
      return "ecdsa_secp384r1_sha384";
    case 0x0603:
      return "ecdsa_secp521r1_sha512";
    default:
      break;
  }
  // TLS 1.2 SignatureAndHashAlgorithm: hash md5(1)..sha512(6) x rsa(1), dsa(2), ecdsa(3).
  static constexpr const char *kPairs[6][3] = {
      {"rsa_pkcs1_md5", "dsa_md5", "ecdsa_md5"},
      {"rsa_pkcs1_sha1", "dsa_sha1", "ecdsa_sha1"},
      {"rsa_pkcs1_sha224", "dsa_sha224", "ecdsa_sha224"},
      {"rsa_pkcs1_sha256", "dsa_sha256", "ecdsa_sha256"},
      {"rsa_pkcs1_sha384", "dsa_sha384", "ecdsa_sha384"},
      {"rsa_pkcs1_sha512", "dsa_sha512", "ecdsa_sha512"},
  };
  const unsigned hash = code >> 8;
  const unsigned sig = code & 0xff;
  if (hash >= 1 && hash <= 6 && sig >= 1 && sig <= 3) return kPairs[hash - 1][sig - 1];
  return is_grease(code) ? "GREASE" : nullptr;
}

const SignatureSchemeInfo *find_signature_scheme(std::uint16_t code) noexcept {
  for (const SignatureSchemeInfo &info : kSchemes) {
    if (to_wire(info.scheme) == code) return &info;
  }
  return nullptr;
}

std::span<const SignatureSchemeInfo> supported_signature_schemes() noexcept {
  return kSchemes;
}

std::optional<cipher::SignatureParams> signature_params(std::uint16_t code) noexcept {
  const SignatureSchemeInfo *info = find_signature_scheme(code);
  if (info == nullptr) return std::nullopt;
  return info->params;
}

bool signature_scheme_fits_key(std::uint16_t code, cipher::KeyType key, bool bind_curve) noexcept {
  const SignatureSchemeInfo *info = find_signature_scheme(code);
  if (info == nullptr) return false;
  switch (info->family) {
    case SignatureKeyFamily::rsa:
      return key == KeyType::rsa;
    case SignatureKeyFamily::ed25519:
      return key == KeyType::ed25519;
    case SignatureKeyFamily::ecdsa:
      if (key != KeyType::ec_p256 && key != KeyType::ec_p384) return false;
      return !bind_curve || !info->bound_curve || *info->bound_curve == key;
  }
  return false;
}

std::span<const std::uint16_t> default_signature_algorithms(bool allow_sha1) noexcept {
  std::span<const std::uint16_t> all(kDefaultAlgorithms);
  return allow_sha1 ? all : all.first(all.size() - kSha1Count);
}

std::optional<SignatureScheme> tls12_default_scheme(cipher::KeyType key) noexcept {
  switch (key) {
    case KeyType::rsa:
      return SignatureScheme::rsa_pkcs1_sha1;
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      return SignatureScheme::ecdsa_sha1;
    case KeyType::ed25519:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<cipher::SignatureParams> legacy_signature_params(cipher::KeyType key) noexcept {
  switch (key) {
    case KeyType::rsa:
      return cipher::SignatureParams{SignatureAlg::rsa_pkcs1, HashAlg::md5_sha1};
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      return cipher::SignatureParams{SignatureAlg::ecdsa, HashAlg::sha1};
    case KeyType::ed25519:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace tls::handshake
