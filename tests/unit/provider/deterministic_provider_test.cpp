// The deterministic provider: the same seed gives the same random bytes, signatures, ciphertexts
// and key shares; another seed gives others; the clock is fixed. Its stream is pinned to the
// construction the header documents, computed here with Crypto++'s ChaCha20 (the provider uses
// libsodium's), so that recorded handshakes stay reproducible across versions.
#include <cryptopp/chacha.h>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cipher/provider.hpp"
#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::openssl_data;

constexpr std::uint64_t kSeed = 42;

// What one provider produces for one randomised operation, as bytes.
using Produce = std::function<Bytes(const Provider &)>;

Bytes signature(const Provider &p, const char *key, SignatureParams params) {
  auto ops = p.private_key_operations(openssl_data().keys.at(key));
  EXPECT_TRUE(ops.ok());
  if (!ops.ok()) return {};
  const Bytes digest = p.digest(params.hash, as_bytes("deterministic"));
  auto sig = (*ops)->sign(params, digest);
  EXPECT_TRUE(sig.ok()) << sig.error().to_string();
  return sig.ok() ? *sig : Bytes();
}

Bytes public_value(const Provider &p, NamedGroup group) {
  auto share = p.key_share(group);
  EXPECT_TRUE(share.ok());
  if (!share.ok()) return {};
  return Bytes((*share)->public_value().begin(), (*share)->public_value().end());
}

struct Operation {
  const char *name;
  Produce produce;
};

std::vector<Operation> randomised_operations() {
  return {
      {"random bytes", [](const Provider &p) { return p.random_bytes(100); }},
      {"RSA-PSS signature",
       [](const Provider &p) {
         return signature(p, "rsa2048", {SignatureAlg::rsa_pss, HashAlg::sha256});
       }},
      {"ECDSA P-256 signature",
       [](const Provider &p) {
         return signature(p, "p256", {SignatureAlg::ecdsa, HashAlg::sha256});
       }},
      {"ECDSA P-384 signature",
       [](const Provider &p) {
         return signature(p, "p384", {SignatureAlg::ecdsa, HashAlg::sha384});
       }},
      {"RSA encryption",
       [](const Provider &p) {
         auto c = p.rsa_encrypt_pkcs1(openssl_data().keys.at("rsa2048").public_key, Bytes(48, 3));
         return c.ok() ? *c : Bytes();
       }},
      {"X25519 share", [](const Provider &p) { return public_value(p, NamedGroup::x25519); }},
      {"P-256 share", [](const Provider &p) { return public_value(p, NamedGroup::secp256r1); }},
      {"P-384 share", [](const Provider &p) { return public_value(p, NamedGroup::secp384r1); }},
      {"ffdhe2048 share", [](const Provider &p) { return public_value(p, NamedGroup::ffdhe2048); }},
      {"server-chosen DH share",
       [](const Provider &p) {
         auto share = p.dh_key_share(ffdhe_group(NamedGroup::ffdhe3072), 2048);
         return share.ok() ? Bytes((*share)->public_value().begin(), (*share)->public_value().end())
                           : Bytes();
       }},
  };
}

TEST(DeterministicProvider, SameSeedGivesTheSameBytesForEveryRandomisedOperation) {
  for (const Operation &op : randomised_operations()) {
    const Bytes a = op.produce(*deterministic_provider(kSeed));
    const Bytes b = op.produce(*deterministic_provider(kSeed));
    ASSERT_FALSE(a.empty()) << op.name;
    EXPECT_EQ(a, b) << op.name;
    // Another seed, and the default provider, give something else.
    EXPECT_NE(op.produce(*deterministic_provider(kSeed + 1)), a) << op.name;
    EXPECT_NE(op.produce(*default_provider()), a) << op.name;
  }
}

