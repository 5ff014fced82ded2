// Round trips, protect -> deprotect, for every suite of the table under every version it allows
// (CBC suites with and without encrypt-then-MAC), for plaintexts of 0, 1, 15, 16, 17, 2^14 - 1
// and 2^14 bytes, through the Protection objects and through two record layers.
#include <gtest/gtest.h>

#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

constexpr std::size_t kSizes[] = {0, 1, 15, 16, 17, kMaxPlaintext - 1, kMaxPlaintext};

class RoundTrip : public ::testing::TestWithParam<SuiteCase> {};

// The sizes one after the other on one protection pair, so that chained state (CBC residue,
// RC4 keystream, sequence numbers) carries from record to record.
TEST_P(RoundTrip, ProtectionSealThenOpen) {
  const SuiteCase c = GetParam();
  const cipher::KeyBlock keys = key_block_for(c);
  auto writer = build(c, keys, true, Direction::write);
  auto reader = build(c, keys, false, Direction::read);
  ASSERT_TRUE(writer && reader);
  const bool encrypts = c.suite->bulk().kind != cipher::CipherKind::null;
  std::uint64_t seq = 0;
  for (std::size_t size : kSizes) {
    SCOPED_TRACE("plaintext of " + std::to_string(size) + " bytes");
    const Bytes plaintext = pattern(size, static_cast<std::uint8_t>(seq));
    const RecordContext context{seq++, ContentType::application_data, to_wire(c.version)};
    Bytes fragment(writer->sealed_size(size));
    ASSERT_LE(fragment.size(), size + writer->max_expansion());
    std::copy(plaintext.begin(), plaintext.end(),
              fragment.begin() + static_cast<std::ptrdiff_t>(writer->plaintext_offset()));
    ASSERT_TRUE(writer->seal(context, fragment, size).ok());
    if (encrypts && size >= 16) {
      EXPECT_EQ(
          std::search(fragment.begin(), fragment.end(), plaintext.begin(), plaintext.begin() + 16),
          fragment.end())
          << "plaintext visible in the protected fragment";
    }
    auto opened = reader->open(context, fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_TRUE(std::equal(opened->begin(), opened->end(), plaintext.begin(), plaintext.end()));
  }
}

// The MAC or tag covers the sequence number and the content type: a record replayed under another
// sequence number or relabelled is refused.
TEST_P(RoundTrip, OpenRefusesAnotherSequenceNumberOrType) {
  const SuiteCase c = GetParam();
  const cipher::KeyBlock keys = key_block_for(c);
  const Bytes plaintext = pattern(20);
  for (int variant = 0; variant < 2; ++variant) {
    auto writer = build(c, keys, true, Direction::write);
    auto reader = build(c, keys, false, Direction::read);
    const RecordContext sent{5, ContentType::application_data, to_wire(c.version)};
    Bytes fragment(writer->sealed_size(plaintext.size()));
    std::copy(plaintext.begin(), plaintext.end(),
              fragment.begin() + static_cast<std::ptrdiff_t>(writer->plaintext_offset()));
    ASSERT_TRUE(writer->seal(sent, fragment, plaintext.size()).ok());
    RecordContext received = sent;
    if (variant == 0)
      received.sequence = 6;
    else
      received.type = ContentType::handshake;
    auto opened = reader->open(received, fragment);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().alert, AlertDescription::bad_record_mac);
  }
}

// The same through two record layers, both ways: fragmentation at 2^14, the 1/n-1 split, the
// headers and sequence numbers of the layer.
TEST_P(RoundTrip, RecordLayersBothWays) {
  const SuiteCase c = GetParam();
  LayerPair pair(c);
  for (std::size_t size : kSizes) {
    SCOPED_TRACE("application data of " + std::to_string(size) + " bytes");
    const Bytes data = pattern(size, 3);
    for (int direction = 0; direction < 2; ++direction) {
      RecordLayer &from = direction == 0 ? pair.client : pair.server;
      RecordLayer &to = direction == 0 ? pair.server : pair.client;
      auto taken = from.write_application_data(data);
      ASSERT_TRUE(taken.ok()) << taken.error().to_string();
      EXPECT_EQ(*taken, size);
      EXPECT_EQ(deliver(from, to), data);
    }
  }
  // A handshake message (renegotiation-style) and an alert after the data.
  const Bytes hello_request = {0, 0, 0, 0};
  ASSERT_TRUE(pair.server.write_handshake(hello_request).ok());
  ASSERT_TRUE(
      pair.server.write_alert(AlertLevel::warning, AlertDescription::no_renegotiation).ok());
  ASSERT_TRUE(transfer(pair.server, pair.client));
  auto hs = pair.client.next_event();
  ASSERT_TRUE(hs.ok()) << hs.error().to_string();
  EXPECT_EQ(hs->kind, Event::Kind::handshake);
  EXPECT_TRUE(std::ranges::equal(hs->handshake_message, hello_request));
  auto alert = pair.client.next_event();
  ASSERT_TRUE(alert.ok());
  EXPECT_EQ(alert->kind, Event::Kind::alert);
  EXPECT_EQ(alert->alert_description, AlertDescription::no_renegotiation);
}

INSTANTIATE_TEST_SUITE_P(EverySuiteAndVersion, RoundTrip, ::testing::ValuesIn(all_suite_cases()),
                         [](const auto &info) { return info.param.name(); });

TEST(RoundTripCoverage, EveryProtectionKindAndVersionIsCovered) {
  bool seen[4][4] = {};  // [kind][version]
  bool etm = false;
  for (const SuiteCase &c : all_suite_cases()) {
    seen[static_cast<int>(c.suite->bulk().kind)][to_wire(c.version) - 0x0300] = true;
    etm = etm || c.encrypt_then_mac;
  }
  using K = cipher::CipherKind;
  for (K kind : {K::null, K::stream, K::cbc})
    for (int v = 0; v < 4; ++v)
      EXPECT_TRUE(seen[static_cast<int>(kind)][v]);
  EXPECT_TRUE(seen[static_cast<int>(K::aead)][3]);
  EXPECT_TRUE(etm);
}

}  // namespace
}  // namespace tls::record::testing
