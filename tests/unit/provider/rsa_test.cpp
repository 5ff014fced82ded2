// RSA in the default provider, checked against OpenSSL-made signatures and ciphertexts
// (tests/data/provider) and for strictness: only the one exact encoding verifies.
#include <cryptopp/integer.h>
#include <cryptopp/nbtheory.h>
#include <cryptopp/osrng.h>
#include <cryptopp/rsa.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "cipher/cryptopp_integer.hpp"
#include "cipher/emsa_pkcs1.hpp"
#include "cipher/provider.hpp"
#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::openssl_data;

// Crypto++'s operating-system generator, for making test keys with Crypto++ itself.
using CryptoppRandomForTests = CryptoPP::AutoSeededRandomPool;

const PrivateKey &rsa2048() {
  return openssl_data().keys.at("rsa2048");
}

std::unique_ptr<PrivateKeyOperations> operations(const PrivateKey &key) {
  auto ops = default_provider()->private_key_operations(key);
  EXPECT_TRUE(ops.ok()) << (ops.ok() ? "" : ops.error().to_string());
  return ops.ok() ? std::move(*ops) : nullptr;
}

// The raw private function doubles as a way to "sign" any encoded message EM (s = EM^d),
// which lets the tests present malformed encodings with valid RSA arithmetic.
Bytes raw_sign(const PrivateKey &key, ByteView em) {
  auto ops = operations(key);
  Bytes padded(key.public_key.rsa_n.size() - em.size(), 0);
  append(padded, em);
  auto s = ops->rsa_decrypt_raw(padded);
  EXPECT_TRUE(s.ok());
  return s.ok() ? Bytes(s->begin(), s->end()) : Bytes();
}

TEST(Rsa, Pkcs1SignaturesEqualOpenSslsByteForByte) {
  int checked = 0;
  for (const auto &s : openssl_data().signatures) {
    if (s.params.alg != SignatureAlg::rsa_pkcs1) continue;
    const PrivateKey &key = openssl_data().keys.at(s.key);
    const Bytes digest = default_provider()->digest(s.params.hash, s.message);
    auto mine = operations(key)->sign(s.params, digest);
    ASSERT_TRUE(mine.ok()) << mine.error().to_string();
    EXPECT_EQ(*mine, s.signature) << s.key << " " << hash_name(s.params.hash);
    EXPECT_TRUE(default_provider()->verify(key.public_key, s.params, digest, s.signature).ok());
    ++checked;
  }
  EXPECT_EQ(checked, 10);  // 2 keys x (SHA-1, SHA-256, SHA-384, SHA-512, MD5+SHA1)
}

