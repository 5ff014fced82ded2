// Session serialization, the server's session cache and the ticket keys, on their own.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "cipher/provider.hpp"
#include "clock_provider.hpp"
#include "handshake/session.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/ticket.hpp"

namespace tls::handshake::test {
namespace {

Session sample(std::uint8_t id_byte = 1, std::int64_t created = 1000) {
  Session s;
  s.version = ProtocolVersion::tls11;
  s.cipher_suite = 0xc013;
  s.session_id = Bytes(32, id_byte);
  s.master_secret = SecureBuffer(48, 0x42);
  s.extended_master_secret = true;
  s.server_name = "a.test";
  s.alpn = "h2";
  s.peer_chain = {Bytes{0x30, 0x01, 0x00}, Bytes{0x30, 0x00}};
  s.created = created;
  s.lifetime = 600;
  s.ticket = Bytes{9, 8, 7};
  s.ticket_lifetime_hint = 300;
  return s;
}

TEST(SessionBytes, RoundTripKeepsEveryField) {
  const Session s = sample();
  auto bytes = serialize_session(s);
  ASSERT_TRUE(bytes.ok());
  auto back = parse_session(*bytes);
  ASSERT_TRUE(back.ok()) << back.error().reason;
  EXPECT_EQ(*back, s);
}

TEST(SessionBytes, MalformedIsRefused) {
  auto bytes = serialize_session(sample());
  ASSERT_TRUE(bytes.ok());
  Bytes truncated(bytes->begin(), bytes->end() - 1);
  EXPECT_EQ(parse_session(truncated).error().alert, AlertDescription::decode_error);
  Bytes trailing = *bytes;
  trailing.push_back(0);
  EXPECT_EQ(parse_session(trailing).error().alert, AlertDescription::decode_error);
  Bytes format = *bytes;
  format[0] = 2;
  EXPECT_EQ(parse_session(format).error().alert, AlertDescription::illegal_parameter);
  Session short_master = sample();
  short_master.master_secret.resize(47);
  auto short_bytes = serialize_session(short_master);
  ASSERT_TRUE(short_bytes.ok());
  EXPECT_FALSE(parse_session(*short_bytes).ok());
  EXPECT_FALSE(parse_session({}).ok());
}

TEST(SessionCacheTest, FindsWhatWasStoredUntilItExpires) {
  SessionCache cache(10, 100);
  cache.store(sample(1, 1000));
  auto found = cache.find(Bytes(32, 1), 1050);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->lifetime, 100u);  // capped by the cache's timeout
  EXPECT_FALSE(cache.find(Bytes(32, 2), 1050));
  EXPECT_FALSE(cache.find(Bytes(31, 1), 1050));  // a prefix is not the id
  EXPECT_FALSE(cache.find(Bytes(32, 1), 1100));  // expired
  EXPECT_EQ(cache.size(), 0u);                   // and dropped
}

TEST(SessionCacheTest, EvictsTheLeastRecentlyUsed) {
  SessionCache cache(2, 1000);
  cache.store(sample(1));
  cache.store(sample(2));
  ASSERT_TRUE(cache.find(Bytes(32, 1), 1001));  // 1 is now more recent than 2
  cache.store(sample(3));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_TRUE(cache.find(Bytes(32, 1), 1001));
  EXPECT_FALSE(cache.find(Bytes(32, 2), 1001));
  EXPECT_TRUE(cache.find(Bytes(32, 3), 1001));
  cache.set_capacity(1);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_TRUE(cache.find(Bytes(32, 3), 1001));
}

TEST(SessionCacheTest, CapacityZeroKeepsNothing) {
  SessionCache cache(0, 1000);
  cache.store(sample(1));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(cache.find(Bytes(32, 1), 1001));
}

TEST(SessionCacheTest, FlushExpiredAndRemove) {
  SessionCache cache(10, 100);
  cache.store(sample(1, 1000));
  cache.store(sample(2, 1080));
  cache.flush_expired(1150);
  EXPECT_EQ(cache.size(), 1u);
  cache.remove(Bytes(32, 2));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SessionCacheTest, ExternalStoreIsUsedWhenTheCacheHasNothing) {
  std::map<Bytes, Session> outside;
  std::vector<Bytes> removed;
  SessionCache cache(0, 100);
  cache.set_external({[&](const Session &s) { outside[s.session_id] = s; },
                      [&](ByteView id) -> std::optional<Session> {
                        auto it = outside.find(Bytes(id.begin(), id.end()));
                        if (it == outside.end()) return std::nullopt;
                        return it->second;
                      },
                      [&](ByteView id) { removed.emplace_back(id.begin(), id.end()); }});
  cache.store(sample(7, 1000));
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_TRUE(cache.find(Bytes(32, 7), 1010));
  EXPECT_FALSE(cache.find(Bytes(32, 7), 1200));  // expired: removed outside too
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0], Bytes(32, 7));
  // A store that answers with another id's session is not believed.
  outside[Bytes(32, 8)] = sample(9, 1000);
  EXPECT_FALSE(cache.find(Bytes(32, 8), 1010));
}

