// The parts of provider.hpp that do not depend on a backend: names, sizes and conveniences.
#include "cipher/provider.hpp"

#include <string>

namespace tls::cipher {

std::size_t hash_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
      return 16;
    case HashAlg::sha1:
      return 20;
    case HashAlg::sha256:
      return 32;
    case HashAlg::sha384:
      return 48;
    case HashAlg::sha512:
      return 64;
    case HashAlg::md5_sha1:
      return 36;
  }
  return 0;
}

std::size_t hash_block_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha384:
    case HashAlg::sha512:
      return 128;
    default:
      return 64;
  }
}

const char *hash_name(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
      return "MD5";
    case HashAlg::sha1:
      return "SHA1";
    case HashAlg::sha256:
      return "SHA256";
    case HashAlg::sha384:
      return "SHA384";
    case HashAlg::sha512:
      return "SHA512";
    case HashAlg::md5_sha1:
      return "MD5+SHA1";
  }
  return "unknown";
}

std::size_t aead_key_size(AeadAlg alg) noexcept {
  switch (alg) {
    case AeadAlg::aes128_gcm:
      return 16;
    case AeadAlg::aes256_gcm:
    case AeadAlg::chacha20_poly1305:
      return 32;
  }
  return 0;
}

std::size_t block_cipher_key_size(BlockCipherAlg alg) noexcept {
  switch (alg) {
    case BlockCipherAlg::aes128:
      return 16;
    case BlockCipherAlg::aes256:
      return 32;
    case BlockCipherAlg::des_ede3:
      return 24;
  }
  return 0;
}

std::size_t block_cipher_block_size(BlockCipherAlg alg) noexcept {
  switch (alg) {
    case BlockCipherAlg::aes128:
    case BlockCipherAlg::aes256:
      return 16;
    case BlockCipherAlg::des_ede3:
      return 8;
  }
  return 0;
}

const char *key_type_name(KeyType type) noexcept {
  switch (type) {
    case KeyType::rsa:
      return "RSA";
    case KeyType::ec_p256:
      return "EC P-256";
    case KeyType::ec_p384:
      return "EC P-384";
    case KeyType::ed25519:
      return "Ed25519";
  }
  return "unknown";
}

std::size_t PublicKey::bits() const {
  switch (type) {
    case KeyType::rsa: {
      // Bits of the big-endian modulus, ignoring any leading zero bytes.
      for (std::size_t i = 0; i < rsa_n.size(); ++i) {
        if (rsa_n[i] == 0) continue;
        std::size_t top = 0;
        for (unsigned v = rsa_n[i]; v != 0; v >>= 1)
          ++top;
        return (rsa_n.size() - i - 1) * 8 + top;
      }
      return 0;
    }
    case KeyType::ec_p256:
      return 256;
    case KeyType::ec_p384:
      return 384;
    case KeyType::ed25519:
      return 255;
  }
  return 0;
}

const char *group_name(NamedGroup group) noexcept {
  switch (group) {
    case NamedGroup::secp256r1:
      return "secp256r1";
    case NamedGroup::secp384r1:
      return "secp384r1";
    case NamedGroup::x25519:
      return "x25519";
    case NamedGroup::ffdhe2048:
      return "ffdhe2048";
    case NamedGroup::ffdhe3072:
      return "ffdhe3072";
    case NamedGroup::ffdhe4096:
      return "ffdhe4096";
  }
  return "unknown";
}

bool is_ffdhe(NamedGroup group) noexcept {
  return group == NamedGroup::ffdhe2048 || group == NamedGroup::ffdhe3072 ||
         group == NamedGroup::ffdhe4096;
}

Bytes Hash::finish() {
  Bytes out(hash_size(alg()));
  finish(MutableByteView(out));
  return out;
}

Bytes Hmac::finish() {
  Bytes out(hash_size(alg()));
  finish(MutableByteView(out));
  return out;
}

Result<std::unique_ptr<KeyShare>> Provider::key_share_from_private(NamedGroup group,
                                                                   ByteView private_key) const {
  (void)private_key;
  return make_error(
      AlertDescription::internal_error,
      std::string("this provider cannot import a private key for ") + group_name(group));
}

Bytes Provider::digest(HashAlg alg, ByteView data) const {
  auto h = hash(alg);
  h->update(data);
  return h->finish();
}

Bytes Provider::random_bytes(std::size_t n) const {
  Bytes out(n);
  random(out);
  return out;
}

}  // namespace tls::cipher
