#include "x509/private_key.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "common/hex.hpp"
#include "x509/certificate.hpp"
#include "x509/public_key.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using cipher::KeyType;
using cipher::PrivateKey;

PrivateKey load_key(const std::string &name, PrivateKeyFormat *format = nullptr) {
  const Bytes data = test::read_data(name);
  auto key = parse_private_key(data, format);
  if (!key) {
    ADD_FAILURE() << name << ": " << key.error().reason;
    return PrivateKey{};
  }
  return std::move(*key);
}

// A hex field of `openssl pkey -text -noout` ("privateExponent:", "priv:", ...), without
// colons, spaces and the sign octet openssl prints for integers with the top bit set.
std::string openssl_field(const std::string &key_file, const std::string &field) {
  const auto text = test::run("openssl pkey -text -noout -in '" + test::data_path(key_file) + "'");
  if (!text) return "(openssl failed)";
  std::istringstream in(*text);
  std::string line, hex;
  bool in_field = false;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) {
      in_field = true;
      continue;
    }
    if (in_field) {
      if (line.empty() || line[0] != ' ') break;
      for (char c : line)
        if (std::isxdigit(static_cast<unsigned char>(c))) hex += c;
    }
  }
  while (hex.size() >= 2 && hex.compare(0, 2, "00") == 0 && hex.size() % 2 == 0 && field != "priv:")
    hex.erase(0, 2);
  return hex;
}

TEST(PrivateKey, EveryFormatOfTheRsaKey) {
  PrivateKeyFormat f8, f1, f1der;
  const PrivateKey pkcs8 = load_key("server-rsa2048.key", &f8);
  const PrivateKey pkcs1 = load_key("server-rsa2048.pkcs1.key", &f1);
  const PrivateKey pkcs1_der = load_key("server-rsa2048.pkcs1.key.der", &f1der);
  EXPECT_EQ(f8, PrivateKeyFormat::pkcs8);
  EXPECT_EQ(f1, PrivateKeyFormat::pkcs1);
  EXPECT_EQ(f1der, PrivateKeyFormat::pkcs1);
  EXPECT_EQ(pkcs8.public_key.type, KeyType::rsa);
  for (const PrivateKey *k : {&pkcs1, &pkcs1_der}) {
    EXPECT_EQ(k->public_key, pkcs8.public_key);
    EXPECT_EQ(k->rsa_d, pkcs8.rsa_d);
    EXPECT_EQ(k->rsa_qinv, pkcs8.rsa_qinv);
  }
  // The certificate holds the same public key.
  EXPECT_EQ(pkcs8.public_key, test::load_cert("server-rsa2048.pem").public_key());
  EXPECT_EQ(bit_length(pkcs8.public_key.rsa_n), 2048u);
  EXPECT_EQ(pkcs8.rsa_p.size(), 128u);
}

TEST(PrivateKey, RsaValuesAgreeWithOpenssl) {
  if (!test::have_openssl()) GTEST_SKIP() << "openssl not installed";
  const PrivateKey key = load_key("server-rsa2048.key");
  EXPECT_EQ(to_hex(key.public_key.rsa_n), openssl_field("server-rsa2048.key", "modulus:"));
  EXPECT_EQ(to_hex(key.rsa_d), openssl_field("server-rsa2048.key", "privateExponent:"));
  EXPECT_EQ(to_hex(key.rsa_p), openssl_field("server-rsa2048.key", "prime1:"));
  EXPECT_EQ(to_hex(key.rsa_q), openssl_field("server-rsa2048.key", "prime2:"));
  EXPECT_EQ(to_hex(key.rsa_dp), openssl_field("server-rsa2048.key", "exponent1:"));
  EXPECT_EQ(to_hex(key.rsa_dq), openssl_field("server-rsa2048.key", "exponent2:"));
  EXPECT_EQ(to_hex(key.rsa_qinv), openssl_field("server-rsa2048.key", "coefficient:"));
}

