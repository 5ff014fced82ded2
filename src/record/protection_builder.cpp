#include "record/protection_builder.hpp"

#include "record/cbc_mac_ct.hpp"
#include "record/mac.hpp"
#include "record/protection_aead.hpp"
#include "record/protection_cbc.hpp"
#include "record/protection_null.hpp"
#include "record/protection_stream.hpp"

namespace tls::record {

namespace {

Error misuse(const cipher::CipherSuite &suite, const std::string &what) {
  return make_error(AlertDescription::internal_error,
                    std::string("record protection for ") + suite.name + ": " + what);
}

Status check_size(const cipher::CipherSuite &suite, const char *what, ByteView got,
                  std::size_t want) {
  if (got.size() == want) return {};
  return misuse(suite, std::string(what) + " is " + std::to_string(got.size()) +
                           " bytes, expected " + std::to_string(want));
}

}  // namespace

Result<std::unique_ptr<Protection>> make_protection(
    const std::shared_ptr<const cipher::Provider> &provider, ProtocolVersion version,
    const cipher::CipherSuite &suite, const ProtectionKeys &keys, bool encrypt_then_mac) {
  using cipher::BulkCipher;
  using cipher::CipherKind;
  if (!provider) return misuse(suite, "no provider");
  if (!suite.allows(version))
    return misuse(suite, std::string("not allowed in ") + version_name(version));
  const cipher::BulkCipherInfo &info = suite.bulk();
  if (encrypt_then_mac && info.kind != CipherKind::cbc)
    return misuse(suite, "encrypt-then-MAC applies to CBC suites only");
  if (encrypt_then_mac && version == ProtocolVersion::ssl3)
    return misuse(suite, "encrypt-then-MAC does not exist in SSL 3.0");
  TLS_TRY(check_size(suite, "encryption key", keys.key, info.key_size));
  const bool ssl3 = version == ProtocolVersion::ssl3;

  if (info.kind == CipherKind::aead) {
    if (version != ProtocolVersion::tls12) return misuse(suite, "AEAD suites need TLS 1.2");
    TLS_TRY(check_size(suite, "IV", keys.iv, info.fixed_iv_size));
    cipher::AeadAlg alg = cipher::AeadAlg::aes128_gcm;
    if (suite.cipher == BulkCipher::aes256_gcm) alg = cipher::AeadAlg::aes256_gcm;
    if (suite.cipher == BulkCipher::chacha20_poly1305) alg = cipher::AeadAlg::chacha20_poly1305;
    auto aead = provider->aead(alg, keys.key);
    if (!aead) return aead.error();
    auto p = AeadProtection::create(std::move(*aead), keys.iv);
    if (!p) return p.error();
    return std::unique_ptr<Protection>(std::move(*p));
  }

  // Every other kind has a MAC.
  if (suite.mac == cipher::MacAlg::aead) return misuse(suite, "a non-AEAD suite needs a MAC");
  const cipher::HashAlg mac_alg = cipher::mac_hash(suite.mac);
  TLS_TRY(check_size(suite, "MAC key", keys.mac_key, cipher::mac_size(suite.mac)));
  auto mac = RecordMac::create(*provider, ssl3, mac_alg, keys.mac_key);
  if (!mac) return mac.error();

  switch (info.kind) {
    case CipherKind::null:
      return std::unique_ptr<Protection>(std::make_unique<NullMacProtection>(std::move(*mac)));
    case CipherKind::stream: {
      auto rc4 = provider->rc4(keys.key);
      if (!rc4) return rc4.error();
      return std::unique_ptr<Protection>(
          std::make_unique<StreamProtection>(std::move(*rc4), std::move(*mac)));
    }
    case CipherKind::cbc: {
      cipher::BlockCipherAlg alg = cipher::BlockCipherAlg::aes128;
      const char *name = "AES-128-CBC";
      if (suite.cipher == BulkCipher::aes256_cbc) {
        alg = cipher::BlockCipherAlg::aes256;
        name = "AES-256-CBC";
      } else if (suite.cipher == BulkCipher::des_ede3_cbc) {
        alg = cipher::BlockCipherAlg::des_ede3;
        name = "3DES-EDE-CBC";
      }
      auto cbc = provider->cbc(alg, keys.key);
      if (!cbc) return cbc.error();
      CbcProtection::Params params;
      params.version = version;
      params.encrypt_then_mac = encrypt_then_mac;
      params.cipher_name = name;
      const bool implicit_iv = to_wire(version) < to_wire(ProtocolVersion::tls11);
      if (implicit_iv) {
        TLS_TRY(check_size(suite, "IV", keys.iv, info.block_size));
        params.implicit_iv = to_secure(keys.iv);
      } else {
        params.random = provider;
      }
      if (!encrypt_then_mac) {
        auto mac_ct = ConstantTimeCbcMac::create(*provider, ssl3, mac_alg, keys.mac_key);
        if (!mac_ct) return mac_ct.error();
        params.mac_ct = std::move(*mac_ct);
      }
      params.cipher = std::move(*cbc);
      params.mac = std::move(*mac);
      auto p = CbcProtection::create(std::move(params));
      if (!p) return p.error();
      return std::unique_ptr<Protection>(std::move(*p));
    }
    case CipherKind::aead:
      break;
  }
  return misuse(suite, "unknown cipher kind");
}

Result<std::unique_ptr<Protection>> make_protection(
    const std::shared_ptr<const cipher::Provider> &provider, ProtocolVersion version,
    const cipher::CipherSuite &suite, const cipher::KeyBlock &key_block, bool is_client,
    Direction direction, bool encrypt_then_mac) {
  // The keys of whoever sends in this direction.
  const bool client_sends = is_client == (direction == Direction::write);
  ProtectionKeys keys;
  keys.mac_key = client_sends ? key_block.client_write_mac_key : key_block.server_write_mac_key;
  keys.key = client_sends ? key_block.client_write_key : key_block.server_write_key;
  keys.iv = client_sends ? key_block.client_write_iv : key_block.server_write_iv;
  return make_protection(provider, version, suite, keys, encrypt_then_mac);
}

}  // namespace tls::record
