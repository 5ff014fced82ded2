// The default Provider: libsodium and Crypto++ as DESIGN.md's table assigns them. This class
// is glue: each method hands over to one backend (sodium_*.hpp, cryptopp_*.hpp).
//
// The random bytes come from a RandomSource given at construction (libsodium's generator for
// default_provider(), a seeded ChaCha20 stream for deterministic_provider()), and every
// randomised operation draws from it: RSA padding, PSS salts and blinding, ECDSA nonces, and
// every key-share private key. The clock reads the system time, or a fixed time when given.
#pragma once

#include <memory>
#include <optional>

#include "cipher/provider.hpp"
#include "cipher/random_source.hpp"

namespace tls::cipher {

class DefaultProvider : public Provider {
 public:
  explicit DefaultProvider(std::shared_ptr<RandomSource> random,
                           std::optional<std::int64_t> fixed_time = std::nullopt);

  std::unique_ptr<Hash> hash(HashAlg alg) const override;
  std::unique_ptr<Hmac> hmac(HashAlg alg, ByteView key) const override;
  std::unique_ptr<HashCompressor> compressor(HashAlg alg) const override;

  Result<std::unique_ptr<Aead>> aead(AeadAlg alg, ByteView key) const override;
  Result<std::unique_ptr<CbcCipher>> cbc(BlockCipherAlg alg, ByteView key) const override;
  Result<std::unique_ptr<StreamCipher>> rc4(ByteView key) const override;

  Status verify(const PublicKey &key, const SignatureParams &params, ByteView digest_or_message,
                ByteView signature) const override;
  Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
      const PrivateKey &key) const override;
  Result<Bytes> rsa_encrypt_pkcs1(const PublicKey &key, ByteView message) const override;
  Status check_public_key(const PublicKey &key) const override;
  Status check_key_pair(const PrivateKey &priv) const override;

  Result<std::unique_ptr<KeyShare>> key_share(NamedGroup group) const override;
  Result<std::unique_ptr<KeyShare>> dh_key_share(const DhGroup &group,
                                                 std::size_t min_bits) const override;
  Result<std::unique_ptr<KeyShare>> key_share_from_private(NamedGroup group,
                                                           ByteView private_key) const override;

  void random(MutableByteView out) const override;
  std::int64_t now() const override;

 private:
  std::shared_ptr<RandomSource> random_;
  std::optional<std::int64_t> fixed_time_;
};

}  // namespace tls::cipher
