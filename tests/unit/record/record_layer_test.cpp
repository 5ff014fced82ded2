// The record layer as the handshake uses it: plaintext flights, ChangeCipherSpec and the key
// switch, record versions, fragmentation, the 1/n-1 split, output flow control, buffer sizes
// and the record observer.
#include <gtest/gtest.h>

#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

Bytes message(std::uint8_t type, std::size_t body_size) {
  Bytes m = {type, 0, static_cast<std::uint8_t>(body_size >> 8),
             static_cast<std::uint8_t>(body_size)};
  append(m, pattern(body_size, type));
  return m;
}

// The record boundaries in a stream of records: (type, version, fragment length) each.
struct RecordInfo {
  std::uint8_t type;
  std::uint16_t version;
  std::size_t length;
};
std::vector<RecordInfo> records_in(ByteView stream) {
  std::vector<RecordInfo> out;
  while (stream.size() >= kRecordHeaderSize) {
    const std::size_t length = std::size_t{stream[3]} << 8 | stream[4];
    out.push_back({stream[0], static_cast<std::uint16_t>(stream[1] << 8 | stream[2]), length});
    stream = stream.subspan(std::min(stream.size(), kRecordHeaderSize + length));
  }
  return out;
}

Event next(RecordLayer &layer) {
  auto e = layer.next_event();
  EXPECT_TRUE(e.ok()) << e.error().to_string();
  return e.ok() ? *e : Event{};
}

// A full handshake's record traffic, as two machines would drive it.
TEST(RecordLayer, HandshakeFlowWithKeySwitch) {
  const SuiteCase c{cipher::find_suite("ECDHE-RSA-AES128-GCM-SHA256"), ProtocolVersion::tls12,
                    false};
  const cipher::KeyBlock keys = key_block_for(c);
  RecordLayer client(provider());
  RecordLayer server(provider());

  // ClientHello goes out with record version TLS 1.0, the server accepts any 3.x.
  const Bytes client_hello = message(1, 200);
  ASSERT_TRUE(client.write_handshake(client_hello).ok());
  ASSERT_EQ(records_in(client.pending_output())[0].version, 0x0301);
  ASSERT_TRUE(transfer(client, server));
  Event e = next(server);
  ASSERT_EQ(e.kind, Event::Kind::handshake);
  EXPECT_EQ(e.handshake_type, 1);
  EXPECT_TRUE(std::ranges::equal(e.handshake_message, client_hello));

  // The server negotiates TLS 1.2 and answers with its flight.
  server.set_version(ProtocolVersion::tls12);
  for (std::uint8_t type : {2, 11, 12, 14})
    ASSERT_TRUE(server.write_handshake(message(type, 90)).ok());
  for (const RecordInfo &r : records_in(server.pending_output()))
    EXPECT_EQ(r.version, 0x0303);
  ASSERT_TRUE(transfer(server, client));
  for (std::uint8_t type : {2, 11, 12, 14}) {
    e = next(client);
    ASSERT_EQ(e.kind, Event::Kind::handshake);
    EXPECT_EQ(e.handshake_type, type);
    if (type == 2) client.set_version(ProtocolVersion::tls12);  // after ServerHello
  }

  // Client: ClientKeyExchange, ChangeCipherSpec, switch write keys, Finished (encrypted).
  ASSERT_TRUE(client.write_handshake(message(16, 66)).ok());
  ASSERT_TRUE(client.write_change_cipher_spec().ok());
  client.set_write_protection(build(c, keys, true, Direction::write));
  const Bytes client_finished = message(20, 12);
  ASSERT_TRUE(client.write_handshake(client_finished).ok());
  ASSERT_TRUE(transfer(client, server));
  e = next(server);
  EXPECT_EQ(e.handshake_type, 16);
  e = next(server);
  ASSERT_EQ(e.kind, Event::Kind::change_cipher_spec);
  EXPECT_EQ(server.read_sequence(), 3u);  // ClientHello, ClientKeyExchange, CCS
  server.set_read_protection(build(c, keys, false, Direction::read));
  EXPECT_EQ(server.read_sequence(), 0u);
  e = next(server);
  ASSERT_EQ(e.kind, Event::Kind::handshake);
  EXPECT_TRUE(std::ranges::equal(e.handshake_message, client_finished));
  EXPECT_EQ(server.read_sequence(), 1u);

  // Server: ChangeCipherSpec, Finished; then application data both ways. (install_keys builds
  // the protection itself.)
  ASSERT_TRUE(server.write_change_cipher_spec().ok());
  ASSERT_TRUE(server.install_keys(Direction::write, c.version, *c.suite, keys, false, false).ok());
  EXPECT_EQ(server.write_sequence(), 0u);
  ASSERT_TRUE(server.write_handshake(message(20, 12)).ok());
  ASSERT_TRUE(transfer(server, client));
  ASSERT_EQ(next(client).kind, Event::Kind::change_cipher_spec);
  ASSERT_TRUE(client.install_keys(Direction::read, c.version, *c.suite, keys, true, false).ok());
  ASSERT_EQ(next(client).kind, Event::Kind::handshake);

  ASSERT_TRUE(client.write_application_data(as_bytes("GET / HTTP/1.1\r\n\r\n")).ok());
  ASSERT_TRUE(transfer(client, server));
  EXPECT_EQ(drain_application_data(server), Bytes(as_bytes("GET / HTTP/1.1\r\n\r\n").begin(),
                                                  as_bytes("GET / HTTP/1.1\r\n\r\n").end()));
}

