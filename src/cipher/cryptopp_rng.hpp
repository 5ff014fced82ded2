// A RandomSource seen as a Crypto++ RandomNumberGenerator, so that everything Crypto++ draws
// (RSA blinding, ECDSA nonces, EC and DH private keys) comes from the provider's random bytes:
// with the deterministic provider those operations are reproducible too.
#pragma once

#include <cryptopp/cryptlib.h>

#include "cipher/random_source.hpp"

namespace tls::cipher {

class CryptoppRng final : public CryptoPP::RandomNumberGenerator {
 public:
  explicit CryptoppRng(RandomSource &source) : source_(source) {}
  void GenerateBlock(CryptoPP::byte *output, size_t size) override;

 private:
  RandomSource &source_;
};

}  // namespace tls::cipher
