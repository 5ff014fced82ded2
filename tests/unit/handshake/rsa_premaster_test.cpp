#include "handshake/rsa_premaster.hpp"

#include <gtest/gtest.h>

namespace tls::handshake {
namespace {

// A 256-byte (RSA-2048) type 2 block: 00 02 PS 00 M, with M = version || 46 bytes.
Bytes make_block(std::size_t padding_length, std::uint16_t version, std::size_t message_length) {
  Bytes block = {0x00, 0x02};
  for (std::size_t i = 0; i < padding_length; ++i)
    block.push_back(0x5a);
  block.push_back(0x00);
  block.push_back(static_cast<std::uint8_t>(version >> 8));
  block.push_back(static_cast<std::uint8_t>(version));
  for (std::size_t i = 2; i < message_length; ++i)
    block.push_back(static_cast<std::uint8_t>(i));
  return block;
}

const Bytes kFallback(48, 0xee);

bool is_fallback(const SecureBuffer &got) {
  return Bytes(got.begin(), got.end()) == kFallback;
}

TEST(RsaPremaster, ValidBlockGivesTheMessage) {
  const Bytes block = make_block(256 - 3 - 48, 0x0303, 48);
  ASSERT_EQ(block.size(), 256u);
  const SecureBuffer got = rsa_premaster_from_decrypted(block, 0x0303, kFallback);
  EXPECT_EQ(Bytes(got.begin(), got.end()), Bytes(block.end() - 48, block.end()));
}

TEST(RsaPremaster, EveryKindOfBadBlockGivesTheFallback) {
  Bytes block = make_block(256 - 3 - 48, 0x0303, 48);
  Bytes bad = block;
  bad[0] = 0x01;  // leading byte not zero
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(bad, 0x0303, kFallback)));
  bad = block;
  bad[1] = 0x01;  // block type 1
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(bad, 0x0303, kFallback)));
  bad = block;
  bad[5] = 0x00;  // separator too early: padding of 3 bytes and a long message
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(bad, 0x0303, kFallback)));
  // Wrong version (the negotiated one instead of the offered one).
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(block, 0x0302, kFallback)));
  // No separator at all.
  bad = Bytes(256, 0x5a);
  bad[0] = 0;
  bad[1] = 2;
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(bad, 0x0303, kFallback)));
  // Message of 47 bytes (one more padding byte).
  EXPECT_TRUE(is_fallback(
      rsa_premaster_from_decrypted(make_block(256 - 3 - 47, 0x0303, 47), 0x0303, kFallback)));
  // Block too short for a 48-byte message.
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(Bytes(58, 0), 0x0303, kFallback)));
}

TEST(RsaPremaster, ExactlyEightPaddingBytesIsTheMinimum) {
  // k = 3 + 8 + 48 = 59 bytes: the shortest valid block.
  const Bytes shortest = make_block(8, 0x0301, 48);
  EXPECT_FALSE(is_fallback(rsa_premaster_from_decrypted(shortest, 0x0301, kFallback)));
  // 7 padding bytes and a 49-byte message does not count as 8 + 48.
  Bytes seven = make_block(8, 0x0301, 48);
  seven[9] = 0x00;  // separator one byte early
  EXPECT_TRUE(is_fallback(rsa_premaster_from_decrypted(seven, 0x0301, kFallback)));
}

}  // namespace
}  // namespace tls::handshake