TEST(RecordLayer, InstallKeysRefusesInconsistentParametersAndDies) {
  const cipher::CipherSuite *gcm = cipher::find_suite("AES128-GCM-SHA256");
  const SuiteCase c{gcm, ProtocolVersion::tls12, false};
  RecordLayer layer(provider());
  // An AEAD suite under TLS 1.0 was never negotiable.
  auto st = layer.install_keys(Direction::write, ProtocolVersion::tls10, *gcm, key_block_for(c),
                               true, false);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().alert, AlertDescription::internal_error);
  EXPECT_TRUE(layer.dead());
  // Encrypt-then-MAC with a non-CBC suite.
  RecordLayer other(provider());
  st = other.install_keys(Direction::read, ProtocolVersion::tls12, *gcm, key_block_for(c), true,
                          true);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().reason.find("encrypt-then-MAC"), std::string::npos);
}

TEST(RecordLayer, OneByteThenTheRestUnderTls10AndSsl3Cbc) {
  const Bytes data = pattern(100);
  for (ProtocolVersion v : kAllVersions) {
    for (const char *suite : {"AES128-SHA", "RC4-SHA"}) {
      SCOPED_TRACE(std::string(suite) + " " + version_name(v));
      LayerPair pair({cipher::find_suite(suite), v, false});
      ASSERT_TRUE(pair.client.write_application_data(data).ok());
      const auto records = records_in(pair.client.pending_output());
      const bool split = std::string(suite) == "AES128-SHA" && to_wire(v) <= 0x0301;
      ASSERT_EQ(records.size(), split ? 2u : 1u);
      ASSERT_TRUE(transfer(pair.client, pair.server));
      EXPECT_EQ(drain_application_data(pair.server), data);
      // The split applies once per write: a second write of one record's worth splits again.
      ASSERT_TRUE(pair.client.write_application_data(data).ok());
      EXPECT_EQ(records_in(pair.client.pending_output()).size(), split ? 2u : 1u);
    }
  }
}

TEST(RecordLayer, FragmentsAtTheWriteLimit) {
  LayerPair pair({cipher::find_suite("AES256-GCM-SHA384"), ProtocolVersion::tls12, false});
  const Bytes data = pattern(40000);
  ASSERT_TRUE(pair.client.write_application_data(data).ok());
  auto records = records_in(pair.client.pending_output());
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].length, kMaxPlaintext + 24);
  EXPECT_EQ(records[2].length, 40000 - 2 * kMaxPlaintext + 24);
  EXPECT_EQ(deliver(pair.client, pair.server), data);

  ASSERT_TRUE(pair.client.set_max_write_plaintext(1024).ok());
  ASSERT_TRUE(pair.server.set_max_read_plaintext(1024).ok());
  ASSERT_TRUE(pair.client.write_application_data(data).ok());
  records = records_in(pair.client.pending_output());
  EXPECT_EQ(records.size(), (data.size() + 1023) / 1024);
  EXPECT_EQ(deliver(pair.client, pair.server), data);
}

