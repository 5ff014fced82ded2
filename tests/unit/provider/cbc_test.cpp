// Raw CBC (AES-128, AES-256, 3DES-EDE): chaining across calls (SSL 3.0 / TLS 1.0 carry the last
// ciphertext block into the next record), a fresh IV per call (TLS 1.1+), and misuse that wipes
// the buffer instead of letting plaintext through. Published vectors: tests/vectors/*cbc*.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

const BlockCipherAlg kAlgs[] = {BlockCipherAlg::aes128, BlockCipherAlg::aes256,
                                BlockCipherAlg::des_ede3};

const char *name(BlockCipherAlg alg) {
  switch (alg) {
    case BlockCipherAlg::aes128:
      return "AES-128";
    case BlockCipherAlg::aes256:
      return "AES-256";
    case BlockCipherAlg::des_ede3:
      return "3DES";
  }
  return "?";
}

std::unique_ptr<CbcCipher> make(BlockCipherAlg alg) {
  Bytes key(block_cipher_key_size(alg));
  // 3DES with three different keys (K1 = K2 = K3 would be single DES).
  for (std::size_t i = 0; i < key.size(); ++i)
    key[i] = static_cast<std::uint8_t>(i * 29 + 3);
  auto cbc = default_provider()->cbc(alg, key);
  EXPECT_TRUE(cbc.ok());
  return cbc.ok() ? std::move(*cbc) : nullptr;
}

Bytes blocks(std::size_t count, std::size_t block) {
  Bytes b(count * block);
  for (std::size_t i = 0; i < b.size(); ++i)
    b[i] = static_cast<std::uint8_t>(i * 13 + 5);
  return b;
}

TEST(Cbc, SizesAreTheCiphers) {
  for (BlockCipherAlg alg : kAlgs) {
    auto cbc = make(alg);
    ASSERT_NE(cbc, nullptr);
    EXPECT_EQ(cbc->alg(), alg);
    EXPECT_EQ(cbc->block_size(), block_cipher_block_size(alg));
  }
  EXPECT_EQ(block_cipher_key_size(BlockCipherAlg::des_ede3), 24u);
  EXPECT_EQ(block_cipher_block_size(BlockCipherAlg::des_ede3), 8u);
}

TEST(Cbc, ChainingAcrossCallsEqualsOneCall) {
  for (BlockCipherAlg alg : kAlgs) {
    auto cbc = make(alg);
    const std::size_t bs = cbc->block_size();
    const Bytes iv = blocks(1, bs);
    const Bytes pt = blocks(8, bs);
    Bytes whole = pt;
    cbc->encrypt(iv, whole);
    EXPECT_NE(whole, pt);
    // The same plaintext as three "records" of 1, 3 and 4 blocks, each record's IV being the
    // last ciphertext block of the one before.
    Bytes chained;
    Bytes next_iv = iv;
    std::size_t at = 0;
    for (std::size_t count : {1u, 3u, 4u}) {
      Bytes record(pt.begin() + static_cast<std::ptrdiff_t>(at),
                   pt.begin() + static_cast<std::ptrdiff_t>(at + count * bs));
      cbc->encrypt(next_iv, record);
      next_iv.assign(record.end() - static_cast<std::ptrdiff_t>(bs), record.end());
      append(chained, record);
      at += count * bs;
    }
    EXPECT_EQ(chained, whole) << name(alg);
    // Decryption chains the same way, with a different split.
    Bytes decrypted;
    next_iv = iv;
    at = 0;
    for (std::size_t count : {5u, 2u, 1u}) {
      Bytes record(whole.begin() + static_cast<std::ptrdiff_t>(at),
                   whole.begin() + static_cast<std::ptrdiff_t>(at + count * bs));
      const Bytes last_ct(record.end() - static_cast<std::ptrdiff_t>(bs), record.end());
      cbc->decrypt(next_iv, record);
      next_iv = last_ct;
      append(decrypted, record);
      at += count * bs;
    }
    EXPECT_EQ(decrypted, pt) << name(alg);
  }
}

TEST(Cbc, EachCallUsesItsOwnIv) {
  for (BlockCipherAlg alg : kAlgs) {
    auto cbc = make(alg);
    const std::size_t bs = cbc->block_size();
    const Bytes pt = blocks(2, bs);
    Bytes a = pt, b = pt, c = pt;
    cbc->encrypt(Bytes(bs, 0x01), a);
    cbc->encrypt(Bytes(bs, 0x02), b);
    cbc->encrypt(Bytes(bs, 0x01), c);  // nothing carried over from the calls before
    EXPECT_NE(a, b) << name(alg);
    EXPECT_EQ(a, c) << name(alg);
    // CBC decryption: block i is D(C_i) ^ C_{i-1}, so a wrong IV spoils exactly the first block.
    Bytes wrong_iv = a;
    cbc->decrypt(Bytes(bs, 0x02), wrong_iv);
    EXPECT_FALSE(
        std::equal(pt.begin(), pt.begin() + static_cast<std::ptrdiff_t>(bs), wrong_iv.begin()))
        << name(alg);
    EXPECT_TRUE(std::equal(pt.begin() + static_cast<std::ptrdiff_t>(bs), pt.end(),
                           wrong_iv.begin() + static_cast<std::ptrdiff_t>(bs)))
        << name(alg);
  }
}

TEST(Cbc, MisuseWipesTheBufferInsteadOfPassingPlaintext) {
  for (BlockCipherAlg alg : kAlgs) {
    auto cbc = make(alg);
    const std::size_t bs = cbc->block_size();
    auto all_zero = [](const Bytes &b) {
      return std::all_of(b.begin(), b.end(), [](auto x) { return x == 0; });
    };
    Bytes partial = blocks(2, bs);
    partial.pop_back();  // not a whole number of blocks
    cbc->encrypt(Bytes(bs, 1), partial);
    EXPECT_TRUE(all_zero(partial)) << name(alg);
    Bytes short_iv = blocks(2, bs);
    cbc->encrypt(Bytes(bs - 1, 1), short_iv);
    EXPECT_TRUE(all_zero(short_iv)) << name(alg);
    Bytes long_iv = blocks(2, bs);
    cbc->decrypt(Bytes(bs + 1, 1), long_iv);
    EXPECT_TRUE(all_zero(long_iv)) << name(alg);
    Bytes empty;
    cbc->encrypt(Bytes(bs, 1), empty);  // nothing to do, and no failure
    EXPECT_TRUE(empty.empty());
  }
}

TEST(Cbc, WrongKeySizeIsAnErrorNotAnException) {
  for (BlockCipherAlg alg : kAlgs) {
    for (std::size_t size : {0u, 8u, 15u, 16u, 17u, 24u, 31u, 32u, 33u}) {
      if (size == block_cipher_key_size(alg)) continue;
      Result<std::unique_ptr<CbcCipher>> cbc = make_error(AlertDescription::close_notify, "unset");
      EXPECT_NO_THROW(cbc = default_provider()->cbc(alg, Bytes(size, 1)));
      ASSERT_FALSE(cbc.ok()) << name(alg) << " with a " << size << "-byte key";
      EXPECT_EQ(cbc.error().alert, AlertDescription::internal_error);
    }
  }
}

}  // namespace
}  // namespace tls::cipher
