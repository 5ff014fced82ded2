// A Provider for the PRF and key-schedule tests that offers only what they use: hashes and HMAC
// (Crypto++, through make_cryptopp_hash / make_cryptopp_hmac). Everything else fails loudly.
#pragma once

#include <memory>

#include "cipher/cryptopp_hash.hpp"
#include "cipher/provider.hpp"

namespace tls::cipher::testing {

class HashProvider final : public Provider {
 public:
  std::unique_ptr<Hash> hash(HashAlg alg) const override { return make_cryptopp_hash(alg); }
  std::unique_ptr<Hmac> hmac(HashAlg alg, ByteView key) const override {
    return make_cryptopp_hmac(alg, key);
  }
  std::unique_ptr<HashCompressor> compressor(HashAlg) const override { return nullptr; }
  Result<std::unique_ptr<Aead>> aead(AeadAlg, ByteView) const override { return unsupported(); }
  Result<std::unique_ptr<CbcCipher>> cbc(BlockCipherAlg, ByteView) const override {
    return unsupported();
  }
  Result<std::unique_ptr<StreamCipher>> rc4(ByteView) const override { return unsupported(); }
  Status verify(const PublicKey &, const SignatureParams &, ByteView, ByteView) const override {
    return unsupported();
  }
  Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
      const PrivateKey &) const override {
    return unsupported();
  }
  Result<Bytes> rsa_encrypt_pkcs1(const PublicKey &, ByteView) const override {
    return unsupported();
  }
  Status check_public_key(const PublicKey &) const override { return unsupported(); }
  Status check_key_pair(const PrivateKey &) const override { return unsupported(); }
  Result<std::unique_ptr<KeyShare>> key_share(NamedGroup) const override { return unsupported(); }
  Result<std::unique_ptr<KeyShare>> dh_key_share(const DhGroup &, std::size_t) const override {
    return unsupported();
  }
  void random(MutableByteView out) const override {
    for (auto &b : out)
      b = 0xa5;  // never used by the code under test
  }
  std::int64_t now() const override { return 0; }

 private:
  static Error unsupported() {
    return make_error(AlertDescription::internal_error, "not offered by the hash-only provider");
  }
};

}  // namespace tls::cipher::testing
