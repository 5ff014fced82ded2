// A Provider that hands every call to another one: the base for replacing one part of a
// provider and keeping the rest, e.g. private keys that live in an HSM, a different random
// source, a clock under test control, or counting what the protocol asks for.
//
//   class HsmProvider final : public tls::cipher::ForwardingProvider {
//    public:
//     using ForwardingProvider::ForwardingProvider;
//     Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
//         const PrivateKey &key) const override { ... }
//   };
//   auto provider = std::make_shared<HsmProvider>(tls::cipher::default_provider());
//
// Overriding random() or now() changes what callers of those two methods see; the objects the
// inner provider creates (key shares, private keys, RSA encryption padding) keep drawing from
// the inner provider's own random source.
#pragma once

#include <memory>
#include <utility>

#include "cipher/provider.hpp"

namespace tls::cipher {

class ForwardingProvider : public Provider {
 public:
  explicit ForwardingProvider(std::shared_ptr<const Provider> inner) : inner_(std::move(inner)) {}

  std::unique_ptr<Hash> hash(HashAlg alg) const override { return inner_->hash(alg); }
  std::unique_ptr<Hmac> hmac(HashAlg alg, ByteView key) const override {
    return inner_->hmac(alg, key);
  }
  std::unique_ptr<HashCompressor> compressor(HashAlg alg) const override {
    return inner_->compressor(alg);
  }

  Result<std::unique_ptr<Aead>> aead(AeadAlg alg, ByteView key) const override {
    return inner_->aead(alg, key);
  }
  Result<std::unique_ptr<CbcCipher>> cbc(BlockCipherAlg alg, ByteView key) const override {
    return inner_->cbc(alg, key);
  }
  Result<std::unique_ptr<StreamCipher>> rc4(ByteView key) const override {
    return inner_->rc4(key);
  }

  Status verify(const PublicKey &key, const SignatureParams &params, ByteView digest_or_message,
                ByteView signature) const override {
    return inner_->verify(key, params, digest_or_message, signature);
  }
  Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
      const PrivateKey &key) const override {
    return inner_->private_key_operations(key);
  }
  Result<Bytes> rsa_encrypt_pkcs1(const PublicKey &key, ByteView message) const override {
    return inner_->rsa_encrypt_pkcs1(key, message);
  }
  Status check_public_key(const PublicKey &key) const override {
    return inner_->check_public_key(key);
  }
  Status check_key_pair(const PrivateKey &priv) const override {
    return inner_->check_key_pair(priv);
  }

  Result<std::unique_ptr<KeyShare>> key_share(NamedGroup group) const override {
    return inner_->key_share(group);
  }
  Result<std::unique_ptr<KeyShare>> dh_key_share(const DhGroup &group,
                                                 std::size_t min_bits) const override {
    return inner_->dh_key_share(group, min_bits);
  }
  Result<std::unique_ptr<KeyShare>> key_share_from_private(NamedGroup group,
                                                           ByteView private_key) const override {
    return inner_->key_share_from_private(group, private_key);
  }

  void random(MutableByteView out) const override { inner_->random(out); }
  std::int64_t now() const override { return inner_->now(); }

 protected:
  const Provider &inner() const { return *inner_; }

 private:
  std::shared_ptr<const Provider> inner_;
};

}  // namespace tls::cipher
