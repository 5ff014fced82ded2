#include "cipher/default_provider.hpp"

#include <chrono>
#include <string>

#include "cipher/cryptopp_aead.hpp"
#include "cipher/cryptopp_cbc.hpp"
#include "cipher/cryptopp_compressor.hpp"
#include "cipher/cryptopp_dh.hpp"
#include "cipher/cryptopp_ecdh.hpp"
#include "cipher/cryptopp_ecdsa.hpp"
#include "cipher/cryptopp_hash.hpp"
#include "cipher/cryptopp_rc4.hpp"
#include "cipher/cryptopp_rsa.hpp"
#include "cipher/sodium_chacha20poly1305.hpp"
#include "cipher/sodium_ed25519.hpp"
#include "cipher/sodium_init.hpp"
#include "cipher/sodium_random.hpp"
#include "cipher/sodium_x25519.hpp"

namespace tls::cipher {

DefaultProvider::DefaultProvider(std::shared_ptr<RandomSource> random,
                                 std::optional<std::int64_t> fixed_time)
    : random_(std::move(random)), fixed_time_(fixed_time) {
  ensure_sodium_initialized();
}

std::unique_ptr<Hash> DefaultProvider::hash(HashAlg alg) const {
  // Crypto++ (SHA-NI where the CPU has it) measured faster than libsodium's SHA-2.
  return make_cryptopp_hash(alg);
}

std::unique_ptr<Hmac> DefaultProvider::hmac(HashAlg alg, ByteView key) const {
  return make_cryptopp_hmac(alg, key);
}

std::unique_ptr<HashCompressor> DefaultProvider::compressor(HashAlg alg) const {
  return make_cryptopp_compressor(alg);
}

Result<std::unique_ptr<Aead>> DefaultProvider::aead(AeadAlg alg, ByteView key) const {
  if (alg == AeadAlg::chacha20_poly1305) return make_sodium_chacha20_poly1305(key);
  return make_cryptopp_aes_gcm(alg, key);
}

Result<std::unique_ptr<CbcCipher>> DefaultProvider::cbc(BlockCipherAlg alg, ByteView key) const {
  return make_cryptopp_cbc(alg, key);
}

Result<std::unique_ptr<StreamCipher>> DefaultProvider::rc4(ByteView key) const {
  return make_cryptopp_rc4(key);
}

Status DefaultProvider::verify(const PublicKey &key, const SignatureParams &params,
                               ByteView digest_or_message, ByteView signature) const {
  switch (params.alg) {
    case SignatureAlg::rsa_pkcs1:
    case SignatureAlg::rsa_pss:
      return cryptopp_rsa_verify(key, params, digest_or_message, signature);
    case SignatureAlg::ecdsa:
      return cryptopp_ecdsa_verify(key, params.hash, digest_or_message, signature);
    case SignatureAlg::ed25519:
      return sodium_ed25519_verify(key, digest_or_message, signature);
  }
  return make_error(AlertDescription::illegal_parameter, "unknown signature algorithm");
}

Result<std::unique_ptr<PrivateKeyOperations>> DefaultProvider::private_key_operations(
    const PrivateKey &key) const {
  switch (key.public_key.type) {
    case KeyType::rsa:
      return make_cryptopp_rsa_private_key(key, random_);
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      return make_cryptopp_ecdsa_private_key(key, random_);
    case KeyType::ed25519:
      return make_sodium_ed25519_private_key(key);
  }
  return make_error(AlertDescription::internal_error, "unknown key type");
}

Result<Bytes> DefaultProvider::rsa_encrypt_pkcs1(const PublicKey &key, ByteView message) const {
  return cryptopp_rsa_encrypt_pkcs1(key, message, *random_);
}

Status DefaultProvider::check_public_key(const PublicKey &key) const {
  switch (key.type) {
    case KeyType::rsa:
      return cryptopp_rsa_check_public_key(key);
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      return cryptopp_ec_check_public_key(key);
    case KeyType::ed25519:
      return sodium_ed25519_check_public_key(key);
  }
  return make_error(AlertDescription::internal_error, "unknown key type");
}

Status DefaultProvider::check_key_pair(const PrivateKey &priv) const {
  switch (priv.public_key.type) {
    case KeyType::rsa:
      return cryptopp_rsa_check_key_pair(priv, *random_);
    case KeyType::ec_p256:
    case KeyType::ec_p384:
      return cryptopp_ec_check_key_pair(priv);
    case KeyType::ed25519:
      return sodium_ed25519_check_key_pair(priv);
  }
  return make_error(AlertDescription::internal_error, "unknown key type");
}

Result<std::unique_ptr<KeyShare>> DefaultProvider::key_share(NamedGroup group) const {
  switch (group) {
    case NamedGroup::x25519:
      return make_sodium_x25519_key_share(*random_);
    case NamedGroup::secp256r1:
      return make_cryptopp_ecdh_key_share(Curve::p256, *random_);
    case NamedGroup::secp384r1:
      return make_cryptopp_ecdh_key_share(Curve::p384, *random_);
    case NamedGroup::ffdhe2048:
    case NamedGroup::ffdhe3072:
    case NamedGroup::ffdhe4096:
      return make_cryptopp_dh_key_share(ffdhe_group(group), 0, random_);
  }
  return make_error(AlertDescription::internal_error,
                    "key share: unsupported group " + std::to_string(static_cast<unsigned>(group)));
}

Result<std::unique_ptr<KeyShare>> DefaultProvider::dh_key_share(const DhGroup &group,
                                                                std::size_t min_bits) const {
  return make_cryptopp_dh_key_share(group, min_bits, random_);
}

Result<std::unique_ptr<KeyShare>> DefaultProvider::key_share_from_private(
    NamedGroup group, ByteView private_key) const {
  switch (group) {
    case NamedGroup::x25519:
      return make_sodium_x25519_key_share(private_key);
    case NamedGroup::secp256r1:
      return make_cryptopp_ecdh_key_share(Curve::p256, private_key);
    case NamedGroup::secp384r1:
      return make_cryptopp_ecdh_key_share(Curve::p384, private_key);
    case NamedGroup::ffdhe2048:
    case NamedGroup::ffdhe3072:
    case NamedGroup::ffdhe4096:
      return make_cryptopp_dh_key_share(ffdhe_group(group), 0, private_key);
  }
  return make_error(AlertDescription::internal_error,
                    "key share: unsupported group " + std::to_string(static_cast<unsigned>(group)));
}

void DefaultProvider::random(MutableByteView out) const {
  random_->fill(out);
}

std::int64_t DefaultProvider::now() const {
  if (fixed_time_) return *fixed_time_;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::shared_ptr<const Provider> default_provider() {
  static const std::shared_ptr<const Provider> provider =
      std::make_shared<DefaultProvider>(sodium_random_source());
  return provider;
}

}  // namespace tls::cipher
