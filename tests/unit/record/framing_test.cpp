// Malformed records: each gets the right fatal alert, the connection is dead afterwards, and the
// alert is queued for the peer.
#include <gtest/gtest.h>

#include <limits>

#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

constexpr std::uint16_t kTls10 = 0x0301;
constexpr std::uint16_t kTls12 = 0x0303;

// Feeds `bytes` to a fresh layer (optionally prepared) and returns the first event or error.
template <class Prepare>
Result<Event> first_event(ByteView bytes, Prepare prepare) {
  RecordLayer layer(provider());
  prepare(layer);
  // Records over the limit do not fit: what fits is enough to refuse them.
  EXPECT_GT(layer.feed(bytes), 0u);
  return layer.next_event();
}
Result<Event> first_event(ByteView bytes) {
  return first_event(bytes, [](RecordLayer &) {});
}

void expect_alert(const Result<Event> &e, AlertDescription alert, const char *reason_part = "") {
  ASSERT_FALSE(e.ok()) << "accepted as " << event_kind_name(e->kind);
  EXPECT_EQ(e.error().alert, alert) << e.error().to_string();
  EXPECT_NE(e.error().reason.find(reason_part), std::string::npos) << e.error().reason;
}

void expect_alert(const Status &s, AlertDescription alert, const char *reason_part = "") {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().alert, alert) << s.error().to_string();
  EXPECT_NE(s.error().reason.find(reason_part), std::string::npos) << s.error().reason;
}

TEST(Framing, UnknownContentTypes) {
  for (int type : {0, 1, 19, 25, 99, 127}) {
    SCOPED_TRACE(type);
    expect_alert(first_event(plain_record(static_cast<std::uint8_t>(type), kTls10, Bytes{1, 2})),
                 AlertDescription::unexpected_message, "not a TLS content type");
  }
  expect_alert(first_event(plain_record(24, kTls12, Bytes{1, 0, 0})),
               AlertDescription::unexpected_message, "heartbeat");
}

TEST(Framing, BadTypeIsRefusedFromItsFirstByte) {
  expect_alert(first_event(Bytes{0x17 + 10}), AlertDescription::unexpected_message);
}

TEST(Framing, PlainHttpIsNamed) {
  const std::string request = "GET / HTTP/1.1\r\n";
  expect_alert(first_event(as_bytes(request)), AlertDescription::unexpected_message, "HTTP");
}

TEST(Framing, VersionMajorMustBeThree) {
  expect_alert(first_event(plain_record(22, 0x0201, Bytes{1})), AlertDescription::protocol_version);
  expect_alert(first_event(Bytes{22, 4}), AlertDescription::protocol_version);  // 2 bytes suffice
}

TEST(Framing, AnyMinorBeforeNegotiationTheNegotiatedOneAfter) {
  const Bytes done = {14, 0, 0, 0};
  for (std::uint16_t v : {0x0300, 0x0301, 0x0303, 0x0304, 0x03ff}) {
    auto e = first_event(plain_record(22, v, done));
    ASSERT_TRUE(e.ok()) << e.error().to_string();
    EXPECT_EQ(e->kind, Event::Kind::handshake);
  }
  auto set12 = [](RecordLayer &l) { l.set_version(ProtocolVersion::tls12); };
  auto ok = first_event(plain_record(22, kTls12, done), set12);
  EXPECT_TRUE(ok.ok());
  for (std::uint16_t v : {0x0300, 0x0301, 0x0302, 0x0304}) {
    expect_alert(first_event(plain_record(22, v, done), set12), AlertDescription::protocol_version,
                 "negotiated");
  }
}

