// No exception leaves the provider: malformed keys, parameters, sizes and peer values at every
// entry point come back as Status / Result errors (Crypto++ throws on many of them internally).
// Each case must also fail: a malformed input that "works" would be a bug of its own.
#include <cryptopp/integer.h>
#include <cryptopp/nbtheory.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "cipher/cryptopp_integer.hpp"
#include "cipher/ecdsa_der.hpp"
#include "cipher/provider.hpp"
#include "openssl_data.hpp"

namespace tls::cipher {
namespace {

using testing::openssl_data;

struct Case {
  std::string what;
  std::function<bool()> succeeds;  // the call under test; true when it reported success
};

void expect_all_fail_without_throwing(const std::vector<Case> &cases) {
  for (const Case &c : cases) {
    bool ok = true;
    EXPECT_NO_THROW(ok = c.succeeds()) << c.what;
    EXPECT_FALSE(ok) << c.what << ": accepted";
  }
}

const Provider &provider() {
  return *default_provider();
}

PublicKey rsa_public(Bytes n, Bytes e) {
  PublicKey k;
  k.type = KeyType::rsa;
  k.rsa_n = std::move(n);
  k.rsa_e = std::move(e);
  return k;
}

bool verifies(const PublicKey &k, SignatureAlg alg, HashAlg hash, ByteView digest, ByteView sig) {
  return provider().verify(k, {alg, hash}, digest, sig).ok();
}

bool usable_private_key(const PrivateKey &k) {
  const bool checked = provider().check_key_pair(k).ok();
  auto ops = provider().private_key_operations(k);
  if (!ops.ok()) return checked;
  // An accepted key must then sign; report success only if everything succeeded.
  const SignatureParams params = k.public_key.type == KeyType::rsa
                                     ? SignatureParams{SignatureAlg::rsa_pkcs1, HashAlg::sha256}
                                 : k.public_key.type == KeyType::ed25519
                                     ? SignatureParams{SignatureAlg::ed25519, HashAlg::sha512}
                                     : SignatureParams{SignatureAlg::ecdsa, HashAlg::sha256};
  return checked && (*ops)->sign(params, Bytes(32, 1)).ok();
}

TEST(NoExceptions, MalformedRsaPublicKeys) {
  const PublicKey good = openssl_data().keys.at("rsa2048").public_key;
  const Bytes digest(32, 0x11), sig(256, 0x22);
  Bytes too_big(2049, 0xff);  // 16392 bits
  std::vector<Case> cases;
  for (const auto &[name, key] : std::vector<std::pair<std::string, PublicKey>>{
           {"empty n and e", rsa_public({}, {})},
           {"n = 0", rsa_public(Bytes(256, 0), good.rsa_e)},
           {"one-byte n", rsa_public({0xfb}, good.rsa_e)},
           {"n over 16384 bits", rsa_public(too_big, good.rsa_e)},
           {"e empty", rsa_public(good.rsa_n, {})},
           {"e = 0", rsa_public(good.rsa_n, {0})},
           {"e = n", rsa_public(good.rsa_n, good.rsa_n)},
           {"e above n", rsa_public(good.rsa_n, Bytes(300, 0xff))},
       }) {
    const PublicKey k = key;
    cases.push_back(
        {name + ": check_public_key", [k] { return provider().check_public_key(k).ok(); }});
    cases.push_back({name + ": verify PKCS#1", [k, digest, sig] {
                       return verifies(k, SignatureAlg::rsa_pkcs1, HashAlg::sha256, digest, sig);
                     }});
    cases.push_back({name + ": verify PSS", [k, digest, sig] {
                       return verifies(k, SignatureAlg::rsa_pss, HashAlg::sha256, digest, sig);
                     }});
    cases.push_back(
        {name + ": encrypt", [k] { return provider().rsa_encrypt_pkcs1(k, Bytes(48, 3)).ok(); }});
  }
  cases.push_back({"signature of 0 bytes", [&] {
                     return verifies(good, SignatureAlg::rsa_pkcs1, HashAlg::sha256, digest, {});
                   }});
  cases.push_back({"digest of 0 bytes", [&] {
                     return verifies(good, SignatureAlg::rsa_pss, HashAlg::sha256, {}, sig);
                   }});
  cases.push_back(
      {"unknown hash",
       [&] { return verifies(good, SignatureAlg::rsa_pkcs1, static_cast<HashAlg>(99), {}, sig); }});
  cases.push_back({"unknown signature algorithm", [&] {
                     return verifies(good, static_cast<SignatureAlg>(99), HashAlg::sha256, digest,
                                     sig);
                   }});
  cases.push_back({"message longer than k - 11",
                   [&] { return provider().rsa_encrypt_pkcs1(good, Bytes(246, 1)).ok(); }});
  expect_all_fail_without_throwing(cases);
}

TEST(NoExceptions, MalformedRsaPrivateKeys) {
  const PrivateKey good = openssl_data().keys.at("rsa2048");
  std::vector<Case> cases;
  auto add = [&](const std::string &what, PrivateKey k) {
    cases.push_back({what, [k] { return usable_private_key(k); }});
  };
  PrivateKey k = good;
  k.rsa_p = to_secure(Bytes{});
  add("p missing, q given", k);
  k = good;
  k.rsa_p = to_secure(Bytes{0x01});
  k.rsa_dp.clear();
  k.rsa_qinv.clear();
  add("p = 1", k);
  k = good;
  k.rsa_p = to_secure(Bytes(128, 0));
  add("p = 0", k);
  k = good;
  k.rsa_q = k.rsa_p;
  add("q = p", k);
  k = good;
  std::swap(k.rsa_p, k.rsa_q);
  add("p and q swapped (CRT values for the other order)", k);
  k = good;
  k.rsa_d = to_secure(Bytes{});
  add("d empty", k);
  k = good;
  k.rsa_d = to_secure(Bytes(good.public_key.rsa_n.begin(), good.public_key.rsa_n.end()));
  add("d = n", k);
  k = good;
  k.rsa_dp = to_secure(Bytes(300, 0xff));
  add("dp too big", k);
  k = good;
  k.rsa_p.clear();
  k.rsa_q.clear();
  k.rsa_d = to_secure(Bytes{0x03});
  add("only n, e and a wrong odd d", k);
  k.rsa_d = to_secure(Bytes{0x04});
  add("only n, e and a wrong even d", k);
  k.rsa_d.clear();
  add("only n and e", k);
  k = good;
  k.public_key.type = KeyType::ec_p256;
  add("RSA values under an EC key type", k);
  expect_all_fail_without_throwing(cases);

  // Operations with a good key and bad inputs.
  auto ops = provider().private_key_operations(good);
  ASSERT_TRUE(ops.ok());
  auto *o = ops->get();
  expect_all_fail_without_throwing({
      {"decrypt empty", [o] { return o->rsa_decrypt_raw({}).ok(); }},
      {"decrypt too long", [o] { return o->rsa_decrypt_raw(Bytes(257, 1)).ok(); }},
      {"decrypt c = n", [&] { return o->rsa_decrypt_raw(good.public_key.rsa_n).ok(); }},
      {"sign empty digest",
       [o] {
         return o->sign({SignatureAlg::rsa_pkcs1, HashAlg::sha256}, {}).ok();
       }},
      {"sign with an unknown hash",
       [o] {
         return o->sign({SignatureAlg::rsa_pkcs1, static_cast<HashAlg>(99)}, {}).ok();
       }},
      {"sign PSS with MD5",
       [o] {
         return o->sign({SignatureAlg::rsa_pss, HashAlg::md5}, Bytes(16)).ok();
       }},
      {"sign Ed25519",
       [o] {
         return o->sign({SignatureAlg::ed25519, HashAlg::sha512}, Bytes(3)).ok();
       }},
  });
}

TEST(NoExceptions, MalformedEcKeysAndSignatures) {
  const PrivateKey good = openssl_data().keys.at("p256");
  const Bytes digest(32, 0x33);
  std::vector<Case> cases;
  auto add_key = [&](const std::string &what, PrivateKey k) {
    cases.push_back({what, [k] { return usable_private_key(k); }});
    cases.push_back({what + ": check_public_key",
                     [k] { return provider().check_public_key(k.public_key).ok(); }});
  };
  PrivateKey k = good;
  k.public_key.point.clear();
  add_key("empty point", k);
  k = good;
  k.public_key.point.assign(65, 0xff);
  add_key("coordinates all ones", k);
  k = good;
  k.public_key.type = KeyType::ec_p384;
  add_key("P-256 point under P-384", k);
  k = good;
  k.public_key.point[0] = 0x00;
  add_key("wrong point prefix", k);
  PrivateKey bad_scalar = good;
  bad_scalar.secret = to_secure(Bytes(1000, 0xff));
  cases.push_back(
      {"scalar of 1000 bytes", [bad_scalar] { return usable_private_key(bad_scalar); }});
  bad_scalar.secret.clear();
  cases.push_back({"empty scalar", [bad_scalar] { return usable_private_key(bad_scalar); }});
  const PublicKey pub = good.public_key;
  auto der = encode_ecdsa_signature(Bytes(120, 0x7f), Bytes(120, 0x7f));
  ASSERT_TRUE(der.ok());
  const Bytes huge_rs = *der;
  for (const auto &[what, sig] :
       std::vector<std::pair<std::string, Bytes>>{{"empty signature", {}},
                                                  {"garbage signature", Bytes(70, 0x30)},
                                                  {"r and s of 120 bytes", huge_rs}}) {
    const Bytes s = sig;
    cases.push_back({what, [pub, digest, s] {
                       return verifies(pub, SignatureAlg::ecdsa, HashAlg::sha256, digest, s);
                     }});
  }
  cases.push_back({"unknown hash", [pub] {
                     return verifies(pub, SignatureAlg::ecdsa, static_cast<HashAlg>(99), {},
                                     Bytes{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01});
                   }});
  expect_all_fail_without_throwing(cases);
}

TEST(NoExceptions, MalformedKeyAgreementInputs) {
  const Bytes &p2048 = ffdhe_group(NamedGroup::ffdhe2048).p;
  // A 10001-bit "p": above the 10000-bit limit.
  Bytes big_p(1251, 0xff);
  big_p[0] = 0x01;
  std::vector<Case> cases = {
      {"X25519 private of 0 bytes",
       [] { return provider().key_share_from_private(NamedGroup::x25519, {}).ok(); }},
      {"P-256 private of 0 bytes",
       [] { return provider().key_share_from_private(NamedGroup::secp256r1, {}).ok(); }},
      {"P-384 private of 300 bytes",
       [] {
         return provider().key_share_from_private(NamedGroup::secp384r1, Bytes(300, 0xff)).ok();
       }},
      {"ffdhe2048 private = 0",
       [] { return provider().key_share_from_private(NamedGroup::ffdhe2048, {}).ok(); }},
      {"ffdhe2048 private = p - 1 and more",
       [&] {
         return provider().key_share_from_private(NamedGroup::ffdhe2048, Bytes(300, 0xff)).ok();
       }},
      {"unknown group", [] { return provider().key_share(static_cast<NamedGroup>(1234)).ok(); }},
      {"unknown group from private",
       [] {
         return provider().key_share_from_private(static_cast<NamedGroup>(1234), Bytes(32, 1)).ok();
       }},
      {"DH p empty",
       [] {
         return provider().dh_key_share(DhGroup{{}, {2}}, 0).ok();
       }},
      {"DH p = 1",
       [] {
         return provider().dh_key_share(DhGroup{{1}, {2}}, 0).ok();
       }},
      {"DH p = 3, g = 2",
       [] {
         return provider().dh_key_share(DhGroup{{3}, {2}}, 0).ok();
       }},
      {"DH g empty",
       [&] {
         return provider().dh_key_share(DhGroup{p2048, {}}, 0).ok();
       }},
      {"DH g = p",
       [&] {
         return provider().dh_key_share(DhGroup{p2048, p2048}, 0).ok();
       }},
      {"DH p of 10001 bits",
       [&] {
         return provider().dh_key_share(DhGroup{big_p, {2}}, 0).ok();
       }},
  };
  expect_all_fail_without_throwing(cases);

  // Peer values against good shares.
  for (NamedGroup group :
       {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1, NamedGroup::ffdhe2048}) {
    auto share = provider().key_share(group);
    ASSERT_TRUE(share.ok());
    auto *s = share->get();
    const std::string g = group_name(group);
    expect_all_fail_without_throwing({
        {g + ": empty peer value", [s] { return s->derive({}).ok(); }},
        {g + ": 1000-byte peer value", [s] { return s->derive(Bytes(1000, 0xff)).ok(); }},
        {g + ": zero peer value",
         [s, group] {
           Bytes zero(s->public_value().size(), 0);
           if (group == NamedGroup::secp256r1 || group == NamedGroup::secp384r1) zero[0] = 0x04;
           return s->derive(zero).ok();
         }},
    });
  }
  // A tiny server group (min_bits 0) still works and checks its peer values.
  auto tiny = provider().dh_key_share(DhGroup{{23}, {5}}, 0);
  ASSERT_TRUE(tiny.ok()) << tiny.error().to_string();
  auto *t = tiny->get();
  expect_all_fail_without_throwing({
      {"p = 23: Y = 22 (p - 1)", [t] { return t->derive(Bytes{22}).ok(); }},
      {"p = 23: Y = 23", [t] { return t->derive(Bytes{23}).ok(); }},
      {"p = 23: two-byte Y",
       [t] {
         return t->derive(Bytes{0, 5}).ok();
       }},
  });
}

TEST(NoExceptions, MalformedEd25519Keys) {
  const PrivateKey good = openssl_data().keys.at("ed25519");
  std::vector<Case> cases;
  PrivateKey k = good;
  k.secret.clear();
  cases.push_back({"empty seed", [k] { return usable_private_key(k); }});
  k = good;
  k.secret = to_secure(Bytes(64, 1));
  cases.push_back({"64-byte seed", [k] { return usable_private_key(k); }});
  k = good;
  k.public_key.point.assign(32, 0);
  cases.push_back({"public key of zeros", [k] { return usable_private_key(k); }});
  expect_all_fail_without_throwing(cases);
}

}  // namespace
}  // namespace tls::cipher