TEST(Rsa, VerifiesOpenSslPssSignatures) {
  int checked = 0;
  for (const auto &s : openssl_data().signatures) {
    if (s.params.alg != SignatureAlg::rsa_pss) continue;
    const PrivateKey &key = openssl_data().keys.at(s.key);
    const Bytes digest = default_provider()->digest(s.params.hash, s.message);
    auto status = default_provider()->verify(key.public_key, s.params, digest, s.signature);
    EXPECT_TRUE(status.ok()) << status.error().to_string();
    // The same signature checked as PKCS#1 v1.5 is refused.
    EXPECT_FALSE(
        default_provider()
            ->verify(key.public_key, {SignatureAlg::rsa_pkcs1, s.params.hash}, digest, s.signature)
            .ok());
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST(Rsa, PssSignVerifyRoundTripWithEveryHash) {
  for (const char *name : {"rsa2048", "rsa1024"}) {
    const PrivateKey &key = openssl_data().keys.at(name);
    auto ops = operations(key);
    for (HashAlg hash : {HashAlg::sha1, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512}) {
      const SignatureParams params{SignatureAlg::rsa_pss, hash};
      const Bytes digest = default_provider()->digest(hash, as_bytes("round trip"));
      auto sig = ops->sign(params, digest);
      if (key.public_key.bits() == 1024 && hash == HashAlg::sha512) {
        // RFC 8017 §9.1.1: emLen (128) < hLen + sLen + 2 (130): the key is too small.
        ASSERT_FALSE(sig.ok());
        EXPECT_EQ(sig.error().alert, AlertDescription::internal_error);
        continue;
      }
      ASSERT_TRUE(sig.ok()) << sig.error().to_string();
      EXPECT_EQ(sig->size(), key.public_key.rsa_n.size());
      EXPECT_TRUE(default_provider()->verify(key.public_key, params, digest, *sig).ok());
      // PSS is randomised: a second signature differs but verifies too.
      auto again = ops->sign(params, digest);
      ASSERT_TRUE(again.ok());
      EXPECT_NE(*again, *sig);
      EXPECT_TRUE(default_provider()->verify(key.public_key, params, digest, *again).ok());
      // Another digest, or another hash, does not verify.
      Bytes other = digest;
      other[0] ^= 1;
      EXPECT_FALSE(default_provider()->verify(key.public_key, params, other, *sig).ok());
    }
  }
}

TEST(Rsa, AnyOneBitChangeOfASignatureFailsWithDecryptError) {
  const auto &s = openssl_data().signatures.front();  // rsa2048, PKCS#1 v1.5, SHA-1
  ASSERT_EQ(s.params.alg, SignatureAlg::rsa_pkcs1);
  const PrivateKey &key = openssl_data().keys.at(s.key);
  const Bytes digest = default_provider()->digest(s.params.hash, s.message);
  for (std::size_t i = 0; i < s.signature.size(); i += 37) {
    Bytes bad = s.signature;
    bad[i] ^= 0x04;
    auto status = default_provider()->verify(key.public_key, s.params, digest, bad);
    ASSERT_FALSE(status.ok()) << "byte " << i;
    EXPECT_EQ(status.error().alert, AlertDescription::decrypt_error);
  }
}

TEST(Rsa, SignatureOfTheWrongLengthIsADecodeError) {
  const auto &s = openssl_data().signatures.front();
  const PrivateKey &key = openssl_data().keys.at(s.key);
  const Bytes digest = default_provider()->digest(s.params.hash, s.message);
  Bytes shorter(s.signature.begin() + 1, s.signature.end());
  Bytes longer = s.signature;
  longer.insert(longer.begin(), 0x00);  // same integer, one byte longer
  for (const Bytes &bad : {shorter, longer}) {
    auto status = default_provider()->verify(key.public_key, s.params, digest, bad);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::decode_error);
  }
}

TEST(Rsa, Pkcs1VerificationAcceptsOnlyTheExactEncoding) {
  const PrivateKey &key = rsa2048();
  const std::size_t k = key.public_key.rsa_n.size();
  const Bytes digest = default_provider()->digest(HashAlg::sha256, as_bytes("strict"));
  const SignatureParams params{SignatureAlg::rsa_pkcs1, HashAlg::sha256};
  auto good = emsa_pkcs1_v15_encode(HashAlg::sha256, digest, k);
  ASSERT_TRUE(good.ok());
  ASSERT_TRUE(
      default_provider()->verify(key.public_key, params, digest, raw_sign(key, *good)).ok());

  // DigestInfo without the NULL parameters (a form some verifiers tolerate).
  Bytes no_null = {0x00, 0x01};
  const Bytes info = {0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48,
                      0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x04, 0x20};
  no_null.insert(no_null.end(), k - 3 - info.size() - digest.size(), 0xff);
  no_null.push_back(0x00);
  append(no_null, info);
  append(no_null, digest);
  ASSERT_EQ(no_null.size(), k);

  // Bytes hidden after the digest, with a shorter padding (the Bleichenbacher'06 shape).
  Bytes garbage = *good;
  garbage.erase(garbage.begin() + 2, garbage.begin() + 10);
  garbage.insert(garbage.end(), {1, 2, 3, 4, 5, 6, 7, 8});

  // Only 7 padding bytes, the rest of the block filled with zeros in front of the block type:
  // the same integer as a correctly padded block would be to a verifier that strips leading
  // zeros before parsing.
  const std::size_t t_size = digest_info_prefix(HashAlg::sha256).size() + digest.size();
  Bytes short_padding(k, 0x00);
  const std::size_t type_at = k - t_size - 1 - 7 - 1;
  short_padding[type_at] = 0x01;
  std::fill_n(short_padding.begin() + static_cast<std::ptrdiff_t>(type_at + 1), 7, 0xff);
  std::copy(good->end() - static_cast<std::ptrdiff_t>(t_size), good->end(),
            short_padding.end() - static_cast<std::ptrdiff_t>(t_size));
  ASSERT_EQ(short_padding[k - t_size - 1], 0x00);
  Bytes wrong_type = *good;
  wrong_type[1] = 0x02;
  Bytes padding_not_ff = *good;
  padding_not_ff[5] = 0xfe;
  // The same digest encoded for another hash.
  auto sha1_info = emsa_pkcs1_v15_encode(
      HashAlg::sha1, default_provider()->digest(HashAlg::sha1, as_bytes("x")), k);
  ASSERT_TRUE(sha1_info.ok());

  for (const Bytes &em :
       {no_null, garbage, short_padding, wrong_type, padding_not_ff, *sha1_info}) {
    auto status = default_provider()->verify(key.public_key, params, digest, raw_sign(key, em));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::decrypt_error);
  }
}