TEST(Framing, LengthLimits) {
  // Over 2^14 + 2048: refused from the header, before the body.
  const Bytes header = {22, 3, 3, 0x48, 0x01};  // 18433
  expect_alert(first_event(header), AlertDescription::record_overflow, "2^14 + 2048");
  // Without protection the ciphertext is the plaintext: 2^14 is the limit.
  const Bytes big = pattern(kMaxPlaintext + 1);
  expect_alert(first_event(plain_record(23, kTls12, big)), AlertDescription::record_overflow);
  const Bytes at_limit_header = {22, 3, 3, 0x40, 0x00};
  auto e = first_event(at_limit_header);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->kind, Event::Kind::need_more_input);
  // A negotiated smaller limit applies to the header too.
  auto small = [](RecordLayer &l) { ASSERT_TRUE(l.set_max_read_plaintext(512).ok()); };
  expect_alert(first_event(plain_record(22, kTls12, pattern(513)), small),
               AlertDescription::record_overflow);
}

// A CBC record may be longer than the plaintext limit by its padding; the decrypted plaintext
// is checked against the limit too.
TEST(Framing, PlaintextOverTheLimitAfterDecryption) {
  LayerPair pair({cipher::find_suite("AES128-SHA"), ProtocolVersion::tls12, false});
  ASSERT_TRUE(pair.server.set_max_read_plaintext(512).ok());
  ASSERT_TRUE(pair.client.write_application_data(pattern(600)).ok());
  const ByteView out = pair.client.pending_output();
  const std::size_t length = std::size_t{out[3]} << 8 | out[4];
  ASSERT_LE(length, 512 + pair.server.read_protection().max_expansion());  // passes the header
  ASSERT_TRUE(transfer(pair.client, pair.server));
  expect_alert(pair.server.next_event(), AlertDescription::record_overflow, "plaintext");
}

TEST(Framing, EmptyRecordsOfEachType) {
  expect_alert(first_event(plain_record(22, kTls10, {})), AlertDescription::decode_error);
  expect_alert(first_event(plain_record(21, kTls10, {})), AlertDescription::decode_error);
  expect_alert(first_event(plain_record(20, kTls10, {})), AlertDescription::decode_error);
  // Empty application data is allowed (under keys).
  LayerPair pair({cipher::find_suite("AES128-GCM-SHA256"), ProtocolVersion::tls12, false});
  auto taken = pair.client.write_application_data({});
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(*taken, 0u);
  EXPECT_EQ(pair.client.write_sequence(), 1u);
  ASSERT_TRUE(transfer(pair.client, pair.server));
  auto e = pair.server.next_event();
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  EXPECT_EQ(e->kind, Event::Kind::need_more_input);
  EXPECT_EQ(pair.server.read_sequence(), 1u);
}

TEST(Framing, AlertAndChangeCipherSpecShapes) {
  expect_alert(first_event(plain_record(21, kTls10, Bytes{2})), AlertDescription::decode_error);
  expect_alert(first_event(plain_record(21, kTls10, Bytes{2, 40, 0})),
               AlertDescription::decode_error);
  expect_alert(first_event(plain_record(21, kTls10, Bytes{2, 40, 2, 40})),
               AlertDescription::decode_error);
  expect_alert(first_event(plain_record(21, kTls10, Bytes{3, 40})),
               AlertDescription::illegal_parameter);
  expect_alert(first_event(plain_record(20, kTls10, Bytes{1, 1})), AlertDescription::decode_error);
  expect_alert(first_event(plain_record(20, kTls10, Bytes{2})), AlertDescription::decode_error);
  auto ccs = first_event(plain_record(20, kTls10, Bytes{1}));
  ASSERT_TRUE(ccs.ok());
  EXPECT_EQ(ccs->kind, Event::Kind::change_cipher_spec);
}

TEST(Framing, ApplicationDataBeforeKeysFails) {
  expect_alert(first_event(plain_record(23, kTls10, Bytes{'h', 'i'})),
               AlertDescription::unexpected_message, "before the handshake");
}

TEST(Framing, TooManyEmptyRecordsInARow) {
  for (int count : {32, 33}) {
    LayerPair pair({cipher::find_suite("NULL-SHA256"), ProtocolVersion::tls12, false});
    for (int i = 0; i < count; ++i)
      ASSERT_TRUE(pair.client.write_application_data({}).ok());
    ASSERT_TRUE(transfer(pair.client, pair.server));
    auto e = pair.server.next_event();
    if (count == 32) {
      ASSERT_TRUE(e.ok()) << e.error().to_string();
      EXPECT_EQ(e->kind, Event::Kind::need_more_input);
    } else {
      expect_alert(e, AlertDescription::unexpected_message, "empty records");
    }
  }
}