TEST(PrivateKey, EcAndEd25519KeysAgreeWithOpensslAndTheirCertificates) {
  struct Case {
    const char *key, *cert;
    KeyType type;
  };
  const Case cases[] = {
      {"server-p256.key", "server-p256.pem", KeyType::ec_p256},
      {"server-p256.sec1.key", "server-p256.pem", KeyType::ec_p256},
      {"server-p256.key.der", "server-p256.pem", KeyType::ec_p256},
      {"server-p384.key", "server-p384.pem", KeyType::ec_p384},
      {"server-p384.sec1.key", "server-p384.pem", KeyType::ec_p384},
      {"server-ed25519.key", "server-ed25519.pem", KeyType::ed25519},
      {"server-ed25519.key.der", "server-ed25519.pem", KeyType::ed25519},
      {"intermediate-ca.key", "intermediate-ca.pem", KeyType::ec_p384},
      {"root-ed25519-ca.key", "root-ed25519-ca.pem", KeyType::ed25519},
      {"client-p256.key", "client-p256.pem", KeyType::ec_p256},
      {"leaf-key.key", "leaf-san-mix.pem", KeyType::ec_p256},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.key);
    const PrivateKey key = load_key(c.key);
    EXPECT_EQ(key.public_key.type, c.type);
    // For Ed25519 (PKCS#8 carries no public key) and EC the public key is derived from the
    // secret: equal to the certificate's means the derivation is right.
    EXPECT_EQ(key.public_key, test::load_cert(c.cert).public_key());
    if (test::have_openssl() && std::string(c.key).find(".der") == std::string::npos) {
      EXPECT_EQ(to_hex(key.secret), openssl_field(c.key, "priv:"));
    }
  }
}

TEST(PrivateKey, EncodingRoundTripsOpensslFilesByteForByte) {
  struct Case {
    const char *file;
    PrivateKeyFormat format;
  };
  const Case cases[] = {
      {"server-rsa2048.pkcs1.key.der", PrivateKeyFormat::pkcs1},
      {"server-p256.key.der",
       PrivateKeyFormat::sec1},  // openssl pkey -outform DER writes SEC1 for EC
      {"server-ed25519.key.der", PrivateKeyFormat::pkcs8},
  };
  for (const Case &c : cases) {
    const Bytes der = test::read_data(c.file);
    auto key = parse_private_key_der(der, c.format);
    ASSERT_TRUE(key.ok()) << c.file;
    auto encoded = encode_private_key(*key, c.format);
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(std::equal(der.begin(), der.end(), encoded->begin(), encoded->end())) << c.file;
  }
  for (const char *pem_file : {"server-rsa2048.key", "server-p384.sec1.key", "server-p256.sec1.key",
                               "server-p384.key", "server-rsa2048.pkcs1.key"}) {
    const Bytes der = test::pem_der(pem_file);
    PrivateKeyFormat format;
    auto key = parse_private_key(test::read_data(pem_file), &format);
    ASSERT_TRUE(key.ok()) << pem_file;
    auto encoded = encode_private_key(*key, format);
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(std::equal(der.begin(), der.end(), encoded->begin(), encoded->end())) << pem_file;
  }
  // PKCS#1 holds only RSA; SEC1 only EC.
  EXPECT_FALSE(encode_private_key(load_key("server-p256.key"), PrivateKeyFormat::pkcs1).ok());
  EXPECT_FALSE(encode_private_key(load_key("server-ed25519.key"), PrivateKeyFormat::sec1).ok());
}

std::string key_error(const Bytes &der, PrivateKeyFormat format) {
  auto key = parse_private_key_der(der, format);
  return key.ok() ? std::string("(parsed)") : key.error().reason;
}