TEST(Rsa, Md5Sha1SignatureHasNoDigestInfo) {
  const PrivateKey &key = rsa2048();
  const Bytes hash36 = default_provider()->digest(HashAlg::md5_sha1, as_bytes("TLS 1.0"));
  auto sig = operations(key)->sign({SignatureAlg::rsa_pkcs1, HashAlg::md5_sha1}, hash36);
  ASSERT_TRUE(sig.ok());
  EXPECT_TRUE(
      default_provider()
          ->verify(key.public_key, {SignatureAlg::rsa_pkcs1, HashAlg::md5_sha1}, hash36, *sig)
          .ok());
  // The signature is the private function of 00 01 FF.. 00 || the 36 bytes, built here by
  // hand: no DigestInfo in front of the hashes.
  Bytes expected(key.public_key.rsa_n.size() - 36 - 3, 0xff);
  expected.insert(expected.begin(), {0x00, 0x01});
  expected.push_back(0x00);
  append(expected, hash36);
  EXPECT_EQ(raw_sign(key, expected), *sig);
}

TEST(Rsa, WrongDigestSizeAndAlgorithmMismatchAreErrors) {
  const PrivateKey &key = rsa2048();
  auto ops = operations(key);
  const Bytes short_digest(31, 0x11);
  auto sig = ops->sign({SignatureAlg::rsa_pkcs1, HashAlg::sha256}, short_digest);
  ASSERT_FALSE(sig.ok());
  EXPECT_EQ(sig.error().alert, AlertDescription::internal_error);
  EXPECT_FALSE(ops->sign({SignatureAlg::ecdsa, HashAlg::sha256}, Bytes(32)).ok());
  EXPECT_FALSE(ops->sign({SignatureAlg::rsa_pss, HashAlg::md5_sha1}, Bytes(36)).ok());
  // An ECDSA or Ed25519 signature checked against an RSA key.
  for (SignatureAlg alg : {SignatureAlg::ecdsa, SignatureAlg::ed25519}) {
    auto status =
        default_provider()->verify(key.public_key, {alg, HashAlg::sha256}, Bytes(32), Bytes(64));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  }
}

TEST(Rsa, DecryptsOpenSslCiphertextsRaw) {
  for (const auto &e : openssl_data().encryptions) {
    const PrivateKey &key = openssl_data().keys.at(e.key);
    const std::size_t k = key.public_key.rsa_n.size();
    auto m = operations(key)->rsa_decrypt_raw(e.ciphertext);
    ASSERT_TRUE(m.ok()) << m.error().to_string();
    // Raw: the whole EME-PKCS1-v1_5 block, left-padded to k bytes: 00 02 PS 00 message.
    ASSERT_EQ(m->size(), k);
    EXPECT_EQ((*m)[0], 0x00);
    EXPECT_EQ((*m)[1], 0x02);
    const std::size_t sep = k - e.plaintext.size() - 1;
    EXPECT_EQ((*m)[sep], 0x00);
    for (std::size_t i = 2; i < sep; ++i)
      EXPECT_NE((*m)[i], 0x00) << "PS byte " << i;
    EXPECT_EQ(Bytes(m->begin() + static_cast<std::ptrdiff_t>(sep + 1), m->end()), e.plaintext);
  }
}

TEST(Rsa, EncryptThenRawDecryptRoundTrip) {
  for (const char *name : {"rsa2048", "rsa1024"}) {
    const PrivateKey &key = openssl_data().keys.at(name);
    const std::size_t k = key.public_key.rsa_n.size();
    const Bytes pms = default_provider()->random_bytes(48);
    auto c1 = default_provider()->rsa_encrypt_pkcs1(key.public_key, pms);
    auto c2 = default_provider()->rsa_encrypt_pkcs1(key.public_key, pms);
    ASSERT_TRUE(c1.ok() && c2.ok());
    EXPECT_EQ(c1->size(), k);
    EXPECT_NE(*c1, *c2);  // random padding
    auto m = operations(key)->rsa_decrypt_raw(*c1);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ((*m)[0], 0x00);
    EXPECT_EQ((*m)[1], 0x02);
    EXPECT_EQ((*m)[k - 49], 0x00);
    for (std::size_t i = 2; i < k - 49; ++i)
      EXPECT_NE((*m)[i], 0x00) << "PS byte " << i;
    EXPECT_EQ(Bytes(m->end() - 48, m->end()), pms);
  }
  // A message that does not fit (k - 11 bytes at most) is an error.
  const PrivateKey &key = openssl_data().keys.at("rsa1024");
  EXPECT_FALSE(default_provider()->rsa_encrypt_pkcs1(key.public_key, Bytes(128 - 10)).ok());
  EXPECT_TRUE(default_provider()->rsa_encrypt_pkcs1(key.public_key, Bytes(128 - 11)).ok());
}

