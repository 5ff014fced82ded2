// Flipping any single bit of a protected record - header, explicit IV or nonce, body, MAC,
// padding, tag - is refused with bad_record_mac or the error its header field calls for, for
// one short record under every kind of protection.
#include <gtest/gtest.h>

#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

struct FlipCase {
  const char *suite;
  ProtocolVersion version;
  bool encrypt_then_mac;
};

const FlipCase kFlipCases[] = {
    {"NULL-SHA", ProtocolVersion::tls12, false},
    {"NULL-MD5", ProtocolVersion::ssl3, false},
    {"RC4-SHA", ProtocolVersion::tls10, false},
    {"RC4-MD5", ProtocolVersion::ssl3, false},
    {"AES128-SHA", ProtocolVersion::ssl3, false},
    {"AES128-SHA", ProtocolVersion::tls10, false},
    {"AES128-SHA", ProtocolVersion::tls12, false},
    {"DES-CBC3-SHA", ProtocolVersion::tls11, false},
    {"ECDHE-RSA-AES256-SHA384", ProtocolVersion::tls12, false},
    {"AES128-SHA", ProtocolVersion::tls10, true},
    {"AES256-SHA256", ProtocolVersion::tls12, true},
    {"AES128-GCM-SHA256", ProtocolVersion::tls12, false},
    {"AES256-GCM-SHA384", ProtocolVersion::tls12, false},
    {"ECDHE-RSA-CHACHA20-POLY1305", ProtocolVersion::tls12, false},
};

class BitFlip : public ::testing::TestWithParam<FlipCase> {};

TEST_P(BitFlip, EverySingleBitFlipIsRefused) {
  const FlipCase &f = GetParam();
  const SuiteCase c{cipher::find_suite(f.suite), f.version, f.encrypt_then_mac};
  ASSERT_NE(c.suite, nullptr);

  // One short record: a 16-byte Finished-like handshake message.
  const Bytes message = {20, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  Bytes record;
  {
    LayerPair pair(c);
    ASSERT_TRUE(pair.client.write_handshake(message).ok());
    record.assign(pair.client.pending_output().begin(), pair.client.pending_output().end());
    // The untouched record is accepted.
    ASSERT_TRUE(transfer(pair.client, pair.server));
    auto e = pair.server.next_event();
    ASSERT_TRUE(e.ok()) << e.error().to_string();
    ASSERT_EQ(e->kind, Event::Kind::handshake);
    ASSERT_TRUE(std::ranges::equal(e->handshake_message, message));
  }
  const std::size_t body = record.size() - kRecordHeaderSize;

  int flips = 0;
  for (std::size_t byte = 0; byte < record.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes flipped = record;
      flipped[byte] ^= static_cast<std::uint8_t>(1u << bit);
      LayerPair pair(c);  // fresh keys state: the reader has seen nothing else
      ASSERT_EQ(pair.server.feed(flipped), flipped.size());
      auto e = pair.server.next_event();
      SCOPED_TRACE("byte " + std::to_string(byte) + " bit " + std::to_string(bit));
      ++flips;

      if (byte == 3 || byte == 4) {
        const std::size_t length = std::size_t{flipped[3]} << 8 | flipped[4];
        if (length > body) {
          // Longer than what arrived: either too long for any record, or wait for more.
          if (length >
              pair.server.max_read_plaintext() + pair.server.read_protection().max_expansion()) {
            ASSERT_FALSE(e.ok());
            EXPECT_EQ(e.error().alert, AlertDescription::record_overflow);
          } else {
            ASSERT_TRUE(e.ok()) << e.error().to_string();
            EXPECT_EQ(e->kind, Event::Kind::need_more_input);
          }
          continue;
        }
      }
      ASSERT_FALSE(e.ok()) << "flip accepted as " << event_kind_name(e->kind);
      AlertDescription expected = AlertDescription::bad_record_mac;
      if (byte == 0 && !content_type_from_wire(flipped[0]))
        expected = AlertDescription::unexpected_message;
      if (byte == 1 || byte == 2) expected = AlertDescription::protocol_version;
      EXPECT_EQ(e.error().alert, expected) << e.error().to_string();
      // The layer is dead, says so again, and has queued the fatal alert.
      EXPECT_TRUE(pair.server.dead());
      auto again = pair.server.next_event();
      ASSERT_FALSE(again.ok());
      EXPECT_EQ(again.error().reason, e.error().reason);
      EXPECT_FALSE(pair.server.pending_output().empty());
    }
  }
  EXPECT_EQ(flips, static_cast<int>(record.size() * 8));
}

std::string flip_case_name(const ::testing::TestParamInfo<FlipCase> &info) {
  return SuiteCase{cipher::find_suite(info.param.suite), info.param.version,
                   info.param.encrypt_then_mac}
      .name();
}

INSTANTIATE_TEST_SUITE_P(OneRecordPerProtection, BitFlip, ::testing::ValuesIn(kFlipCases),
                         flip_case_name);

}  // namespace
}  // namespace tls::record::testing