TEST(SessionCacheTest, ManyThreadsAtOnce) {
  SessionCache cache(64, 1000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 500; ++i) {
        cache.store(sample(static_cast<std::uint8_t>((t * 37 + i) % 200), 1000));
        (void)cache.find(Bytes(32, static_cast<std::uint8_t>(i % 200)), 1001);
        if (i % 50 == 0) cache.flush_expired(1001);
      }
    });
  for (auto &t : threads)
    t.join();
  EXPECT_LE(cache.size(), 64u);
  EXPECT_GT(cache.size(), 0u);
}

class TicketKeysTest : public ::testing::Test {
 protected:
  std::shared_ptr<ClockProvider> clock =
      std::make_shared<ClockProvider>(cipher::deterministic_provider(7), 5000);
  TicketKeys keys{clock, 3600};
  Session state = sample(1, 5000);
};

TEST_F(TicketKeysTest, OpensWhatItSealed) {
  auto ticket = keys.seal(state);
  ASSERT_TRUE(ticket.ok());
  auto opened = keys.open(*ticket);
  ASSERT_TRUE(opened);
  EXPECT_FALSE(opened->renew);
  Session expected = state;
  expected.ticket.clear();
  expected.ticket_lifetime_hint = 0;
  EXPECT_EQ(opened->session, expected);
  // The master secret is not in the clear.
  const Bytes secret(48, 0x42);
  EXPECT_EQ(std::search(ticket->begin(), ticket->end(), secret.begin(), secret.end()),
            ticket->end());
}

TEST_F(TicketKeysTest, AnyChangedByteMeansNoSession) {
  auto ticket = keys.seal(state);
  ASSERT_TRUE(ticket.ok());
  for (std::size_t i = 0; i < ticket->size(); i += 7) {
    Bytes damaged = *ticket;
    damaged[i] ^= 0x01;
    EXPECT_FALSE(keys.open(damaged)) << "byte " << i;
  }
  EXPECT_FALSE(keys.open(Bytes(ticket->begin(), ticket->begin() + 40)));
  EXPECT_FALSE(keys.open({}));
}

TEST_F(TicketKeysTest, PreviousKeyOpensAndAsksForRenewalOlderDoesNot) {
  auto ticket = keys.seal(state);
  ASSERT_TRUE(ticket.ok());
  keys.rotate();
  auto opened = keys.open(*ticket);
  ASSERT_TRUE(opened);
  EXPECT_TRUE(opened->renew);
  auto fresh = keys.seal(opened->session);
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(keys.open(*fresh));
  EXPECT_FALSE(keys.open(*fresh)->renew);
  keys.rotate();
  EXPECT_FALSE(keys.open(*ticket));
}

TEST_F(TicketKeysTest, RotatesByItselfOnceTheKeyIsALifetimeOld) {
  auto ticket = keys.seal(state);
  ASSERT_TRUE(ticket.ok());
  clock->advance(3600);
  state.created = clock->now();
  auto opened = keys.open(*ticket);  // rotation happened: the old key is the previous one
  ASSERT_FALSE(opened);              // ...but the session in it (lifetime 600) has expired
  Session long_lived = state;
  long_lived.lifetime = 100000;
  auto second = keys.seal(long_lived);
  ASSERT_TRUE(second.ok());
  clock->advance(3600);
  auto reopened = keys.open(*second);
  ASSERT_TRUE(reopened);
  EXPECT_TRUE(reopened->renew);
  clock->advance(3600);
  EXPECT_FALSE(keys.open(*second));
}

TEST_F(TicketKeysTest, SharedKeysOpenEachOthersTickets) {
  TicketKeys other{clock, 3600};
  TicketKey shared;
  shared.name.fill(0x11);
  shared.key = SecureBuffer(32, 0x22);
  shared.created = clock->now();
  keys.set_keys(shared, std::nullopt);
  other.set_keys(shared, std::nullopt);
  auto ticket = keys.seal(state);
  ASSERT_TRUE(ticket.ok());
  EXPECT_TRUE(other.open(*ticket));
}

}  // namespace
}  // namespace tls::handshake::test
