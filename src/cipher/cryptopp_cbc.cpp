#include "cipher/cryptopp_cbc.hpp"

#include <cryptopp/aes.h>
#include <cryptopp/des.h>
#include <cryptopp/modes.h>

#include <string>

#include "cipher/cryptopp_errors.hpp"

namespace tls::cipher {

namespace {

// Crypto++'s CBC_Mode is raw CBC: padding lives in its filters, which are not used here.
template <class BlockCipher>
class CryptoppCbc final : public CbcCipher {
 public:
  CryptoppCbc(BlockCipherAlg alg, ByteView key) : alg_(alg) {
    const std::uint8_t zero_iv[BlockCipher::BLOCKSIZE] = {};
    enc_.SetKeyWithIV(key.data(), key.size(), zero_iv, sizeof zero_iv);
    dec_.SetKeyWithIV(key.data(), key.size(), zero_iv, sizeof zero_iv);
  }

  BlockCipherAlg alg() const override { return alg_; }
  std::size_t block_size() const override { return BlockCipher::BLOCKSIZE; }

  void encrypt(ByteView iv, MutableByteView data) override { run(enc_, iv, data); }
  void decrypt(ByteView iv, MutableByteView data) override { run(dec_, iv, data); }

 private:
  // The interface has no error path here: the record layer always passes a whole number of
  // blocks and a block-sized IV. Should a caller break that contract, the data is wiped
  // rather than left as it was, so that plaintext can never go out unencrypted.
  template <class Mode>
  void run(Mode &mode, ByteView iv, MutableByteView data) {
    if (iv.size() != BlockCipher::BLOCKSIZE || data.size() % BlockCipher::BLOCKSIZE != 0) {
      secure_zero(data);
      return;
    }
    if (data.empty()) return;
    try {
      mode.Resynchronize(iv.data(), static_cast<int>(iv.size()));
      mode.ProcessData(data.data(), data.data(), data.size());
    } catch (...) {
      secure_zero(data);
    }
  }

  BlockCipherAlg alg_;
  typename CryptoPP::CBC_Mode<BlockCipher>::Encryption enc_;
  typename CryptoPP::CBC_Mode<BlockCipher>::Decryption dec_;
};

}  // namespace

Result<std::unique_ptr<CbcCipher>> make_cryptopp_cbc(BlockCipherAlg alg, ByteView key) {
  if (key.size() != block_cipher_key_size(alg)) {
    return make_error(AlertDescription::internal_error,
                      "CBC: key is " + std::to_string(key.size()) + " bytes, expected " +
                          std::to_string(block_cipher_key_size(alg)));
  }
  return catch_exceptions("CBC key setup", [&]() -> Result<std::unique_ptr<CbcCipher>> {
    switch (alg) {
      case BlockCipherAlg::aes128:
      case BlockCipherAlg::aes256:
        return std::unique_ptr<CbcCipher>(std::make_unique<CryptoppCbc<CryptoPP::AES>>(alg, key));
      case BlockCipherAlg::des_ede3:
        return std::unique_ptr<CbcCipher>(
            std::make_unique<CryptoppCbc<CryptoPP::DES_EDE3>>(alg, key));
    }
    return make_error(AlertDescription::internal_error, "CBC: unknown block cipher");
  });
}

}  // namespace tls::cipher
