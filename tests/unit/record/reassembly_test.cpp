// Handshake reassembly: one message over many records, many messages in one record, boundaries
// inside the 4-byte header, and the interleavings that must fail.
#include <gtest/gtest.h>

#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

constexpr std::uint16_t kTls10 = 0x0301;
constexpr std::uint8_t kHandshake = 22;

Bytes handshake_message(std::uint8_t type, std::size_t body_size, std::uint8_t seed = 0) {
  Bytes m = {type, static_cast<std::uint8_t>(body_size >> 16),
             static_cast<std::uint8_t>(body_size >> 8), static_cast<std::uint8_t>(body_size)};
  append(m, pattern(body_size, seed));
  return m;
}

// Expects the next event to be exactly `message`.
void expect_message(RecordLayer &layer, const Bytes &message) {
  auto e = layer.next_event();
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  ASSERT_EQ(e->kind, Event::Kind::handshake) << event_kind_name(e->kind);
  EXPECT_EQ(e->handshake_type, message[0]);
  EXPECT_TRUE(std::ranges::equal(e->handshake_message, message));
  EXPECT_TRUE(std::ranges::equal(e->handshake_body, ByteView(message).subspan(4)));
}

void expect_need_more(RecordLayer &layer) {
  auto e = layer.next_event();
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  EXPECT_EQ(e->kind, Event::Kind::need_more_input) << event_kind_name(e->kind);
}

TEST(Reassembly, OneMessageOverOneByteRecords) {
  const Bytes message = handshake_message(1, 300);
  Bytes stream;
  for (std::uint8_t b : message)
    append(stream, plain_record(kHandshake, kTls10, Bytes{b}));
  RecordLayer layer(provider());
  ASSERT_EQ(layer.feed(stream), stream.size());
  expect_message(layer, message);
  expect_need_more(layer);
  EXPECT_FALSE(layer.has_partial_handshake_message());
}

TEST(Reassembly, OneMessageOverOneByteRecordsFedOneByteAtATime) {
  const Bytes message = handshake_message(11, 40);
  Bytes stream;
  for (std::uint8_t b : message)
    append(stream, plain_record(kHandshake, kTls10, Bytes{b}));
  RecordLayer layer(provider());
  for (std::size_t i = 0; i + 1 < stream.size(); ++i) {
    ASSERT_EQ(layer.feed(ByteView(stream).subspan(i, 1)), 1u);
    expect_need_more(layer);
    if (i >= 2 * kRecordHeaderSize) {
      EXPECT_TRUE(layer.has_partial_handshake_message());
    }
  }
  ASSERT_EQ(layer.feed(ByteView(stream).last(1)), 1u);
  expect_message(layer, message);
}

TEST(Reassembly, ManyMessagesInOneRecord) {
  const Bytes server_hello = handshake_message(2, 70, 1);
  const Bytes certificate = handshake_message(11, 900, 2);
  const Bytes done = handshake_message(14, 0);
  Bytes body = server_hello;
  append(body, certificate);
  append(body, done);
  RecordLayer layer(provider());
  ASSERT_TRUE(layer.feed(plain_record(kHandshake, kTls10, body)) > 0);
  expect_message(layer, server_hello);
  expect_message(layer, certificate);
  expect_message(layer, done);
  expect_need_more(layer);
}

// Record boundaries at every position of a two-message stream, the header included.
TEST(Reassembly, EverySplitPointOfTwoMessages) {
  const Bytes first = handshake_message(2, 10, 1);
  const Bytes second = handshake_message(12, 9, 2);
  Bytes all = first;
  append(all, second);
  for (std::size_t cut = 1; cut < all.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut));
    RecordLayer layer(provider());
    Bytes stream = plain_record(kHandshake, kTls10, ByteView(all).first(cut));
    append(stream, plain_record(kHandshake, kTls10, ByteView(all).subspan(cut)));
    ASSERT_EQ(layer.feed(stream), stream.size());
    expect_message(layer, first);
    expect_message(layer, second);
    expect_need_more(layer);
  }
}

