// Crypto++'s hashes expose their compression function as the static members InitState(state)
// and Transform(state, data) of each hash class (SHA-384 is SHA-512's Transform from its own
// initial state).
//
// Word order: Transform takes the block as 16 words already in host byte order; Crypto++'s own
// IteratedHash byte-swaps each big-endian (SHA) or little-endian (MD5) block into that form
// before calling it (iterhash.cpp, HashMultipleBlocks), and the SHA-NI path of
// SHA1/SHA256::Transform is told the data is in host order. compress() does the same
// conversion, and state() serialises the words the way the hash's digest does. The provider
// tests hash padded messages of many lengths through this and compare with the normal Hash.
#include "cipher/cryptopp_compressor.hpp"

#include <cryptopp/sha.h>
#define CRYPTOPP_ENABLE_NAMESPACE_WEAK 1
#include <cryptopp/md5.h>
#include <sodium.h>

#include <array>
#include <cstring>

#include "cipher/sodium_init.hpp"

namespace tls::cipher {

namespace {

// Traits of one compression function: the Crypto++ class with InitState, the class with
// Transform, the word type, and the byte order of the words.
template <class InitClass, class TransformClass, class Word, bool LittleEndian>
struct Traits {
  using Init = InitClass;
  using Transform = TransformClass;
  using WordType = Word;
  static constexpr bool little_endian = LittleEndian;
};

using Md5Traits = Traits<CryptoPP::Weak::MD5, CryptoPP::Weak::MD5, CryptoPP::word32, true>;
using Sha1Traits = Traits<CryptoPP::SHA1, CryptoPP::SHA1, CryptoPP::word32, false>;
using Sha256Traits = Traits<CryptoPP::SHA256, CryptoPP::SHA256, CryptoPP::word32, false>;
using Sha384Traits = Traits<CryptoPP::SHA384, CryptoPP::SHA512, CryptoPP::word64, false>;
using Sha512Traits = Traits<CryptoPP::SHA512, CryptoPP::SHA512, CryptoPP::word64, false>;

template <class T>
class CryptoppCompressor final : public HashCompressor {
  using Word = typename T::WordType;
  static constexpr std::size_t kBlockSize = 16 * sizeof(Word);
  // Every state array is 8 words here (MD5 and SHA-1 use the first 4 or 5); Crypto++ asks for
  // 16-byte alignment (SSE2 and SHA-NI code paths).
  static constexpr std::size_t kStateWords = 8;

 public:
  explicit CryptoppCompressor(HashAlg alg) : alg_(alg) { reset(); }

  HashAlg alg() const override { return alg_; }
  std::size_t block_size() const override { return kBlockSize; }
  std::size_t length_field_size() const override { return 2 * sizeof(Word); }
  bool little_endian() const override { return T::little_endian; }

  void reset() override {
    state_.fill(0);
    T::Init::InitState(state_.data());
    misused_ = false;
  }

  void compress(ByteView block) override {
    if (block.size() != kBlockSize) {
      // No error path in the interface: a wrong-sized block poisons the state (see state()).
      misused_ = true;
      return;
    }
    alignas(16) std::array<Word, 16> words;
    for (std::size_t i = 0; i < 16; ++i)
      words[i] = load(block.subspan(i * sizeof(Word)));
    T::Transform::Transform(state_.data(), words.data());
    secure_zero(words.data(), sizeof words);
  }

  void state(MutableByteView out) const override {
    const std::size_t size = hash_size(alg_);
    if (out.size() != size || misused_) {
      // A misused compressor must not produce a predictable value (all zeros would be a MAC
      // an attacker could send), so it produces fresh random bytes: the MAC check then fails.
      ensure_sodium_initialized();
      if (!out.empty()) randombytes_buf(out.data(), out.size());
      return;
    }
    for (std::size_t i = 0; i < size; ++i) {
      const Word w = state_[i / sizeof(Word)];
      const std::size_t byte_in_word = i % sizeof(Word);
      const std::size_t shift =
          8 * (T::little_endian ? byte_in_word : sizeof(Word) - 1 - byte_in_word);
      out[i] = static_cast<std::uint8_t>(w >> shift);
    }
  }

  std::unique_ptr<HashCompressor> clone() const override {
    return std::make_unique<CryptoppCompressor>(*this);
  }

 private:
  static Word load(ByteView bytes) {
    Word w = 0;
    for (std::size_t j = 0; j < sizeof(Word); ++j) {
      const std::size_t shift = 8 * (T::little_endian ? j : sizeof(Word) - 1 - j);
      w |= static_cast<Word>(bytes[j]) << shift;
    }
    return w;
  }

  HashAlg alg_;
  alignas(16) std::array<Word, kStateWords> state_{};
  bool misused_ = false;
};

}  // namespace

std::unique_ptr<HashCompressor> make_cryptopp_compressor(HashAlg alg) {
  switch (alg) {
    case HashAlg::md5:
      return std::make_unique<CryptoppCompressor<Md5Traits>>(alg);
    case HashAlg::sha1:
      return std::make_unique<CryptoppCompressor<Sha1Traits>>(alg);
    case HashAlg::sha256:
      return std::make_unique<CryptoppCompressor<Sha256Traits>>(alg);
    case HashAlg::sha384:
      return std::make_unique<CryptoppCompressor<Sha384Traits>>(alg);
    case HashAlg::sha512:
      return std::make_unique<CryptoppCompressor<Sha512Traits>>(alg);
    case HashAlg::md5_sha1:
      return nullptr;
  }
  return nullptr;
}

}  // namespace tls::cipher
