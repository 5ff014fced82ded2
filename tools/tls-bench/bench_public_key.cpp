// Key agreement and signatures: operations per second of the default provider's choice against
// the other library where both offer the primitive. Keys are made fresh at start-up.
#include <cryptopp/eccrypto.h>
#include <cryptopp/oids.h>
#include <cryptopp/osrng.h>
#include <cryptopp/rsa.h>
#include <cryptopp/sha.h>
#include <cryptopp/xed25519.h>
#include <sodium.h>

#include <cstdio>
#include <string>

#include "bench.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/provider.hpp"

namespace tls::bench {

namespace {

using cipher::HashAlg;
using cipher::KeyType;
using cipher::NamedGroup;
using cipher::PrivateKey;
using cipher::Provider;
using cipher::SignatureAlg;
using cipher::SignatureParams;

Bytes public_value(const cipher::KeyShare &share) {
  return Bytes(share.public_value().begin(), share.public_value().end());
}

void key_agreement(const Provider &provider, Report &report) {
  report.heading("Key agreement (a fresh key pair and one shared secret per operation)");
  for (const auto &[name, group, library] :
       {std::tuple{"X25519", NamedGroup::x25519, "libsodium"},
        std::tuple{"ECDH P-256", NamedGroup::secp256r1, "Crypto++"},
        std::tuple{"ECDH P-384", NamedGroup::secp384r1, "Crypto++"},
        std::tuple{"FFDHE-2048", NamedGroup::ffdhe2048, "Crypto++"},
        std::tuple{"FFDHE-3072", NamedGroup::ffdhe3072, "Crypto++"}}) {
    const NamedGroup g = group;  // (a lambda cannot capture a structured binding in C++20)
    auto peer = provider.key_share(g);
    if (!peer) continue;
    const Bytes peer_value = public_value(**peer);
    report.rate(name, library, true, [&] {
      auto share = provider.key_share(g);
      auto secret = (*share)->derive(peer_value);
      keep((*secret)[0]);
    });
    if (group == NamedGroup::x25519) {
      CryptoPP::AutoSeededRandomPool rng;
      CryptoPP::x25519 x;
      report.rate(name, "Crypto++", false, [&] {
        std::uint8_t priv[32], pub[32], shared[32];
        x.GenerateKeyPair(rng, priv, pub);
        (void)x.Agree(shared, priv, peer_value.data());
        keep(shared[0]);
      });
    }
  }
}

PrivateKey make_rsa_key(unsigned bits) {
  CryptoPP::AutoSeededRandomPool rng;
  CryptoPP::InvertibleRSAFunction f;
  f.Initialize(rng, bits, CryptoPP::Integer(65537L));
  auto bytes = [](const CryptoPP::Integer &v) {
    return cipher::integer_to_bytes(v, v.MinEncodedSize());
  };
  PrivateKey key;
  key.public_key.type = KeyType::rsa;
  key.public_key.rsa_n = bytes(f.GetModulus());
  key.public_key.rsa_e = bytes(f.GetPublicExponent());
  key.rsa_d = to_secure(bytes(f.GetPrivateExponent()));
  key.rsa_p = to_secure(bytes(f.GetPrime1()));
  key.rsa_q = to_secure(bytes(f.GetPrime2()));
  key.rsa_dp = to_secure(bytes(f.GetModPrime1PrivateExponent()));
  key.rsa_dq = to_secure(bytes(f.GetModPrime2PrivateExponent()));
  key.rsa_qinv = to_secure(bytes(f.GetMultiplicativeInverseOfPrime2ModPrime1()));
  return key;
}

void rsa(const Provider &provider, Report &report) {
  report.heading("RSA-2048 (Crypto++ only; blinded private operations)");
  const PrivateKey key = make_rsa_key(2048);
  auto ops = provider.private_key_operations(key);
  if (!ops) {
    std::printf("  RSA key: %s\n", ops.error().to_string().c_str());
    return;
  }
  const Bytes digest = provider.digest(HashAlg::sha256, as_bytes("tls-bench"));
  for (const auto &[name, params] :
       {std::pair{"RSA-2048 sign PKCS#1 v1.5",
                  SignatureParams{SignatureAlg::rsa_pkcs1, HashAlg::sha256}},
        std::pair{"RSA-2048 sign PSS", SignatureParams{SignatureAlg::rsa_pss, HashAlg::sha256}}}) {
    const SignatureParams p = params;  // (a lambda cannot capture a structured binding)
    report.rate(name, "Crypto++", true, [&] { keep((*(*ops)->sign(p, digest))[0]); });
  }
  auto ciphertext = provider.rsa_encrypt_pkcs1(key.public_key, Bytes(48, 3));
  report.rate("RSA-2048 decrypt (raw)", "Crypto++", true,
              [&] { keep((*(*ops)->rsa_decrypt_raw(*ciphertext))[0]); });
  const SignatureParams pkcs1{SignatureAlg::rsa_pkcs1, HashAlg::sha256};
  const Bytes signature = *(*ops)->sign(pkcs1, digest);
  report.rate("RSA-2048 verify PKCS#1 v1.5", "Crypto++", true,
              [&] { keep(provider.verify(key.public_key, pkcs1, digest, signature).ok()); });
  report.rate("RSA-2048 encrypt", "Crypto++", true,
              [&] { keep((*provider.rsa_encrypt_pkcs1(key.public_key, Bytes(48, 3)))[0]); });
}

void ecdsa(const Provider &provider, Report &report) {
  report.heading("ECDSA P-256 over a SHA-256 digest");
  CryptoPP::AutoSeededRandomPool rng;
  Bytes scalar(32);
  provider.random(scalar);
  scalar[0] &= 0x7f;  // below the group order
  auto share = provider.key_share_from_private(NamedGroup::secp256r1, scalar);
  if (!share) return;
  PrivateKey key;
  key.public_key.type = KeyType::ec_p256;
  key.public_key.point = public_value(**share);
  key.secret = to_secure(scalar);
  auto ops = provider.private_key_operations(key);
  if (!ops) return;
  const SignatureParams params{SignatureAlg::ecdsa, HashAlg::sha256};
  const Bytes digest = provider.digest(HashAlg::sha256, as_bytes("tls-bench"));
  report.rate("ECDSA P-256 sign", "Crypto++", true,
              [&] { keep((*(*ops)->sign(params, digest))[0]); });
  const Bytes signature = *(*ops)->sign(params, digest);
  report.rate("ECDSA P-256 verify", "Crypto++", true,
              [&] { keep(provider.verify(key.public_key, params, digest, signature).ok()); });
  // Crypto++'s own ECDSA classes (it hashes the 32-byte input itself), for comparison with
  // tlspp's formulas over the same curve arithmetic.
  using Ecdsa = CryptoPP::ECDSA<CryptoPP::ECP, CryptoPP::SHA256>;
  Ecdsa::PrivateKey cpp_key;
  cpp_key.Initialize(CryptoPP::ASN1::secp256r1(), cipher::integer_from_bytes(scalar));
  Ecdsa::Signer signer(cpp_key);
  Ecdsa::PublicKey cpp_public;
  cpp_key.MakePublicKey(cpp_public);
  Ecdsa::Verifier verifier(cpp_public);
  Bytes cpp_signature(signer.MaxSignatureLength());
  report.rate("ECDSA P-256 sign", "Crypto++*", false, [&] {
    keep(static_cast<std::uint8_t>(
        signer.SignMessage(rng, digest.data(), digest.size(), cpp_signature.data())));
  });
  const std::size_t length =
      signer.SignMessage(rng, digest.data(), digest.size(), cpp_signature.data());
  report.rate("ECDSA P-256 verify", "Crypto++*", false, [&] {
    keep(verifier.VerifyMessage(digest.data(), digest.size(), cpp_signature.data(), length));
  });
}

void ed25519(const Provider &provider, Report &report) {
  report.heading("Ed25519 over a 100-byte message");
  PrivateKey key;
  key.public_key.type = KeyType::ed25519;
  key.secret = to_secure(provider.random_bytes(32));
  key.public_key.point.resize(32);
  SecureBuffer expanded(64);
  crypto_sign_seed_keypair(key.public_key.point.data(), expanded.data(), key.secret.data());
  auto ops = provider.private_key_operations(key);
  if (!ops) return;
  const SignatureParams params{SignatureAlg::ed25519, HashAlg::sha512};
  const Bytes message(100, 0x6d);
  report.rate("Ed25519 sign", "libsodium", true,
              [&] { keep((*(*ops)->sign(params, message))[0]); });
  const Bytes signature = *(*ops)->sign(params, message);
  report.rate("Ed25519 verify", "libsodium", true,
              [&] { keep(provider.verify(key.public_key, params, message, signature).ok()); });
  CryptoPP::AutoSeededRandomPool rng;
  CryptoPP::ed25519Signer signer(key.public_key.point.data(), key.secret.data());
  CryptoPP::ed25519Verifier verifier(signer);
  Bytes cpp_signature(signer.MaxSignatureLength());
  report.rate("Ed25519 sign", "Crypto++", false, [&] {
    keep(static_cast<std::uint8_t>(
        signer.SignMessage(rng, message.data(), message.size(), cpp_signature.data())));
  });
  report.rate("Ed25519 verify", "Crypto++", false, [&] {
    keep(
        verifier.VerifyMessage(message.data(), message.size(), signature.data(), signature.size()));
  });
  // Speed is not the whole story: the identity as public key with R = identity and S = 0
  // satisfies the verification equation for any message. A strict verifier refuses it.
  std::uint8_t identity[32] = {1};
  std::uint8_t forged[64] = {1};
  const bool sodium_accepts =
      crypto_sign_ed25519_verify_detached(forged, message.data(), message.size(), identity) == 0;
  CryptoPP::ed25519Verifier identity_verifier(identity);
  const bool cryptopp_accepts =
      identity_verifier.VerifyMessage(message.data(), message.size(), forged, sizeof forged);
  report.note("Ed25519 forged under the identity key", "libsodium",
              sodium_accepts ? "ACCEPTED" : "refused");
  report.note("Ed25519 forged under the identity key", "Crypto++",
              cryptopp_accepts ? "ACCEPTED" : "refused");
}

}  // namespace

void bench_public_key(const Provider &provider, Report &report) {
  key_agreement(provider, report);
  rsa(provider, report);
  ecdsa(provider, report);
  ed25519(provider, report);
}

}  // namespace tls::bench