TEST(Rsa, RawDecryptRefusesWrongLengthAndValuesNotBelowN) {
  const PrivateKey &key = rsa2048();
  auto ops = operations(key);
  const Bytes &n = key.public_key.rsa_n;
  auto too_short = ops->rsa_decrypt_raw(Bytes(n.size() - 1, 0x01));
  ASSERT_FALSE(too_short.ok());
  EXPECT_EQ(too_short.error().alert, AlertDescription::decode_error);
  auto equal_n = ops->rsa_decrypt_raw(n);
  ASSERT_FALSE(equal_n.ok());
  EXPECT_EQ(equal_n.error().alert, AlertDescription::decrypt_error);
  EXPECT_FALSE(ops->rsa_decrypt_raw(Bytes(n.size(), 0xff)).ok());
}

TEST(Rsa, CheckKeyPairAndPublicKey) {
  const PrivateKey &good = rsa2048();
  EXPECT_TRUE(default_provider()->check_key_pair(good).ok());
  EXPECT_TRUE(default_provider()->check_public_key(good.public_key).ok());
  EXPECT_EQ(good.public_key.bits(), 2048u);

  PrivateKey swapped = good;  // the private half of the other key
  const PrivateKey &other = openssl_data().keys.at("rsa1024");
  swapped.rsa_p = other.rsa_p;
  EXPECT_FALSE(default_provider()->check_key_pair(swapped).ok());
  EXPECT_FALSE(default_provider()->private_key_operations(swapped).ok());
  PrivateKey bad_d = good;
  bad_d.rsa_d.back() ^= 0x02;
  EXPECT_FALSE(default_provider()->check_key_pair(bad_d).ok());
  PrivateKey bad_qinv = good;
  bad_qinv.rsa_qinv.back() ^= 0x01;
  EXPECT_FALSE(default_provider()->check_key_pair(bad_qinv).ok());
  // Only n, e, d: Crypto++ recovers p and q.
  PrivateKey d_only = good;
  d_only.rsa_p.clear();
  d_only.rsa_q.clear();
  d_only.rsa_dp.clear();
  d_only.rsa_dq.clear();
  d_only.rsa_qinv.clear();
  EXPECT_TRUE(default_provider()->check_key_pair(d_only).ok());

  PublicKey even = good.public_key;
  even.rsa_n.back() &= 0xfe;
  PublicKey e_one = good.public_key;
  e_one.rsa_e = {0x01};
  PublicKey e_even = good.public_key;
  e_even.rsa_e = {0x01, 0x00, 0x00};
  PublicKey tiny = good.public_key;
  tiny.rsa_n.resize(32);  // 256 bits
  tiny.rsa_n.back() |= 1;
  for (const PublicKey &k : {even, e_one, e_even, tiny}) {
    auto status = default_provider()->check_public_key(k);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  }
}

TEST(Rsa, MalformedPrivateKeysAreErrorsNotExceptions) {
  PrivateKey key = rsa2048();
  key.rsa_p = to_secure(Bytes{0x01});  // p - 1 = 0: Crypto++ would divide by zero
  key.rsa_dp.clear();
  key.rsa_qinv.clear();
  EXPECT_FALSE(default_provider()->private_key_operations(key).ok());
  EXPECT_FALSE(default_provider()->check_key_pair(key).ok());
  PrivateKey zero = rsa2048();
  zero.rsa_q.assign(zero.rsa_q.size(), 0);
  EXPECT_FALSE(default_provider()->private_key_operations(zero).ok());
  PublicKey empty;
  EXPECT_FALSE(default_provider()->check_public_key(empty).ok());
  EXPECT_FALSE(default_provider()->rsa_encrypt_pkcs1(empty, Bytes(48)).ok());
}