TEST(PrivateKey, MalformedKeys) {
  // A SEC1 key whose public key is not the one of its scalar.
  Bytes sec1 = test::pem_der("server-p256.sec1.key");
  sec1[sec1.size() - 1] ^= 0x01;
  EXPECT_NE(key_error(sec1, PrivateKeyFormat::sec1).find("does not match the private key"),
            std::string::npos)
      << key_error(sec1, PrivateKeyFormat::sec1);

  // Multi-prime RSA (version 1).
  Bytes multi = test::read_data("server-rsa2048.pkcs1.key.der");
  auto tree = test::tree_of(multi);
  Bytes one = {0x01};
  test::set_content(test::node_at(tree, {0}), one);
  EXPECT_NE(key_error(encode_asn1_tree(tree), PrivateKeyFormat::pkcs1).find("multi-prime"),
            std::string::npos);

  // An Ed25519 seed of 31 bytes.
  Bytes ed = test::read_data("server-ed25519.key.der");
  auto ed_tree = test::tree_of(ed);
  Bytes short_seed = {0x04, 0x1f};
  short_seed.resize(2 + 31, 0x42);
  test::set_content(test::node_at(ed_tree, {2}), short_seed);
  EXPECT_NE(key_error(encode_asn1_tree(ed_tree), PrivateKeyFormat::pkcs8).find("not 32 bytes"),
            std::string::npos);

  // An EC scalar of the wrong length, and one out of range (zero).
  Bytes ec = test::pem_der("server-p256.sec1.key");
  auto ec_tree = test::tree_of(ec);
  Bytes shorter(31, 0x42);
  test::set_content(test::node_at(ec_tree, {1}), shorter);
  EXPECT_NE(key_error(encode_asn1_tree(ec_tree), PrivateKeyFormat::sec1).find("expected 32"),
            std::string::npos);
  Bytes zero(32, 0x00);
  test::set_content(test::node_at(ec_tree, {1}), zero);
  ec_tree[0].children.pop_back();  // drop the public key
  EXPECT_NE(key_error(encode_asn1_tree(ec_tree), PrivateKeyFormat::sec1).find("outside [1, n-1]"),
            std::string::npos);

  // Trailing bytes; every truncation fails cleanly.
  Bytes trailing = test::read_data("server-ed25519.key.der");
  trailing.push_back(0);
  EXPECT_NE(key_error(trailing, PrivateKeyFormat::pkcs8).find("trailing"), std::string::npos);
  const Bytes full = test::read_data("server-rsa2048.pkcs1.key.der");
  for (std::size_t n = 0; n < full.size(); n += 7) {
    auto key = parse_private_key(ByteView(full.data(), n));
    EXPECT_FALSE(key.ok()) << n;
  }
}

TEST(PrivateKey, PemSelectionAndErrors) {
  // A file with a certificate before the key: the key block is found.
  const Bytes cert = test::read_data("server-p256.pem");
  Bytes both = cert;
  append(both, test::read_data("server-p256.key"));
  auto key = parse_private_key(both);
  ASSERT_TRUE(key.ok()) << key.error().reason;
  EXPECT_EQ(key->public_key.type, KeyType::ec_p256);
  // No key block.
  auto none = parse_private_key(cert);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().reason.find("no private key block"), std::string::npos);
  // Encrypted PKCS#8.
  auto encrypted =
      parse_private_key(as_bytes(encode_pem("ENCRYPTED PRIVATE KEY", Bytes{0x30, 0x00})));
  ASSERT_FALSE(encrypted.ok());
  EXPECT_NE(encrypted.error().reason.find("encrypted private keys are not supported"),
            std::string::npos);
}

TEST(PublicKey, PemPublicKeysMatchTheCertificates) {
  auto rsa = parse_subject_public_key_info(test::pem_der("server-rsa2048.pub.pem"));
  ASSERT_TRUE(rsa.ok());
  EXPECT_EQ(rsa->key, test::load_cert("server-rsa2048.pem").public_key());
  auto rsa1 = parse_rsa_public_key(test::pem_der("server-rsa2048.rsapub.pem"));
  ASSERT_TRUE(rsa1.ok());
  EXPECT_EQ(*rsa1, rsa->key);
  auto ec = parse_subject_public_key_info(test::pem_der("server-p256.pub.pem"));
  ASSERT_TRUE(ec.ok());
  EXPECT_EQ(ec->key, test::load_cert("server-p256.pem").public_key());
  auto ed = parse_subject_public_key_info(test::pem_der("server-ed25519.pub.pem"));
  ASSERT_TRUE(ed.ok());
  EXPECT_EQ(ed->key, test::load_cert("server-ed25519.pem").public_key());
  // Encoding a key gives openssl's SubjectPublicKeyInfo back.
  for (const char *f :
       {"server-rsa2048.pub.pem", "server-p256.pub.pem", "server-ed25519.pub.pem"}) {
    const Bytes der = test::pem_der(f);
    auto spki = parse_subject_public_key_info(der);
    ASSERT_TRUE(spki.ok());
    EXPECT_EQ(encode_subject_public_key_info(spki->key), der) << f;
  }
}

}  // namespace
}  // namespace tls::x509