TEST(Framing, TooManyWarningAlertsInARow) {
  Bytes stream;
  for (int i = 0; i < 6; ++i)
    append(stream, plain_record(21, kTls10, Bytes{1, 90}));
  RecordLayer layer(provider());
  ASSERT_EQ(layer.feed(stream), stream.size());
  for (int i = 0; i < 5; ++i) {
    auto e = layer.next_event();
    ASSERT_TRUE(e.ok()) << e.error().to_string();
    EXPECT_EQ(e->alert_description, AlertDescription::user_canceled);
  }
  expect_alert(layer.next_event(), AlertDescription::unexpected_message, "warning alerts");
}

TEST(DeadConnection, FatalAlertReceived) {
  RecordLayer layer(provider());
  const Bytes alert = plain_record(21, kTls12, Bytes{2, 40});
  ASSERT_EQ(layer.feed(alert), alert.size());
  auto e = layer.next_event();
  expect_alert(e, AlertDescription::handshake_failure, "peer sent fatal alert handshake_failure");
  EXPECT_EQ(layer.peer_fatal_alert(), AlertDescription::handshake_failure);
  EXPECT_TRUE(layer.pending_output().empty()) << "no alert answers a fatal alert";
  // Every later call fails with the same error.
  for (int i = 0; i < 2; ++i) {
    auto again = layer.next_event();
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().reason, e.error().reason);
  }
  auto w = layer.write_handshake(Bytes{14, 0, 0, 0});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().reason, e.error().reason);
  EXPECT_FALSE(layer.commit_input(0).ok());
  EXPECT_TRUE(layer.input_space().empty());
}

TEST(DeadConnection, LocalFailureQueuesTheAlert) {
  RecordLayer layer(provider());
  layer.set_version(ProtocolVersion::tls12);
  const Error error = layer.fail(make_error(AlertDescription::bad_certificate, "chain broken"));
  EXPECT_EQ(error.alert, AlertDescription::bad_certificate);
  const Bytes expected = plain_record(21, kTls12, Bytes{2, 42});
  EXPECT_TRUE(std::ranges::equal(layer.pending_output(), expected));
  auto w = layer.write_alert(AlertLevel::warning, AlertDescription::close_notify);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().reason, "chain broken");
  // A second fail() keeps the first error and queues nothing more.
  layer.fail(make_error(AlertDescription::internal_error, "other"));
  EXPECT_EQ(layer.error()->reason, "chain broken");
  EXPECT_EQ(layer.pending_output().size(), expected.size());
}

TEST(DeadConnection, FatalAlertSent) {
  RecordLayer layer(provider());
  ASSERT_TRUE(layer.write_alert(AlertLevel::fatal, AlertDescription::illegal_parameter).ok());
  EXPECT_TRUE(layer.dead());
  auto e = layer.next_event();
  expect_alert(e, AlertDescription::illegal_parameter, "sent fatal alert");
}

TEST(Close, CloseNotifyBothWays) {
  LayerPair pair({cipher::find_suite("AES128-GCM-SHA256"), ProtocolVersion::tls12, false});
  ASSERT_TRUE(pair.client.write_application_data(as_bytes("bye")).ok());
  ASSERT_TRUE(pair.client.write_alert(AlertLevel::warning, AlertDescription::close_notify).ok());
  EXPECT_TRUE(pair.client.close_notify_sent());
  EXPECT_FALSE(pair.client.dead());
  // Nothing more may be written, but reading goes on.
  EXPECT_FALSE(pair.client.write_application_data(as_bytes("more")).ok());
  EXPECT_FALSE(pair.client.dead());
  ASSERT_TRUE(transfer(pair.client, pair.server));
  auto data = pair.server.next_event();
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->kind, Event::Kind::application_data);
  auto close = pair.server.next_event();
  ASSERT_TRUE(close.ok());
  EXPECT_EQ(close->kind, Event::Kind::alert);
  EXPECT_EQ(close->alert_description, AlertDescription::close_notify);
  EXPECT_TRUE(pair.server.close_notify_received());
  // The server answers, and from then on reports the connection closed.
  ASSERT_TRUE(pair.server.write_alert(AlertLevel::warning, AlertDescription::close_notify).ok());
  auto closed = pair.server.next_event();
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->kind, Event::Kind::closed);
  ASSERT_TRUE(transfer(pair.server, pair.client));
  auto answer = pair.client.next_event();
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->alert_description, AlertDescription::close_notify);
}

