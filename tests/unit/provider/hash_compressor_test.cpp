// HashCompressor against Hash: padding messages of every length by hand (the way the record
// layer's constant-time MAC check does) and running the blocks through the compression
// function must give exactly the provider's digest, for every algorithm it supports.
#include <gtest/gtest.h>

#include <vector>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

const HashAlg kCompressible[] = {HashAlg::md5, HashAlg::sha1, HashAlg::sha256, HashAlg::sha384,
                                 HashAlg::sha512};

Bytes message(std::size_t size) {
  Bytes m(size);
  for (std::size_t i = 0; i < size; ++i)
    m[i] = static_cast<std::uint8_t>(i * 131 + size);
  return m;
}

// The Merkle-Damgard padding of RFC 1321 §3.1-3.2 and FIPS 180-4 §5.1, written out: 0x80, zeros,
// then the message length in bits in a field of 8 (MD5, SHA-1, SHA-256) or 16 bytes (SHA-384,
// SHA-512), little-endian for MD5 and big-endian otherwise.
Bytes pad(ByteView msg, std::size_t block, std::size_t length_field, bool little_endian) {
  Bytes padded(msg.begin(), msg.end());
  padded.push_back(0x80);
  while (padded.size() % block != block - length_field)
    padded.push_back(0x00);
  const std::uint64_t bits = static_cast<std::uint64_t>(msg.size()) * 8;
  Bytes field(length_field, 0x00);
  for (std::size_t i = 0; i < 8; ++i) {
    const auto byte = static_cast<std::uint8_t>(bits >> (8 * i));
    if (little_endian) {
      field[i] = byte;
    } else {
      field[length_field - 1 - i] = byte;
    }
  }
  append(padded, field);
  return padded;
}

Bytes compress_all(HashCompressor &c, ByteView padded) {
  for (std::size_t at = 0; at < padded.size(); at += c.block_size())
    c.compress(padded.subspan(at, c.block_size()));
  Bytes out(hash_size(c.alg()));
  c.state(out);
  return out;
}

TEST(HashCompressor, DescribesItsHash) {
  for (HashAlg alg : kCompressible) {
    auto c = default_provider()->compressor(alg);
    ASSERT_NE(c, nullptr) << hash_name(alg);
    EXPECT_EQ(c->alg(), alg);
    EXPECT_EQ(c->block_size(), hash_block_size(alg)) << hash_name(alg);
    const bool wide = alg == HashAlg::sha384 || alg == HashAlg::sha512;
    EXPECT_EQ(c->length_field_size(), wide ? 16u : 8u) << hash_name(alg);
    EXPECT_EQ(c->little_endian(), alg == HashAlg::md5) << hash_name(alg);
  }
  EXPECT_EQ(default_provider()->compressor(HashAlg::md5_sha1), nullptr);
}

TEST(HashCompressor, HandPaddedMessagesOfEveryLengthGiveTheHash) {
  std::vector<std::size_t> sizes;
  for (std::size_t n = 0; n <= 3 * 128 + 1; ++n)
    sizes.push_back(n);  // every padding case
  for (std::size_t n : {1000u, 4096u, 16384u + 37u})
    sizes.push_back(n);
  for (HashAlg alg : kCompressible) {
    auto c = default_provider()->compressor(alg);
    ASSERT_NE(c, nullptr);
    for (std::size_t n : sizes) {
      const Bytes msg = message(n);
      c->reset();
      const Bytes mine =
          compress_all(*c, pad(msg, c->block_size(), c->length_field_size(), c->little_endian()));
      ASSERT_EQ(mine, default_provider()->digest(alg, msg))
          << hash_name(alg) << ", " << n << " bytes";
    }
  }
}

TEST(HashCompressor, ResetCloneAndStateMidStream) {
  for (HashAlg alg : kCompressible) {
    auto c = default_provider()->compressor(alg);
    const std::size_t block = c->block_size();
    const Bytes padded = pad(message(3 * block), block, c->length_field_size(), c->little_endian());
    // Two blocks in, then a clone: both finish to the hash.
    c->compress(ByteView(padded).first(block));
    c->compress(ByteView(padded).subspan(block, block));
    auto copy = c->clone();
    const Bytes rest(padded.begin() + static_cast<std::ptrdiff_t>(2 * block), padded.end());
    const Bytes expected = default_provider()->digest(alg, message(3 * block));
    EXPECT_EQ(compress_all(*copy, rest), expected) << hash_name(alg);
    EXPECT_EQ(compress_all(*c, rest), expected) << hash_name(alg);
    // The clone was independent: finishing it did not move the original, and reset() starts
    // over from the initial state.
    c->reset();
    EXPECT_EQ(compress_all(*c, padded), expected) << hash_name(alg);
    // The state after reset is the hash's initial value (SHA-256: FIPS 180-4 §5.3.3 H(0)).
    if (alg == HashAlg::sha256) {
      c->reset();
      Bytes iv(32);
      c->state(iv);
      EXPECT_EQ(iv, (Bytes{0x6a, 0x09, 0xe6, 0x67, 0xbb, 0x67, 0xae, 0x85, 0x3c, 0x6e, 0xf3,
                           0x72, 0xa5, 0x4f, 0xf5, 0x3a, 0x51, 0x0e, 0x52, 0x7f, 0x9b, 0x05,
                           0x68, 0x8c, 0x1f, 0x83, 0xd9, 0xab, 0x5b, 0xe0, 0xcd, 0x19}));
    }
  }
}

TEST(HashCompressor, MisuseNeverYieldsAPredictableValue) {
  for (HashAlg alg : kCompressible) {
    auto c = default_provider()->compressor(alg);
    const std::size_t block = c->block_size();
    const Bytes padded = pad(message(10), block, c->length_field_size(), c->little_endian());
    const Bytes expected = default_provider()->digest(alg, message(10));
    // A block of the wrong size poisons the state: the result is neither the hash nor zeros,
    // and differs each time (a MAC check built on it fails).
    c->reset();
    c->compress(Bytes(block - 1, 0));
    const Bytes first = compress_all(*c, padded);
    c->reset();
    c->compress(Bytes(block + 1, 0));
    const Bytes second = compress_all(*c, padded);
    EXPECT_NE(first, expected) << hash_name(alg);
    EXPECT_NE(first, Bytes(first.size(), 0)) << hash_name(alg);
    EXPECT_NE(first, second) << hash_name(alg);
    // reset() clears the poison.
    c->reset();
    EXPECT_EQ(compress_all(*c, padded), expected) << hash_name(alg);
  }
}

}  // namespace
}  // namespace tls::cipher
