// Checks for signatures and key agreement:
//   [X25519]                  Private, optional Public, Peer, Shared
//   [X25519-Iterated]         Start, Iterations (decimal), Output (RFC 7748 §5.2)
//   [ECDH-P256] [ECDH-P384]   the same fields as [X25519]
//   [Ed25519]                 Secret (seed), Public, Msg, Sig
//   [ECDSA-P256] [ECDSA-P384] X, Ux, Uy, Hash (SHA1/SHA256/...), Msg, R, S
//   [RSA-PKCS1]               N, E, Hash, Msg, Sig (RSASSA-PKCS1-v1_5 verification)
//   [RSA-PSS]                 N, E, Hash, Msg, Salt, Sig (RSASSA-PSS, salt length = hash length)
#include <string>

#include "check_helpers.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/ecdsa_der.hpp"
#include "cipher/emsa_pss.hpp"
#include "runner.hpp"

namespace tls::vectors {

namespace {

using cipher::KeyType;
using cipher::NamedGroup;

// Key agreement with a given private key: its public value (when the vector gives one) and
// the shared secret with the peer's value.
Check key_agreement_check(NamedGroup group) {
  return [group](Vector &v, const cipher::Provider &provider) {
    const Bytes priv = v.hex("Private");
    const std::optional<Bytes> pub = v.optional_hex("Public");
    const Bytes peer = v.hex("Peer");
    const Bytes shared = v.hex("Shared");
    auto share = provider.key_share_from_private(group, priv);
    if (!share) {
      v.fail("key_share_from_private: " + share.error().to_string());
      return;
    }
    if (pub) v.expect_equal("Public", *pub, (*share)->public_value());
    auto secret = (*share)->derive(peer);
    if (!secret) {
      v.fail("derive: " + secret.error().to_string());
      return;
    }
    v.expect_equal("Shared", shared, *secret);
  };
}

// RFC 7748 §5.2: k = u = Start; repeat k, u = X25519(k, u), k.
void x25519_iterated_check(Vector &v, const cipher::Provider &provider) {
  Bytes k = v.hex("Start");
  const std::uint64_t iterations = v.number("Iterations");
  const Bytes expected = v.hex("Output");
  Bytes u = k;
  for (std::uint64_t i = 0; i < iterations; ++i) {
    auto share = provider.key_share_from_private(NamedGroup::x25519, k);
    if (!share) {
      v.fail("key_share_from_private: " + share.error().to_string());
      return;
    }
    auto next = (*share)->derive(u);
    if (!next) {
      v.fail("derive: " + next.error().to_string());
      return;
    }
    u = k;
    k.assign(next->begin(), next->end());
  }
  v.expect_equal("Output", expected, k);
}

void ed25519_check(Vector &v, const cipher::Provider &provider) {
  cipher::PrivateKey key;
  key.public_key.type = KeyType::ed25519;
  key.secret = to_secure(v.hex("Secret"));
  key.public_key.point = v.hex("Public");
  const Bytes msg = v.hex("Msg");
  const Bytes sig = v.hex("Sig");
  if (auto s = provider.check_key_pair(key); !s) {
    v.fail("check_key_pair: " + s.error().to_string());
    return;
  }
  const cipher::SignatureParams params{cipher::SignatureAlg::ed25519, cipher::HashAlg::sha512};
  // Ed25519 is deterministic: signing gives the published signature byte for byte.
  auto ops = provider.private_key_operations(key);
  if (!ops) {
    v.fail("private_key_operations: " + ops.error().to_string());
    return;
  }
  auto signature = (*ops)->sign(params, msg);
  if (!signature) {
    v.fail("sign: " + signature.error().to_string());
    return;
  }
  v.expect_equal("Sig", sig, *signature);
  if (auto s = provider.verify(key.public_key, params, msg, sig); !s) {
    v.fail("verify: " + s.error().to_string());
  }
}

// Verifies a published (r, s) over Hash(Msg) and checks that X is the key of (Ux, Uy).
Check ecdsa_check(KeyType type) {
  return [type](Vector &v, const cipher::Provider &provider) {
    cipher::PrivateKey key;
    key.public_key.type = type;
    key.secret = to_secure(v.hex("X"));
    Bytes point = {0x04};
    append(point, v.hex("Ux"));
    append(point, v.hex("Uy"));
    key.public_key.point = point;
    const auto hash = hash_field(v, "Hash");
    const Bytes msg = v.hex("Msg");
    const Bytes r = v.hex("R");
    const Bytes s = v.hex("S");
    if (!hash) return;
    if (auto status = provider.check_key_pair(key); !status) {
      v.fail("check_key_pair: " + status.error().to_string());
      return;
    }
    auto der = cipher::encode_ecdsa_signature(r, s);
    if (!der) {
      v.fail("encoding (r, s): " + der.error().to_string());
      return;
    }
    const cipher::SignatureParams params{cipher::SignatureAlg::ecdsa, *hash};
    if (auto status = provider.verify(key.public_key, params, provider.digest(*hash, msg), *der);
        !status) {
      v.fail("verify: " + status.error().to_string());
    }
  };
}

cipher::PublicKey rsa_public_key(Vector &v) {
  cipher::PublicKey key;
  key.type = KeyType::rsa;
  key.rsa_n = v.hex("N");
  key.rsa_e = v.hex("E");
  return key;
}

// A published PKCS#1 v1.5 signature verifies (the verifier compares one exact encoding).
void rsa_pkcs1_check(Vector &v, const cipher::Provider &provider) {
  const cipher::PublicKey key = rsa_public_key(v);
  const auto hash = hash_field(v, "Hash");
  const Bytes msg = v.hex("Msg");
  const Bytes sig = v.hex("Sig");
  if (!hash) return;
  const cipher::SignatureParams params{cipher::SignatureAlg::rsa_pkcs1, *hash};
  if (auto status = provider.verify(key, params, provider.digest(*hash, msg), sig); !status) {
    v.fail("verify: " + status.error().to_string());
  }
}

// A published PSS signature verifies, and tlspp's EMSA-PSS encoding of the message with the
// published salt is exactly what the signature opens to (Sig^e mod n, computed here with
// Crypto++'s modular exponentiation), so the salt and the encoder are checked too.
void rsa_pss_check(Vector &v, const cipher::Provider &provider) {
  const cipher::PublicKey key = rsa_public_key(v);
  const auto hash = hash_field(v, "Hash");
  const Bytes msg = v.hex("Msg");
  const Bytes salt = v.hex("Salt");
  const Bytes sig = v.hex("Sig");
  if (!hash) return;
  const Bytes digest = provider.digest(*hash, msg);
  const cipher::SignatureParams params{cipher::SignatureAlg::rsa_pss, *hash};
  if (auto status = provider.verify(key, params, digest, sig); !status) {
    v.fail("verify: " + status.error().to_string());
  }
  const CryptoPP::Integer n = cipher::integer_from_bytes(key.rsa_n);
  const std::size_t em_bits = n.BitCount() - 1;
  const std::size_t em_size = (em_bits + 7) / 8;
  const CryptoPP::Integer m =
      a_exp_b_mod_c(cipher::integer_from_bytes(sig), cipher::integer_from_bytes(key.rsa_e), n);
  if (m.ByteCount() > em_size) {
    v.fail("Sig^e mod n is longer than the encoded message");
    return;
  }
  auto em = cipher::emsa_pss_encode(*hash, digest, salt, em_bits);
  if (!em) {
    v.fail("emsa_pss_encode: " + em.error().to_string());
    return;
  }
  v.expect_equal("EMSA-PSS encoding (Sig^e mod n)", cipher::integer_to_bytes(m, em_size), *em);
}

}  // namespace

void add_public_key_checks(Registry &registry) {
  registry.add("X25519", key_agreement_check(NamedGroup::x25519));
  registry.add("X25519-Iterated", x25519_iterated_check);
  registry.add("ECDH-P256", key_agreement_check(NamedGroup::secp256r1));
  registry.add("ECDH-P384", key_agreement_check(NamedGroup::secp384r1));
  registry.add("Ed25519", ed25519_check);
  registry.add("ECDSA-P256", ecdsa_check(KeyType::ec_p256));
  registry.add("ECDSA-P384", ecdsa_check(KeyType::ec_p384));
  registry.add("RSA-PKCS1", rsa_pkcs1_check);
  registry.add("RSA-PSS", rsa_pss_check);
}

}  // namespace tls::vectors
