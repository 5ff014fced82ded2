#include "cipher/cryptopp_rng.hpp"

namespace tls::cipher {

void CryptoppRng::GenerateBlock(CryptoPP::byte *output, size_t size) {
  // Crypto++'s other RandomNumberGenerator members (GenerateWord32, GenerateByte, Integer
  // randomisation) all end up here.
  source_.fill(MutableByteView(output, size));
}

}  // namespace tls::cipher
