#include "cipher/cryptopp_aead.hpp"

#include <cryptopp/aes.h>
#include <cryptopp/gcm.h>

#include "cipher/cryptopp_errors.hpp"

namespace tls::cipher {

namespace {

class CryptoppAesGcm final : public Aead {
 public:
  CryptoppAesGcm(AeadAlg alg, ByteView key) : alg_(alg) {
    // The IV given here is replaced by each message's nonce; Crypto++ wants one at keying.
    const std::uint8_t zero_iv[kAeadNonceSize] = {};
    enc_.SetKeyWithIV(key.data(), key.size(), zero_iv, sizeof zero_iv);
    dec_.SetKeyWithIV(key.data(), key.size(), zero_iv, sizeof zero_iv);
  }

  AeadAlg alg() const override { return alg_; }

  Status seal(ByteView nonce, ByteView aad, MutableByteView data, MutableByteView tag) override {
    if (nonce.size() != kAeadNonceSize || tag.size() != kAeadTagSize) {
      return make_error(AlertDescription::internal_error,
                        "AES-GCM seal: nonce must be 12 bytes and tag 16 bytes");
    }
    return catch_exceptions("AES-GCM seal", [&]() -> Status {
      enc_.EncryptAndAuthenticate(data.data(), tag.data(), tag.size(), nonce.data(),
                                  static_cast<int>(nonce.size()), aad.data(), aad.size(),
                                  data.data(), data.size());
      return Status::success();
    });
  }

  bool open(ByteView nonce, ByteView aad, MutableByteView data, ByteView tag) override {
    if (nonce.size() != kAeadNonceSize || tag.size() != kAeadTagSize) return false;
    bool ok = false;
    try {
      // Crypto++ decrypts and authenticates in one pass and compares the tag in constant time.
      ok = dec_.DecryptAndVerify(data.data(), tag.data(), tag.size(), nonce.data(),
                                 static_cast<int>(nonce.size()), aad.data(), aad.size(),
                                 data.data(), data.size());
    } catch (...) {
      ok = false;
    }
    // The contract: a forged record leaves no plaintext behind.
    if (!ok) secure_zero(data);
    return ok;
  }

 private:
  AeadAlg alg_;
  CryptoPP::GCM<CryptoPP::AES>::Encryption enc_;
  CryptoPP::GCM<CryptoPP::AES>::Decryption dec_;
};

}  // namespace

Result<std::unique_ptr<Aead>> make_cryptopp_aes_gcm(AeadAlg alg, ByteView key) {
  if (alg != AeadAlg::aes128_gcm && alg != AeadAlg::aes256_gcm) {
    return make_error(AlertDescription::internal_error, "AES-GCM: not an AES-GCM algorithm");
  }
  if (key.size() != aead_key_size(alg)) {
    return make_error(AlertDescription::internal_error,
                      "AES-GCM: key is " + std::to_string(key.size()) + " bytes, expected " +
                          std::to_string(aead_key_size(alg)));
  }
  return catch_exceptions("AES-GCM key setup", [&]() -> Result<std::unique_ptr<Aead>> {
    return std::unique_ptr<Aead>(std::make_unique<CryptoppAesGcm>(alg, key));
  });
}

}  // namespace tls::cipher