TEST(Reassembly, MessageSpanningEncryptedRecords) {
  LayerPair pair({cipher::find_suite("AES128-GCM-SHA256"), ProtocolVersion::tls12, false});
  ASSERT_TRUE(pair.client.set_max_write_plaintext(64).ok());
  const Bytes certificate = handshake_message(11, 5000, 7);
  ASSERT_TRUE(pair.client.write_handshake(certificate).ok());
  EXPECT_EQ(pair.client.write_sequence(), (certificate.size() + 63) / 64);
  ASSERT_TRUE(transfer(pair.client, pair.server));
  expect_message(pair.server, certificate);
  expect_need_more(pair.server);
}

TEST(Reassembly, ChangeCipherSpecInsideAMessageFails) {
  const Bytes message = handshake_message(16, 100);
  RecordLayer layer(provider());
  Bytes stream = plain_record(kHandshake, kTls10, ByteView(message).first(50));
  append(stream, plain_record(20, kTls10, Bytes{1}));
  ASSERT_EQ(layer.feed(stream), stream.size());
  auto e = layer.next_event();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::unexpected_message);
  EXPECT_NE(e.error().reason.find("fragments of a handshake message"), std::string::npos)
      << e.error().reason;
}

TEST(Reassembly, ApplicationDataInsideAMessageFails) {
  LayerPair pair({cipher::find_suite("NULL-SHA"), ProtocolVersion::tls12, false});
  ASSERT_TRUE(pair.client.set_max_write_plaintext(64).ok());
  const Bytes message = handshake_message(4, 100);
  ASSERT_TRUE(pair.client.write_handshake(message).ok());
  // Keep only the first record of the message, then application data.
  const ByteView out = pair.client.pending_output();
  const std::size_t first_record = kRecordHeaderSize + (std::size_t{out[3]} << 8 | out[4]);
  ASSERT_EQ(pair.server.feed(out.first(first_record)), first_record);
  pair.client.consume_output(out.size());
  expect_need_more(pair.server);
  EXPECT_TRUE(pair.server.has_partial_handshake_message());
  ASSERT_TRUE(pair.client.set_max_write_plaintext(kMaxPlaintext).ok());
  ASSERT_TRUE(pair.client.write_application_data(Bytes{'x'}).ok());
  // The writer's sequence number moved past the dropped records: restart the reader's count to
  // match, so that the record authenticates and the interleaving is what fails.
  pair.server.set_sequence_numbers_for_testing(pair.client.write_sequence() - 1, 0);
  ASSERT_TRUE(transfer(pair.client, pair.server));
  auto e = pair.server.next_event();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::unexpected_message);
  EXPECT_NE(e.error().reason.find("fragments of a handshake message"), std::string::npos)
      << e.error().reason;
}

TEST(Reassembly, WarningAlertInsideAMessageIsAllowed) {
  const Bytes message = handshake_message(1, 20);
  RecordLayer layer(provider());
  Bytes stream = plain_record(kHandshake, kTls10, ByteView(message).first(7));
  append(stream, plain_record(21, kTls10, Bytes{1, 112}));  // warning unrecognized_name
  append(stream, plain_record(kHandshake, kTls10, ByteView(message).subspan(7)));
  ASSERT_EQ(layer.feed(stream), stream.size());
  auto alert = layer.next_event();
  ASSERT_TRUE(alert.ok()) << alert.error().to_string();
  EXPECT_EQ(alert->kind, Event::Kind::alert);
  EXPECT_EQ(alert->alert_description, AlertDescription::unrecognized_name);
  expect_message(layer, message);
}

TEST(Reassembly, EmptyHandshakeRecordFails) {
  RecordLayer layer(provider());
  ASSERT_GT(layer.feed(plain_record(kHandshake, kTls10, {})), 0u);
  auto e = layer.next_event();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::decode_error);
}

TEST(Reassembly, MessageOverTheLimitFails) {
  RecordLayer layer(provider());
  layer.set_max_handshake_message_size(1000);
  // The header alone announces 1001 bytes: refused before the body arrives.
  const Bytes header = {11, 0, 0x03, 0xe9};
  ASSERT_GT(layer.feed(plain_record(kHandshake, kTls10, header)), 0u);
  auto e = layer.next_event();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::illegal_parameter);
  // At the limit it is fine.
  RecordLayer fine(provider());
  fine.set_max_handshake_message_size(1000);
  const Bytes message = handshake_message(11, 996);
  ASSERT_GT(fine.feed(plain_record(kHandshake, kTls10, message)), 0u);
  expect_message(fine, message);
}

}  // namespace
}  // namespace tls::record::testing
