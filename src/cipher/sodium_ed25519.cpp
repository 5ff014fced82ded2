#include "cipher/sodium_ed25519.hpp"

#include <sodium.h>

#include <string>

#include "cipher/sodium_init.hpp"
#include "common/ct.hpp"

namespace tls::cipher {

namespace {

static_assert(crypto_sign_ed25519_SEEDBYTES == 32);
static_assert(crypto_sign_ed25519_PUBLICKEYBYTES == 32);
static_assert(crypto_sign_ed25519_SECRETKEYBYTES == 64);
static_assert(crypto_sign_ed25519_BYTES == 64);

Status check_type(KeyType type) {
  if (type != KeyType::ed25519) {
    return make_error(AlertDescription::illegal_parameter,
                      std::string("Ed25519 signature with an ") + key_type_name(type) + " key");
  }
  return Status::success();
}

// The expanded secret key (seed || public key) libsodium signs with.
Result<SecureBuffer> expand_seed(const PrivateKey &key) {
  if (key.secret.size() != crypto_sign_ed25519_SEEDBYTES) {
    return make_error(AlertDescription::illegal_parameter, "Ed25519 private key: seed is " +
                                                               std::to_string(key.secret.size()) +
                                                               " bytes, expected 32");
  }
  SecureBuffer expanded(crypto_sign_ed25519_SECRETKEYBYTES);
  std::uint8_t public_key[crypto_sign_ed25519_PUBLICKEYBYTES];
  crypto_sign_ed25519_seed_keypair(public_key, expanded.data(), key.secret.data());
  if (key.public_key.point.size() != sizeof public_key ||
      !ct::equal(key.public_key.point, ByteView(public_key))) {
    return make_error(AlertDescription::illegal_parameter,
                      "Ed25519 private key does not match the public key");
  }
  return expanded;
}

class SodiumEd25519PrivateKey final : public PrivateKeyOperations {
 public:
  SodiumEd25519PrivateKey(const PublicKey &pub, SecureBuffer expanded)
      : public_key_(pub), expanded_(std::move(expanded)) {}

  const PublicKey &public_key() const override { return public_key_; }

  Result<Bytes> sign(const SignatureParams &params, ByteView message) override {
    if (params.alg != SignatureAlg::ed25519) {
      return make_error(AlertDescription::internal_error, "an Ed25519 key signs only with Ed25519");
    }
    Bytes signature(crypto_sign_ed25519_BYTES);
    crypto_sign_ed25519_detached(signature.data(), nullptr, message.data(), message.size(),
                                 expanded_.data());
    return signature;
  }

  Result<SecureBuffer> rsa_decrypt_raw(ByteView) override {
    return make_error(AlertDescription::internal_error, "rsa_decrypt_raw: not an RSA key");
  }

 private:
  PublicKey public_key_;
  SecureBuffer expanded_;
};

}  // namespace

Status sodium_ed25519_verify(const PublicKey &key, ByteView message, ByteView signature) {
  TLS_TRY(check_type(key.type));
  ensure_sodium_initialized();
  if (key.point.size() != crypto_sign_ed25519_PUBLICKEYBYTES) {
    return make_error(
        AlertDescription::illegal_parameter,
        "Ed25519 public key is " + std::to_string(key.point.size()) + " bytes, expected 32");
  }
  if (signature.size() != crypto_sign_ed25519_BYTES) {
    return make_error(
        AlertDescription::decode_error,
        "Ed25519 signature is " + std::to_string(signature.size()) + " bytes, expected 64");
  }
  if (crypto_sign_ed25519_verify_detached(signature.data(), message.data(), message.size(),
                                          key.point.data()) != 0) {
    return make_error(AlertDescription::decrypt_error, "Ed25519 signature does not verify");
  }
  return Status::success();
}

Status sodium_ed25519_check_public_key(const PublicKey &key) {
  TLS_TRY(check_type(key.type));
  ensure_sodium_initialized();
  if (key.point.size() != crypto_core_ed25519_BYTES ||
      crypto_core_ed25519_is_valid_point(key.point.data()) != 1) {
    return make_error(AlertDescription::illegal_parameter,
                      "Ed25519 public key is not a valid point");
  }
  return Status::success();
}

Status sodium_ed25519_check_key_pair(const PrivateKey &key) {
  TLS_TRY(check_type(key.public_key.type));
  ensure_sodium_initialized();
  auto expanded = expand_seed(key);
  if (!expanded) return expanded.error();
  return Status::success();
}

Result<std::unique_ptr<PrivateKeyOperations>> make_sodium_ed25519_private_key(
    const PrivateKey &key) {
  TLS_TRY(check_type(key.public_key.type));
  ensure_sodium_initialized();
  auto expanded = expand_seed(key);
  if (!expanded) return expanded.error();
  return std::unique_ptr<PrivateKeyOperations>(
      std::make_unique<SodiumEd25519PrivateKey>(key.public_key, std::move(*expanded)));
}

}  // namespace tls::cipher