TEST(RecordLayer, WritingStopsAtThePendingOutputLimit) {
  const SuiteCase c{cipher::find_suite("AES128-GCM-SHA256"), ProtocolVersion::tls12, false};
  const cipher::KeyBlock keys = key_block_for(c);
  RecordLayerConfig config;
  config.max_pending_output = 40000;
  RecordLayer writer(provider(), config);
  writer.set_version(c.version);
  writer.set_write_protection(build(c, keys, true, Direction::write));
  RecordLayer reader(provider());
  reader.set_version(c.version);
  reader.set_read_protection(build(c, keys, false, Direction::read));

  const Bytes data = pattern(200000);
  std::size_t sent = 0;
  Bytes received;
  while (sent < data.size()) {
    auto taken = writer.write_application_data(ByteView(data).subspan(sent));
    ASSERT_TRUE(taken.ok());
    ASSERT_GT(*taken, 0u);
    EXPECT_LE(writer.pending_output().size(), 40000u + kMaxPlaintext + 100);
    sent += *taken;
    // With output waiting past the limit nothing more is taken.
    if (sent < data.size() && writer.pending_output().size() >= 40000) {
      auto none = writer.write_application_data(ByteView(data).subspan(sent));
      ASSERT_TRUE(none.ok());
      EXPECT_EQ(*none, 0u);
    }
    append(received, deliver(writer, reader));
  }
  EXPECT_EQ(received, data);
}

TEST(RecordLayer, SmallPlaintextLimitShrinksTheBuffers) {
  const SuiteCase c{cipher::find_suite("AES128-GCM-SHA256"), ProtocolVersion::tls12, false};
  LayerPair big(c);
  LayerPair small(c);
  for (RecordLayer *l : {&small.client, &small.server}) {
    ASSERT_TRUE(l->set_max_read_plaintext(512).ok());
    ASSERT_TRUE(l->set_max_write_plaintext(512).ok());
  }
  for (LayerPair *p : {&big, &small}) {
    // The input buffer is resized when input is next accepted.
    (void)p->server.input_space();
    (void)p->client.input_space();
    ASSERT_TRUE(p->client.write_application_data(pattern(3000)).ok());
    EXPECT_EQ(deliver(p->client, p->server).size(), 3000u);
    p->client.release_handshake_memory();
  }
  EXPECT_GT(big.server.memory_footprint(), 16384u);
  EXPECT_LT(small.server.memory_footprint(), 2048u) << small.server.memory_footprint();
  EXPECT_LT(small.client.memory_footprint(), 4096u) << small.client.memory_footprint();
}

TEST(RecordLayer, ObserverSeesEveryRecordBothWays) {
  LayerPair pair({cipher::find_suite("AES128-SHA"), ProtocolVersion::tls11, false});
  std::vector<RecordTrace> seen;
  std::vector<Bytes> plaintexts, fragments;
  auto observe = [&](const RecordTrace &t) {
    seen.push_back(t);
    plaintexts.emplace_back(t.plaintext.begin(), t.plaintext.end());
    fragments.emplace_back(t.fragment.begin(), t.fragment.end());
  };
  pair.client.set_observer(observe);
  pair.server.set_observer(observe);
  ASSERT_TRUE(pair.client.write_application_data(as_bytes("ping")).ok());
  const Bytes wire(pair.client.pending_output().begin(), pair.client.pending_output().end());
  ASSERT_TRUE(transfer(pair.client, pair.server));
  drain_application_data(pair.server);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen[0].outgoing);
  EXPECT_FALSE(seen[1].outgoing);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(seen[i].type, ContentType::application_data);
    EXPECT_EQ(seen[i].sequence, 0u);
    EXPECT_EQ(plaintexts[i], Bytes({'p', 'i', 'n', 'g'}));
    EXPECT_TRUE(std::ranges::equal(fragments[i], ByteView(wire).subspan(kRecordHeaderSize)));
  }
}

TEST(RecordLayer, InputSpaceAcceptsARecordOfTheNewSizeAfterTheKeySwitch) {
  // Records under CBC may exceed 2^14 + 5 bytes: the buffer grows when the keys change.
  const SuiteCase c{cipher::find_suite("AES256-SHA256"), ProtocolVersion::tls12, false};
  LayerPair pair(c);
  ASSERT_TRUE(pair.client.write_application_data(pattern(kMaxPlaintext)).ok());
  const std::size_t record_size = pair.client.pending_output().size();
  ASSERT_GT(record_size, kRecordHeaderSize + kMaxPlaintext);
  // Feed in small pieces to exercise compaction.
  const Bytes wire(pair.client.pending_output().begin(), pair.client.pending_output().end());
  for (std::size_t at = 0; at < wire.size(); at += 1000) {
    const ByteView piece =
        ByteView(wire).subspan(at, std::min<std::size_t>(1000, wire.size() - at));
    ASSERT_EQ(pair.server.feed(piece), piece.size());
  }
  EXPECT_EQ(drain_application_data(pair.server), pattern(kMaxPlaintext));
}

}  // namespace
}  // namespace tls::record::testing
