#include "openssl_data.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "vector_file.hpp"

namespace tls::cipher::testing {

namespace {

SignatureAlg parse_alg(const std::string &name) {
  if (name == "rsa_pkcs1") return SignatureAlg::rsa_pkcs1;
  if (name == "rsa_pss") return SignatureAlg::rsa_pss;
  if (name == "ecdsa") return SignatureAlg::ecdsa;
  if (name == "ed25519") return SignatureAlg::ed25519;
  throw std::runtime_error("unknown signature algorithm " + name);
}

HashAlg parse_hash(const std::string &name) {
  for (HashAlg alg : {HashAlg::md5, HashAlg::sha1, HashAlg::sha256, HashAlg::sha384,
                      HashAlg::sha512, HashAlg::md5_sha1}) {
    if (name == hash_name(alg)) return alg;
  }
  throw std::runtime_error("unknown hash " + name);
}

NamedGroup parse_group(const std::string &name) {
  for (NamedGroup g : {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1,
                       NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096}) {
    if (name == group_name(g)) return g;
  }
  throw std::runtime_error("unknown group " + name);
}

OpensslData load() {
  const std::string path = std::string(TLS_TEST_DATA_DIR) + "/provider/openssl_data.txt";
  std::string error;
  auto file = vectors::parse_vector_file(path, &error);
  if (!file) throw std::runtime_error(error);
  OpensslData data;
  for (vectors::Vector &v : file->vectors) {
    const std::string &section = v.section();
    if (section == "RSA-Private-Key") {
      PrivateKey key;
      key.public_key.type = KeyType::rsa;
      key.public_key.rsa_n = strip_zeros(v.hex("N"));
      key.public_key.rsa_e = strip_zeros(v.hex("E"));
      key.rsa_d = to_secure(v.hex("D"));
      key.rsa_p = to_secure(v.hex("P"));
      key.rsa_q = to_secure(v.hex("Q"));
      key.rsa_dp = to_secure(v.hex("DP"));
      key.rsa_dq = to_secure(v.hex("DQ"));
      key.rsa_qinv = to_secure(v.hex("QInv"));
      data.keys[v.text("Name")] = key;
    } else if (section == "EC-Private-Key") {
      PrivateKey key;
      const std::string name = v.text("Name");
      key.public_key.type = name == "p256" ? KeyType::ec_p256 : KeyType::ec_p384;
      key.secret = to_secure(v.hex("Scalar"));
      key.public_key.point = v.hex("Point");
      data.keys[name] = key;
    } else if (section == "Ed25519-Private-Key") {
      PrivateKey key;
      key.public_key.type = KeyType::ed25519;
      key.secret = to_secure(v.hex("Seed"));
      key.public_key.point = v.hex("Public");
      data.keys[v.text("Name")] = key;
    } else if (section == "Signature") {
      OpensslSignature s;
      s.key = v.text("Key");
      s.params.alg = parse_alg(v.text("Alg"));
      s.params.hash = parse_hash(v.text("Hash"));
      s.message = v.hex("Msg");
      s.signature = v.hex("Sig");
      data.signatures.push_back(s);
    } else if (section == "RSA-Encryption") {
      data.encryptions.push_back({v.text("Key"), v.hex("Plaintext"), v.hex("Ciphertext")});
    } else if (section == "Key-Agreement") {
      OpensslAgreement a;
      a.group = parse_group(v.text("Group"));
      a.private_key = v.hex("Private");
      a.public_value = v.hex("Public");
      a.peer_public = v.hex("Peer");
      a.shared = v.hex("Shared");
      a.shared_padded = v.optional_hex("SharedPadded");
      data.agreements.push_back(a);
    } else {
      throw std::runtime_error(path + ": unknown section " + section);
    }
    if (!v.errors().empty()) throw std::runtime_error(path + ": " + v.errors().front());
  }
  return data;
}

}  // namespace

const OpensslData &openssl_data() {
  static const OpensslData data = load();
  return data;
}

Bytes strip_zeros(ByteView bytes) {
  while (!bytes.empty() && bytes.front() == 0)
    bytes = bytes.subspan(1);
  return Bytes(bytes.begin(), bytes.end());
}

}  // namespace tls::cipher::testing
