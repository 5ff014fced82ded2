// ForwardingProvider: replacing one part of a provider and keeping the rest. The example is
// the one docs/provider.md gives: private keys that stay in a device (an HSM, an enclave),
// where tlspp only ever sees the public half and asks the device to sign or decrypt.
#include "cipher/forwarding_provider.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <utility>

#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::openssl_data;

// Stands in for a device that holds private keys and performs operations on request, keyed by
// the public key. (Here it uses the default provider inside; a real one talks PKCS#11.)
class FakeDevice {
 public:
  void install(const PrivateKey &key) {
    auto ops = default_provider()->private_key_operations(key);
    ASSERT_TRUE(ops.ok());
    keys_.emplace(key.public_key.point.empty() ? key.public_key.rsa_n : key.public_key.point,
                  std::move(*ops));
  }
  PrivateKeyOperations *find(const PublicKey &pub) {
    auto it = keys_.find(pub.point.empty() ? pub.rsa_n : pub.point);
    return it == keys_.end() ? nullptr : it->second.get();
  }
  int operations = 0;

 private:
  std::map<Bytes, std::unique_ptr<PrivateKeyOperations>> keys_;
};

class DeviceKey final : public PrivateKeyOperations {
 public:
  DeviceKey(FakeDevice &device, PrivateKeyOperations &inside, PublicKey pub)
      : device_(device), inside_(inside), public_key_(std::move(pub)) {}
  const PublicKey &public_key() const override { return public_key_; }
  Result<Bytes> sign(const SignatureParams &params, ByteView digest_or_message) override {
    ++device_.operations;
    return inside_.sign(params, digest_or_message);
  }
  Result<SecureBuffer> rsa_decrypt_raw(ByteView ciphertext) override {
    ++device_.operations;
    return inside_.rsa_decrypt_raw(ciphertext);
  }

 private:
  FakeDevice &device_;
  PrivateKeyOperations &inside_;
  PublicKey public_key_;
};

class DeviceProvider final : public ForwardingProvider {
 public:
  DeviceProvider(std::shared_ptr<const Provider> inner, FakeDevice &device)
      : ForwardingProvider(std::move(inner)), device_(device) {}

  // The PrivateKey given here carries only the public half: the device has the rest.
  Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
      const PrivateKey &key) const override {
    PrivateKeyOperations *inside = device_.find(key.public_key);
    if (inside == nullptr) {
      return make_error(AlertDescription::internal_error, "no such key in the device");
    }
    return std::unique_ptr<PrivateKeyOperations>(
        std::make_unique<DeviceKey>(device_, *inside, key.public_key));
  }

 private:
  FakeDevice &device_;
};

TEST(ForwardingProvider, PrivateKeysCanLiveOutsideTlspp) {
  FakeDevice device;
  for (const char *name : {"rsa2048", "p256", "ed25519"})
    device.install(openssl_data().keys.at(name));
  const DeviceProvider provider(default_provider(), device);

  for (const auto &[name, params] :
       {std::pair{"rsa2048", SignatureParams{SignatureAlg::rsa_pss, HashAlg::sha256}},
        std::pair{"p256", SignatureParams{SignatureAlg::ecdsa, HashAlg::sha256}},
        std::pair{"ed25519", SignatureParams{SignatureAlg::ed25519, HashAlg::sha512}}}) {
    PrivateKey public_half;  // no private values at all
    public_half.public_key = openssl_data().keys.at(name).public_key;
    auto ops = provider.private_key_operations(public_half);
    ASSERT_TRUE(ops.ok()) << name;
    const Bytes input = params.alg == SignatureAlg::ed25519
                            ? Bytes{1, 2, 3}
                            : provider.digest(params.hash, as_bytes("signed by the device"));
    auto sig = (*ops)->sign(params, input);
    ASSERT_TRUE(sig.ok()) << name;
    // Verification is the inner provider's, untouched.
    EXPECT_TRUE(provider.verify(public_half.public_key, params, input, *sig).ok()) << name;
  }
  EXPECT_EQ(device.operations, 3);

  // RSA key exchange: the client encrypts with the forwarded (default) code, the device
  // decrypts.
  PrivateKey rsa_public_half;
  rsa_public_half.public_key = openssl_data().keys.at("rsa2048").public_key;
  const Bytes pms(48, 0x03);
  auto ciphertext = provider.rsa_encrypt_pkcs1(rsa_public_half.public_key, pms);
  ASSERT_TRUE(ciphertext.ok());
  auto plain = (*provider.private_key_operations(rsa_public_half))->rsa_decrypt_raw(*ciphertext);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(std::equal(pms.begin(), pms.end(), plain->end() - 48));
  EXPECT_EQ(device.operations, 4);

  // A key the device does not hold.
  PrivateKey unknown;
  unknown.public_key = openssl_data().keys.at("p384").public_key;
  EXPECT_FALSE(provider.private_key_operations(unknown).ok());
}

TEST(ForwardingProvider, EverythingElseIsTheInnerProviders) {
  // Overriding the clock only: the deterministic provider's random stream still flows through.
  class ClockAt final : public ForwardingProvider {
   public:
    using ForwardingProvider::ForwardingProvider;
    std::int64_t now() const override { return 86400; }
  };
  const ClockAt provider(deterministic_provider(5));
  EXPECT_EQ(provider.now(), 86400);
  EXPECT_EQ(provider.random_bytes(40), deterministic_provider(5)->random_bytes(40));
  EXPECT_EQ(provider.digest(HashAlg::sha384, as_bytes("abc")),
            default_provider()->digest(HashAlg::sha384, as_bytes("abc")));
  auto share = provider.key_share(NamedGroup::x25519);
  ASSERT_TRUE(share.ok());
  // (This provider drew 40 random bytes first, so compare with a provider that did too.)
  auto reference = deterministic_provider(5);
  (void)reference->random_bytes(40);
  auto expected = reference->key_share(NamedGroup::x25519);
  ASSERT_TRUE(expected.ok());
  EXPECT_TRUE(std::equal((*share)->public_value().begin(), (*share)->public_value().end(),
                         (*expected)->public_value().begin()));
}

}  // namespace
}  // namespace tls::cipher
