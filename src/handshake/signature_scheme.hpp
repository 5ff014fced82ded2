// TLS 1.2 signature algorithms (RFC 5246 §7.4.1.4.1 SignatureAndHashAlgorithm, named as the
// IANA SignatureScheme registry names them since RFC 8446), their meaning for the crypto
// provider, and the implicit algorithms of TLS 1.0/1.1 and SSL 3.0.
//
// In TLS 1.2 a code is {hash, signature}: 0x0401 is {sha256, rsa}. The ECDSA codes do not bind
// a curve in TLS 1.2 (ecdsa_secp256r1_sha256 means "ECDSA with SHA-256" on any curve the peer
// supports); TLS 1.3 later bound them. signature_scheme_fits_key() takes the TLS 1.2 view by
// default.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "cipher/provider.hpp"

namespace tls::handshake {

enum class SignatureScheme : std::uint16_t {
  rsa_pkcs1_md5 = 0x0101,  // TLS 1.2 {md5, rsa}: never accepted
  rsa_pkcs1_sha1 = 0x0201,
  dsa_sha1 = 0x0202,
  ecdsa_sha1 = 0x0203,
  rsa_pkcs1_sha224 = 0x0301,
  dsa_sha224 = 0x0302,
  ecdsa_sha224 = 0x0303,
  rsa_pkcs1_sha256 = 0x0401,
  dsa_sha256 = 0x0402,
  ecdsa_secp256r1_sha256 = 0x0403,
  rsa_pkcs1_sha384 = 0x0501,
  dsa_sha384 = 0x0502,
  ecdsa_secp384r1_sha384 = 0x0503,
  rsa_pkcs1_sha512 = 0x0601,
  dsa_sha512 = 0x0602,
  ecdsa_secp521r1_sha512 = 0x0603,
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
  ed25519 = 0x0807,
  ed448 = 0x0808,
  rsa_pss_pss_sha256 = 0x0809,
  rsa_pss_pss_sha384 = 0x080a,
  rsa_pss_pss_sha512 = 0x080b,
  ecdsa_brainpoolP256r1tls13_sha256 = 0x081a,
  ecdsa_brainpoolP384r1tls13_sha384 = 0x081b,
  ecdsa_brainpoolP512r1tls13_sha512 = 0x081c,
};

inline constexpr std::uint16_t to_wire(SignatureScheme s) {
  return static_cast<std::uint16_t>(s);
}

// "rsa_pkcs1_sha256", "GREASE", ...; nullptr for a code with no name. Every code of the form
// {hash 1..6, signature 1..3} has a name (TLS 1.2 SignatureAndHashAlgorithm).
const char *signature_scheme_name(std::uint16_t code) noexcept;

// The key family a scheme signs with.
enum class SignatureKeyFamily : std::uint8_t { rsa, ecdsa, ed25519 };

// A scheme tlspp can sign and verify.
struct SignatureSchemeInfo {
  SignatureScheme scheme;
  const char *name;
  SignatureKeyFamily family;
  cipher::SignatureParams params;
  // The curve TLS 1.3 binds to an ECDSA scheme (ec_p256 / ec_p384), or nullopt.
  std::optional<cipher::KeyType> bound_curve;
  bool sha1;  // a SHA-1 scheme: offered and accepted only when enabled
};

// The info of a scheme tlspp implements, or nullptr (unknown, DSA, MD5, SHA-224, Ed448,
// rsa_pss_pss_*, brainpool, P-521).
const SignatureSchemeInfo *find_signature_scheme(std::uint16_t code) noexcept;

// Every scheme tlspp implements, strongest first.
std::span<const SignatureSchemeInfo> supported_signature_schemes() noexcept;

// What the provider must do for this scheme (nullopt when tlspp does not implement it).
std::optional<cipher::SignatureParams> signature_params(std::uint16_t code) noexcept;

// True when a key of this type can make / check signatures of this scheme. In TLS 1.2 an
// ECDSA scheme fits any EC key; with bind_curve (the TLS 1.3 reading) only the named curve.
bool signature_scheme_fits_key(std::uint16_t code, cipher::KeyType key,
                               bool bind_curve = false) noexcept;

// tlspp's default signature_algorithms list: Ed25519, ECDSA P-256/P-384, RSA-PSS,
// RSA PKCS#1 — and, with allow_sha1, rsa_pkcs1_sha1 and ecdsa_sha1 at the end.
std::span<const std::uint16_t> default_signature_algorithms(bool allow_sha1 = false) noexcept;

// TLS 1.2 without signature_algorithms from the peer (RFC 5246 §7.4.1.4.1): the peer is
// assumed to support {sha1, rsa} for RSA keys and {sha1, ecdsa} for EC keys. nullopt for
// Ed25519 (RFC 8422: only usable when negotiated).
std::optional<SignatureScheme> tls12_default_scheme(cipher::KeyType key) noexcept;

// TLS 1.0 / 1.1 / SSL 3.0, which carry no algorithm on the wire: RSA signs MD5(x)||SHA-1(x)
// with PKCS#1 v1.5 and no DigestInfo (RFC 4346 §4.7); ECDSA signs SHA-1(x) (RFC 4492 §5.4).
// nullopt for Ed25519, which has no pre-1.2 form.
std::optional<cipher::SignatureParams> legacy_signature_params(cipher::KeyType key) noexcept;

}  // namespace tls::handshake