TEST(Rsa, KeyGivenAsNEDOnlyHasItsPrimesRecovered) {
  // RFC 8017 §3.2 allows the first representation (n, d) alone; tlspp recovers p and q and
  // then signs exactly as with the full key.
  for (const char *name : {"rsa2048", "rsa1024"}) {
    const PrivateKey &full = openssl_data().keys.at(name);
    PrivateKey n_e_d;
    n_e_d.public_key = full.public_key;
    n_e_d.rsa_d = full.rsa_d;
    ASSERT_TRUE(default_provider()->check_key_pair(n_e_d).ok()) << name;
    const SignatureParams params{SignatureAlg::rsa_pkcs1, HashAlg::sha256};
    const Bytes digest = default_provider()->digest(HashAlg::sha256, as_bytes("n, e, d"));
    auto a = operations(full)->sign(params, digest);
    auto b = operations(n_e_d)->sign(params, digest);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b) << name;
  }
  // Keys made by Crypto++'s own generator, with e = 65537 and e = 3: the search for a square
  // root of 1 takes each of its paths over so many keys.
  CryptoppRandomForTests rng;
  for (long e : {65537L, 3L}) {
    for (int i = 0; i < 12; ++i) {
      CryptoPP::InvertibleRSAFunction f;
      f.Initialize(rng, 512, CryptoPP::Integer(e));
      PrivateKey key;
      key.public_key.type = KeyType::rsa;
      key.public_key.rsa_n = integer_to_bytes(f.GetModulus(), f.GetModulus().MinEncodedSize());
      key.public_key.rsa_e =
          integer_to_bytes(f.GetPublicExponent(), f.GetPublicExponent().MinEncodedSize());
      key.rsa_d = to_secure(
          integer_to_bytes(f.GetPrivateExponent(), f.GetPrivateExponent().MinEncodedSize()));
      auto status = default_provider()->check_key_pair(key);
      EXPECT_TRUE(status.ok()) << "e = " << e << ", key " << i << ": "
                               << status.error().to_string();
    }
  }
}

TEST(Rsa, NEDKeyWithAPrimeModulusIsAnErrorNotAHang) {
  // n prime and d = e^-1 mod (n - 1): every square root of 1 mod n is +-1, so a factor search
  // without a bound (Crypto++'s InvertibleRSAFunction::Initialize(n, e, d)) never ends.
  const PrivateKey &source = rsa2048();
  const CryptoPP::Integer prime = integer_from_bytes(source.rsa_p);  // a 1024-bit prime
  ASSERT_TRUE(CryptoPP::IsPrime(prime));
  const CryptoPP::Integer e(65537L);
  const CryptoPP::Integer d = e.InverseMod(prime - CryptoPP::Integer::One());
  PrivateKey key;
  key.public_key.type = KeyType::rsa;
  key.public_key.rsa_n = integer_to_bytes(prime, prime.MinEncodedSize());
  key.public_key.rsa_e = {0x01, 0x00, 0x01};
  key.rsa_d = to_secure(integer_to_bytes(d, d.MinEncodedSize()));
  const auto start = std::chrono::steady_clock::now();
  auto status = default_provider()->check_key_pair(key);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  EXPECT_FALSE(default_provider()->private_key_operations(key).ok());
  // (Not a timing assertion: this only guards against a loop that never ends.)
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(Rsa, LargeModulusWithAHugePublicExponentIsRefused) {
  // A verification costs an exponentiation by e: a 16384-bit n with a 16384-bit e would take
  // seconds per signature. Above 3072 bits of modulus, e is limited to 64 bits (OpenSSL's rule).
  PublicKey key;
  key.type = KeyType::rsa;
  key.rsa_n = Bytes(512, 0xcb);  // 4096 bits, odd; only its form is checked here
  key.rsa_e = Bytes(9, 0xff);    // 72 bits
  auto status = default_provider()->check_public_key(key);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  EXPECT_FALSE(default_provider()
                   ->verify(key, {SignatureAlg::rsa_pkcs1, HashAlg::sha256}, Bytes(32), Bytes(512))
                   .ok());
  key.rsa_e = Bytes(8, 0xff);  // 64 bits
  EXPECT_TRUE(default_provider()->check_public_key(key).ok());
  key.rsa_n.resize(384);  // 3072 bits: any odd e below n
  key.rsa_e = Bytes(200, 0xff);
  EXPECT_TRUE(default_provider()->check_public_key(key).ok());
}

}  // namespace
}  // namespace tls::cipher