TEST(DeterministicProvider, ASequenceOfOperationsReplaysExactly) {
  // A handshake draws from one stream in a fixed order: replaying the same calls on a fresh
  // provider with the same seed must give every value again, and the outputs of successive
  // calls on one provider differ from each other.
  auto run = [](const Provider &p) {
    std::vector<Bytes> out;
    for (const Operation &op : randomised_operations())
      out.push_back(op.produce(p));
    return out;
  };
  const auto first = run(*deterministic_provider(kSeed));
  const auto second = run(*deterministic_provider(kSeed));
  EXPECT_EQ(first, second);
  auto one = deterministic_provider(kSeed);
  EXPECT_NE(one->random_bytes(32), one->random_bytes(32));
}

TEST(DeterministicProvider, SharesFromTheSameSeedAgreeWithEachOther) {
  // Two machines of a reproducible handshake: client and server providers with different
  // seeds derive the same secret, and the whole exchange repeats exactly.
  auto exchange = [] {
    auto client = deterministic_provider(1)->key_share(NamedGroup::x25519);
    auto server = deterministic_provider(2)->key_share(NamedGroup::x25519);
    EXPECT_TRUE(client.ok() && server.ok());
    auto secret = (*client)->derive((*server)->public_value());
    EXPECT_TRUE(secret.ok());
    return Bytes(secret->begin(), secret->end());
  };
  EXPECT_EQ(exchange(), exchange());
}

TEST(DeterministicProvider, RandomBytesDoNotDependOnHowTheyAreRequested) {
  const Bytes whole = deterministic_provider(kSeed)->random_bytes(200);
  auto p = deterministic_provider(kSeed);
  Bytes pieces;
  for (std::size_t n : {1u, 63u, 1u, 64u, 0u, 71u})
    append(pieces, p->random_bytes(n));
  ASSERT_EQ(pieces.size(), whole.size());
  EXPECT_EQ(pieces, whole);
}

TEST(DeterministicProvider, StreamIsChaCha20UnderAKeyHashedFromTheSeed) {
  // deterministic_provider.hpp: key = SHA-256("tlspp deterministic provider" || seed as 8
  // little-endian bytes), all-zero 8-byte nonce, block counter from 0.
  for (std::uint64_t seed : {std::uint64_t{0}, kSeed, std::uint64_t{0x0102030405060708}}) {
    auto h = default_provider()->hash(HashAlg::sha256);
    h->update(as_bytes("tlspp deterministic provider"));
    std::array<std::uint8_t, 8> le{};
    for (std::size_t i = 0; i < 8; ++i)
      le[i] = static_cast<std::uint8_t>(seed >> (8 * i));
    h->update(le);
    const Bytes key = h->finish();
    const std::uint8_t nonce[8] = {};
    CryptoPP::ChaCha::Encryption chacha;
    chacha.SetKeyWithIV(key.data(), key.size(), nonce, sizeof nonce);
    Bytes expected(300);
    chacha.ProcessData(expected.data(), expected.data(), expected.size());
    EXPECT_EQ(deterministic_provider(seed)->random_bytes(300), expected) << "seed " << seed;
  }
}

TEST(DeterministicProvider, ClockIsFixed) {
  EXPECT_EQ(deterministic_provider(kSeed)->now(), 1700000000);
  auto p = deterministic_provider(kSeed, 1234567890);
  EXPECT_EQ(p->now(), 1234567890);
  EXPECT_EQ(p->now(), 1234567890);
  // The default provider reads the system clock.
  const auto system = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  EXPECT_LE(std::abs(default_provider()->now() - system), 5);
}

TEST(DeterministicProvider, DeterministicAlgorithmsAgreeWithTheDefaultProvider) {
  // PKCS#1 v1.5 and Ed25519 have no randomness: the seed changes nothing.
  for (const auto &[key, params] :
       {std::pair{"rsa2048", SignatureParams{SignatureAlg::rsa_pkcs1, HashAlg::sha256}},
        std::pair{"ed25519", SignatureParams{SignatureAlg::ed25519, HashAlg::sha512}}}) {
    const Bytes expected = signature(*default_provider(), key, params);
    EXPECT_EQ(signature(*deterministic_provider(7), key, params), expected) << key;
  }
}

}  // namespace
}  // namespace tls::cipher
