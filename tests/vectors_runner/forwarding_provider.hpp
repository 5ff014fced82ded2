// A Provider that passes every call to another one. Tests derive from it to change one thing:
// count hash compressions, hand out chosen random bytes, ...
#pragma once

#include <memory>

#include "cipher/provider.hpp"

namespace tls::testing {

class ForwardingProvider : public cipher::Provider {
 public:
  // `inner` must outlive this provider.
  explicit ForwardingProvider(const cipher::Provider &inner) : inner_(inner) {}

  std::unique_ptr<cipher::Hash> hash(cipher::HashAlg alg) const override {
    return inner_.hash(alg);
  }
  std::unique_ptr<cipher::Hmac> hmac(cipher::HashAlg alg, ByteView key) const override {
    return inner_.hmac(alg, key);
  }
  std::unique_ptr<cipher::HashCompressor> compressor(cipher::HashAlg alg) const override {
    return inner_.compressor(alg);
  }
  Result<std::unique_ptr<cipher::Aead>> aead(cipher::AeadAlg alg, ByteView key) const override {
    return inner_.aead(alg, key);
  }
  Result<std::unique_ptr<cipher::CbcCipher>> cbc(cipher::BlockCipherAlg alg,
                                                 ByteView key) const override {
    return inner_.cbc(alg, key);
  }
  Result<std::unique_ptr<cipher::StreamCipher>> rc4(ByteView key) const override {
    return inner_.rc4(key);
  }
  Status verify(const cipher::PublicKey &key, const cipher::SignatureParams &params,
                ByteView digest_or_message, ByteView signature) const override {
    return inner_.verify(key, params, digest_or_message, signature);
  }
  Result<std::unique_ptr<cipher::PrivateKeyOperations>> private_key_operations(
      const cipher::PrivateKey &key) const override {
    return inner_.private_key_operations(key);
  }
  Result<Bytes> rsa_encrypt_pkcs1(const cipher::PublicKey &key, ByteView message) const override {
    return inner_.rsa_encrypt_pkcs1(key, message);
  }
  Status check_public_key(const cipher::PublicKey &key) const override {
    return inner_.check_public_key(key);
  }
  Status check_key_pair(const cipher::PrivateKey &priv) const override {
    return inner_.check_key_pair(priv);
  }
  Result<std::unique_ptr<cipher::KeyShare>> key_share(cipher::NamedGroup group) const override {
    return inner_.key_share(group);
  }
  Result<std::unique_ptr<cipher::KeyShare>> dh_key_share(const cipher::DhGroup &group,
                                                         std::size_t min_bits) const override {
    return inner_.dh_key_share(group, min_bits);
  }
  Result<std::unique_ptr<cipher::KeyShare>> key_share_from_private(
      cipher::NamedGroup group, ByteView private_key) const override {
    return inner_.key_share_from_private(group, private_key);
  }
  void random(MutableByteView out) const override { inner_.random(out); }
  std::int64_t now() const override { return inner_.now(); }

 protected:
  const cipher::Provider &inner() const { return inner_; }

 private:
  const cipher::Provider &inner_;
};

}  // namespace tls::testing