TEST(SequenceNumbers, ExhaustionClosesTheConnection) {
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  LayerPair pair({cipher::find_suite("NULL-SHA"), ProtocolVersion::tls12, false});
  pair.client.set_sequence_numbers_for_testing(0, kMax);
  pair.server.set_sequence_numbers_for_testing(kMax, 0);
  // The last sequence number is used...
  ASSERT_TRUE(pair.client.write_application_data(as_bytes("last")).ok());
  ASSERT_TRUE(transfer(pair.client, pair.server));
  EXPECT_EQ(drain_application_data(pair.server), Bytes({'l', 'a', 's', 't'}));
  // ...and never wraps: the writer stops, the reader refuses the next record.
  auto w = pair.client.write_application_data(as_bytes("wrap"));
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().reason.find("sequence number exhausted"), std::string::npos);
  EXPECT_TRUE(pair.client.dead());

  LayerPair other({cipher::find_suite("NULL-SHA"), ProtocolVersion::tls12, false});
  other.server.set_sequence_numbers_for_testing(kMax, 0);
  other.client.set_sequence_numbers_for_testing(0, kMax);
  ASSERT_TRUE(other.client.write_application_data(as_bytes("a")).ok());
  other.client.set_sequence_numbers_for_testing(0, 0);  // a peer that wrapped
  ASSERT_TRUE(other.client.write_application_data(as_bytes("b")).ok());
  ASSERT_TRUE(transfer(other.client, other.server));
  auto first = other.server.next_event();
  ASSERT_TRUE(first.ok());
  auto second = other.server.next_event();
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().reason.find("sequence number exhausted"), std::string::npos);
}

TEST(SequenceNumbers, ResetWhenEachDirectionsKeysChange) {
  LayerPair pair({cipher::find_suite("AES128-SHA256"), ProtocolVersion::tls12, false});
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(pair.client.write_application_data(as_bytes("x")).ok());
  ASSERT_TRUE(transfer(pair.client, pair.server));
  drain_application_data(pair.server);
  EXPECT_EQ(pair.client.write_sequence(), 3u);
  EXPECT_EQ(pair.server.read_sequence(), 3u);
  const SuiteCase c{cipher::find_suite("AES128-SHA256"), ProtocolVersion::tls12, false};
  const cipher::KeyBlock next = key_block_for(c, 9);
  pair.client.set_write_protection(build(c, next, true, Direction::write));
  EXPECT_EQ(pair.client.write_sequence(), 0u);
  EXPECT_EQ(pair.client.read_sequence(), 0u);  // never read anything
  // The server has not switched yet: the new record fails under the old keys.
  ASSERT_TRUE(pair.client.write_application_data(as_bytes("y")).ok());
  ASSERT_TRUE(transfer(pair.client, pair.server));
  expect_alert(pair.server.next_event(), AlertDescription::bad_record_mac);
}

TEST(Api, MisuseIsAnInternalError) {
  RecordLayer layer(provider());
  expect_alert(layer.write_handshake(Bytes{1, 0, 0, 5, 1}), AlertDescription::internal_error);
  RecordLayer other(provider());
  const std::size_t space = other.input_space().size();
  expect_alert(other.commit_input(space + 1), AlertDescription::internal_error);
  RecordLayer third(provider());
  expect_alert(third.write_application_data(as_bytes("early")).status(),
               AlertDescription::internal_error);
}

}  // namespace
}  // namespace tls::record::testing
