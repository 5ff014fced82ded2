#include "cipher/sodium_chacha20poly1305.hpp"

#include <sodium.h>

#include <cstdint>
#include <string>

#include "cipher/sodium_init.hpp"

namespace tls::cipher {

namespace {

static_assert(crypto_aead_chacha20poly1305_ietf_KEYBYTES == 32);
static_assert(crypto_aead_chacha20poly1305_ietf_NPUBBYTES == kAeadNonceSize);
static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES == kAeadTagSize);

class SodiumChaCha20Poly1305 final : public Aead {
 public:
  explicit SodiumChaCha20Poly1305(ByteView key) : key_(to_secure(key)) {}

  AeadAlg alg() const override { return AeadAlg::chacha20_poly1305; }

  Status seal(ByteView nonce, ByteView aad, MutableByteView data, MutableByteView tag) override {
    if (nonce.size() != kAeadNonceSize || tag.size() != kAeadTagSize) {
      return make_error(AlertDescription::internal_error,
                        "ChaCha20-Poly1305 seal: nonce must be 12 bytes and tag 16 bytes");
    }
    // libsodium allows the ciphertext to overwrite the plaintext in place. Its output pointer
    // must not be null even for an empty record (the parameter is declared nonnull).
    std::uint8_t empty = 0;
    std::uint8_t *const out = data.empty() ? &empty : data.data();
    unsigned long long tag_len = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt_detached(out, tag.data(), &tag_len, out, data.size(),
                                                       aad.data(), aad.size(), nullptr,
                                                       nonce.data(), key_.data());
    return Status::success();
  }

  bool open(ByteView nonce, ByteView aad, MutableByteView data, ByteView tag) override {
    if (nonce.size() != kAeadNonceSize || tag.size() != kAeadTagSize) return false;
    // libsodium checks the tag (in constant time) before decrypting anything, so a forged
    // record leaves `data` untouched: the ciphertext, never plaintext.
    std::uint8_t empty = 0;
    std::uint8_t *const in_out = data.empty() ? &empty : data.data();
    return crypto_aead_chacha20poly1305_ietf_decrypt_detached(in_out, nullptr, in_out, data.size(),
                                                              tag.data(), aad.data(), aad.size(),
                                                              nonce.data(), key_.data()) == 0;
  }

 private:
  SecureBuffer key_;
};

}  // namespace

Result<std::unique_ptr<Aead>> make_sodium_chacha20_poly1305(ByteView key) {
  if (key.size() != crypto_aead_chacha20poly1305_ietf_KEYBYTES) {
    return make_error(
        AlertDescription::internal_error,
        "ChaCha20-Poly1305: key is " + std::to_string(key.size()) + " bytes, expected 32");
  }
  ensure_sodium_initialized();
  return std::unique_ptr<Aead>(std::make_unique<SodiumChaCha20Poly1305>(key));
}

}  // namespace tls::cipher
