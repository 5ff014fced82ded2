// Checks for the symmetric ciphers:
//   [AES-128-GCM] [AES-256-GCM] [ChaCha20-Poly1305]   Key, IV, AAD, PT, CT, Tag
//   [AES-128-CBC] [AES-256-CBC] [DES-EDE3-CBC]        Key, IV, PT, CT (raw CBC, no padding)
//   [RC4]                                             Key, Offset (decimal), Keystream
#include <algorithm>
#include <string>

#include "runner.hpp"

namespace tls::vectors {

namespace {

using cipher::AeadAlg;
using cipher::BlockCipherAlg;

Check aead_check(AeadAlg alg) {
  return [alg](Vector &v, const cipher::Provider &provider) {
    const Bytes key = v.hex("Key");
    const Bytes nonce = v.hex("IV");
    const Bytes aad = v.hex("AAD");
    const Bytes pt = v.hex("PT");
    const Bytes ct = v.hex("CT");
    const Bytes tag = v.hex("Tag");
    auto aead = provider.aead(alg, key);
    if (!aead) {
      v.fail("aead(): " + aead.error().to_string());
      return;
    }
    // Seal: plaintext in, ciphertext and tag out.
    Bytes data = pt;
    Bytes out_tag(cipher::kAeadTagSize);
    if (auto s = (*aead)->seal(nonce, aad, data, out_tag); !s) {
      v.fail("seal: " + s.error().to_string());
      return;
    }
    v.expect_equal("CT", ct, data);
    v.expect_equal("Tag", tag, out_tag);
    // Open: the published ciphertext and tag give the plaintext back.
    data = ct;
    if (!(*aead)->open(nonce, aad, data, tag)) {
      v.fail("open refused the published ciphertext and tag");
    } else {
      v.expect_equal("PT (opened)", pt, data);
    }
    // A tag with one bit changed is refused and leaves no plaintext behind.
    if (tag.size() == cipher::kAeadTagSize) {
      Bytes bad_tag = tag;
      bad_tag[bad_tag.size() - 1] ^= 0x01;
      data = ct;
      if ((*aead)->open(nonce, aad, data, bad_tag)) {
        v.fail("open accepted a tag with one bit changed");
      } else if (data == pt && std::any_of(pt.begin(), pt.end(), [](auto b) { return b != 0; })) {
        // (An all-zero plaintext cannot be told apart from a wiped buffer.)
        v.fail("a refused open left the plaintext in the buffer");
      }
    }
  };
}

Check cbc_check(BlockCipherAlg alg) {
  return [alg](Vector &v, const cipher::Provider &provider) {
    const Bytes key = v.hex("Key");
    const Bytes iv = v.hex("IV");
    const Bytes pt = v.hex("PT");
    const Bytes ct = v.hex("CT");
    auto cbc = provider.cbc(alg, key);
    if (!cbc) {
      v.fail("cbc(): " + cbc.error().to_string());
      return;
    }
    const std::size_t block = (*cbc)->block_size();
    if (iv.size() != block || pt.size() % block != 0 || pt.size() != ct.size()) {
      v.fail("IV, PT and CT must be whole blocks of the cipher");
      return;
    }
    Bytes data = pt;
    (*cbc)->encrypt(iv, data);
    v.expect_equal("CT", ct, data);
    data = ct;
    (*cbc)->decrypt(iv, data);
    v.expect_equal("PT (decrypted)", pt, data);
  };
}

void rc4_check(Vector &v, const cipher::Provider &provider) {
  const Bytes key = v.hex("Key");
  const std::uint64_t offset = v.number("Offset");
  const Bytes expected = v.hex("Keystream");
  auto rc4 = provider.rc4(key);
  if (!rc4) {
    v.fail("rc4(): " + rc4.error().to_string());
    return;
  }
  // The keystream is what encrypting zeros gives; skip to the offset first.
  Bytes skip(static_cast<std::size_t>(offset));
  (*rc4)->process(skip);
  Bytes stream(expected.size());
  (*rc4)->process(stream);
  v.expect_equal("Keystream", expected, stream);
}

}  // namespace

void add_cipher_checks(Registry &registry) {
  registry.add("AES-128-GCM", aead_check(AeadAlg::aes128_gcm));
  registry.add("AES-256-GCM", aead_check(AeadAlg::aes256_gcm));
  registry.add("ChaCha20-Poly1305", aead_check(AeadAlg::chacha20_poly1305));
  registry.add("AES-128-CBC", cbc_check(BlockCipherAlg::aes128));
  registry.add("AES-256-CBC", cbc_check(BlockCipherAlg::aes256));
  registry.add("DES-EDE3-CBC", cbc_check(BlockCipherAlg::des_ede3));
  registry.add("RC4", rc4_check);
}

}  // namespace tls::vectors
