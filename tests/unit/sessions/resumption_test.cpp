// Our client against our server: resumption by session id and by ticket, each second handshake
// abbreviated (the exact states asserted), and every refusal falling back to a full handshake.
#include <gtest/gtest.h>
#include <sodium.h>

#include <map>

#include "cipher/suites.hpp"
#include "clock_provider.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/ticket.hpp"
#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

using S = State;

std::vector<std::string> names(const std::vector<State> &states) {
  std::vector<std::string> out;
  for (State s : states)
    out.emplace_back(state_name(s));
  return out;
}

const std::vector<State> kClientAbbreviated = {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_change,
                                               S::cr_finished,   S::cw_change,     S::cw_finished};
const std::vector<State> kServerAbbreviated = {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_change,
                                               S::sw_finished,   S::sr_change,     S::sr_finished};
const std::vector<State> kClientAbbreviatedTicket = {
    S::cw_clnt_hello, S::cr_srvr_hello, S::cr_session_ticket, S::cr_change,
    S::cr_finished,   S::cw_change,     S::cw_finished};
const std::vector<State> kServerAbbreviatedTicket = {
    S::sr_clnt_hello, S::sw_srvr_hello, S::sw_session_ticket, S::sw_change,
    S::sw_finished,   S::sr_change,     S::sr_finished};

// The server's state kept between connections.
struct ServerState {
  std::shared_ptr<SessionCache> cache = std::make_shared<SessionCache>();
  std::shared_ptr<TicketKeys> keys;
};

struct Options {
  PairSetup setup;
  std::string hostname = "localhost";
  std::optional<Session> offer;
};

// One connection; `adjust` changes the configs before it starts.
template <class Adjust>
std::unique_ptr<Pair> connect(ServerState &server, const Options &o, Adjust adjust,
                              std::uint64_t seed) {
  auto pair = std::make_unique<Pair>(seed, seed + 1000);
  configure(*pair, o.setup);
  pair->server_config().session_cache = server.cache;
  pair->server_config().ticket_keys = server.keys;
  pair->client_params().session = o.offer;
  adjust(*pair);
  pair->start(o.hostname);
  return pair;
}

std::unique_ptr<Pair> connect(ServerState &server, const Options &o, std::uint64_t seed) {
  return connect(
      server, o, [](Pair &) {}, seed);
}

bool abbreviated(Pair &pair) {
  return pair.client().machine->negotiated().resumed && pair.server().machine->negotiated().resumed;
}

void expect_data_flows(Pair &pair) {
  EXPECT_EQ(pair.send_application_data(true, as_bytes("ping")),
            Bytes(as_bytes("ping").begin(), as_bytes("ping").end()));
  EXPECT_EQ(pair.send_application_data(false, as_bytes("pong")),
            Bytes(as_bytes("pong").begin(), as_bytes("pong").end()));
}

Session first_session(ServerState &server, const Options &o) {
  auto first = connect(server, o, 1);
  EXPECT_TRUE(first->run()) << error_text(first->server()) << " / " << error_text(first->client());
  EXPECT_FALSE(first->client().machine->negotiated().resumed);
  auto session = first->client().machine->session();
  EXPECT_TRUE(session.has_value());
  return session.value_or(Session{});
}

class ResumeById : public ::testing::TestWithParam<ProtocolVersion> {};

TEST_P(ResumeById, SecondHandshakeIsAbbreviated) {
  ServerState server;
  Options o;
  o.setup = {"AES128-SHA", GetParam()};
  const Session session = first_session(server, o);
  ASSERT_EQ(session.session_id.size(), 32u);
  EXPECT_EQ(session.version, GetParam());
  EXPECT_EQ(server.cache->size(), 1u);

  o.offer = session;
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run()) << error_text(second->server()) << error_text(second->client());
  EXPECT_TRUE(abbreviated(*second));
  EXPECT_EQ(names(second->client().states), names(kClientAbbreviated));
  EXPECT_EQ(names(second->server().states), names(kServerAbbreviated));
  EXPECT_EQ(second->client().machine->negotiated().session_id, session.session_id);
  EXPECT_EQ(second->server().machine->negotiated().master_secret, session.master_secret);
  // The server's certificate carries over without being sent again.
  EXPECT_EQ(second->client().machine->negotiated().peer_chain.size(), session.peer_chain.size());
  expect_data_flows(*second);
}

INSTANTIATE_TEST_SUITE_P(Versions, ResumeById,
                         ::testing::Values(ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                           ProtocolVersion::tls11, ProtocolVersion::tls12),
                         [](const auto &info) {
                           std::string n = version_name(info.param);
                           n.erase(std::remove(n.begin(), n.end(), '.'), n.end());
                           return n;
                         });

TEST(Resumption, SessionSurvivesSerialization) {
  ServerState server;
  Options o;
  const Session session = first_session(server, o);
  auto bytes = serialize_session(session);
  ASSERT_TRUE(bytes.ok());
  auto back = parse_session(*bytes);
  ASSERT_TRUE(back.ok());
  o.offer = *back;
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
}

TEST(Resumption, ClientCertificateCarriesOver) {
  ServerState server;
  Options o;
  o.setup.client_auth = true;
  o.setup.client_cert = "client-rsa2048";
  o.offer = first_session(server, o);
  auto second = connect(server, o, 3);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
  const auto &chain = second->server().machine->negotiated().peer_chain;
  ASSERT_FALSE(chain.empty());
  const CertifiedKey client = load_certified("client-rsa2048", *second->client().provider);
  const ByteView got = chain.front().der(), want = client.chain.front().der();
  EXPECT_EQ(Bytes(got.begin(), got.end()), Bytes(want.begin(), want.end()));
}

TEST(Resumption, ExternalStoreAlone) {
  ServerState server;
  server.cache = std::make_shared<SessionCache>(0, 300);
  std::map<Bytes, Session> outside;
  server.cache->set_external({[&](const Session &s) { outside[s.session_id] = s; },
                              [&](ByteView id) -> std::optional<Session> {
                                auto it = outside.find(Bytes(id.begin(), id.end()));
                                if (it == outside.end()) return std::nullopt;
                                return it->second;
                              },
                              {}});
  Options o;
  o.offer = first_session(server, o);
  EXPECT_EQ(outside.size(), 1u);
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
}

TEST(Resumption, NoCacheMeansNoSessionId) {
  ServerState server;
  server.cache = nullptr;
  Options o;
  auto first = connect(server, o, 1);
  ASSERT_TRUE(first->run());
  EXPECT_TRUE(first->client().machine->negotiated().session_id.empty());
  EXPECT_FALSE(first->client().machine->session());  // nothing to resume with
}

// ---- Tickets ------------------------------------------------------------------------------

ServerState ticket_server(std::uint64_t seed = 9) {
  ServerState s;
  s.cache = nullptr;
  s.keys = std::make_shared<TicketKeys>(cipher::deterministic_provider(seed));
  return s;
}

TEST(Tickets, IssuedAfterAFullHandshakeAndResumed) {
  ServerState server = ticket_server();
  Options o;
  auto first = connect(server, o, 1);
  ASSERT_TRUE(first->run()) << error_text(first->client());
  EXPECT_EQ(names(first->client().states),
            names({S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_key_exch, S::cr_cert_req,
                   S::cr_srvr_done, S::cw_key_exch, S::cw_change, S::cw_finished,
                   S::cr_session_ticket, S::cr_change, S::cr_finished}));
  EXPECT_EQ(names(first->server().states),
            names({S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_key_exch, S::sw_srvr_done,
                   S::sw_flush, S::sr_key_exch, S::sr_change, S::sr_finished, S::sw_session_ticket,
                   S::sw_change, S::sw_finished}));
  auto session = first->client().machine->session();
  ASSERT_TRUE(session);
  // The server sent no id with its ticket; the client names the session by SHA-256(ticket), as
  // OpenSSL does.
  ASSERT_FALSE(session->ticket.empty());
  Bytes ticket_hash(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(ticket_hash.data(), session->ticket.data(), session->ticket.size());
  EXPECT_EQ(session->session_id, ticket_hash);
  EXPECT_EQ(session->ticket_lifetime_hint, TicketKeys::kDefaultLifetime);

  o.offer = session;
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run()) << error_text(second->server());
  EXPECT_TRUE(abbreviated(*second));
  EXPECT_EQ(names(second->client().states), names(kClientAbbreviated));
  EXPECT_EQ(names(second->server().states), names(kServerAbbreviated));
  // The server echoed the id offered with the ticket.
  EXPECT_EQ(second->client().machine->negotiated().session_id.size(), 32u);
  EXPECT_EQ(second->server().machine->negotiated().session_id,
            second->client().machine->negotiated().session_id);
  // The ticket stays with the resumed session.
  EXPECT_EQ(second->client().machine->session()->ticket, session->ticket);
  expect_data_flows(*second);
}

TEST(Tickets, ServerEchoesExactlyTheIdBytesItWasGiven) {
  // Ticketbleed (CVE-2016-9244): a short id comes back as it was, never padded to 32 bytes.
  ServerState server = ticket_server();
  Options o;
  o.offer = first_session(server, o);
  o.offer->session_id = Bytes{0xab, 0xcd, 0xef};
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
  EXPECT_EQ(second->server().machine->negotiated().session_id, (Bytes{0xab, 0xcd, 0xef}));
  EXPECT_EQ(second->client().machine->negotiated().session_id, (Bytes{0xab, 0xcd, 0xef}));
}

TEST(Tickets, UnderThePreviousKeyResumedAndRenewed) {
  ServerState server = ticket_server();
  Options o;
  o.offer = first_session(server, o);
  server.keys->rotate();
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
  EXPECT_EQ(names(second->client().states), names(kClientAbbreviatedTicket));
  EXPECT_EQ(names(second->server().states), names(kServerAbbreviatedTicket));
  auto renewed = second->client().machine->session();
  ASSERT_TRUE(renewed);
  EXPECT_NE(renewed->ticket, o.offer->ticket);
  // One more rotation: the first ticket is now too old, the renewed one still opens.
  server.keys->rotate();
  auto third = connect(server, o, 3);
  ASSERT_TRUE(third->run());
  EXPECT_FALSE(abbreviated(*third));
  o.offer = renewed;
  auto fourth = connect(server, o, 4);
  ASSERT_TRUE(fourth->run());
  EXPECT_TRUE(abbreviated(*fourth));
}

TEST(Tickets, DamagedTicketMeansAFullHandshakeAndANewTicket) {
  ServerState server = ticket_server();
  Options o;
  o.offer = first_session(server, o);
  o.offer->ticket[20] ^= 0x80;
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run()) << error_text(second->server());
  EXPECT_FALSE(abbreviated(*second));
  EXPECT_EQ(second->client().states.back(), S::cr_finished);
  auto fresh = second->client().machine->session();
  ASSERT_TRUE(fresh);
  EXPECT_NE(fresh->ticket, o.offer->ticket);
}

TEST(Tickets, TicketFromAnotherServerMeansAFullHandshake) {
  ServerState server = ticket_server(9);
  ServerState other = ticket_server(10);
  Options o;
  o.offer = first_session(other, o);
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_FALSE(abbreviated(*second));
}

TEST(Tickets, ClientWithTicketsOffAsksForNone) {
  ServerState server = ticket_server();
  Options o;
  auto first = connect(
      server, o, [](Pair &p) { p.client_config().session_tickets = false; }, 1);
  ASSERT_TRUE(first->run());
  EXPECT_EQ(std::count(first->client().states.begin(), first->client().states.end(),
                       S::cr_session_ticket),
            0);
  EXPECT_FALSE(first->client().machine->session());
}

TEST(Tickets, CacheAndTicketsTogetherPreferTheTicket) {
  ServerState server = ticket_server();
  server.cache = std::make_shared<SessionCache>();
  Options o;
  o.offer = first_session(server, o);
  ASSERT_FALSE(o.offer->ticket.empty());
  ASSERT_FALSE(o.offer->session_id.empty());
  server.cache->clear();  // only the ticket can resume it now
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_TRUE(abbreviated(*second));
}

// ---- Refusals: each falls back to a full handshake (or aborts where RFC 7627 says so) -------

struct Refusal {
  const char *name;
  std::function<void(Options &, ServerState &)> before;  // between the two connections
  std::function<void(Pair &)> adjust;
};

void expect_full_second_handshake(const Refusal &r) {
  ServerState server;
  Options o;
  o.setup = {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls12};
  o.offer = first_session(server, o);
  if (r.before) r.before(o, server);
  auto second = connect(
      server, o, r.adjust ? r.adjust : [](Pair &) {}, 2);
  ASSERT_TRUE(second->run()) << r.name << ": " << error_text(second->server()) << " / "
                             << error_text(second->client());
  EXPECT_FALSE(second->client().machine->negotiated().resumed) << r.name;
  EXPECT_FALSE(second->server().machine->negotiated().resumed) << r.name;
  EXPECT_EQ(second->client().states.back(), S::cr_finished) << r.name;
  EXPECT_NE(second->client().machine->negotiated().session_id, o.offer->session_id) << r.name;
}

TEST(Refusal, UnknownSessionId) {
  expect_full_second_handshake(
      {"unknown id", [](Options &, ServerState &s) { s.cache->clear(); }, {}});
}

TEST(Refusal, ExpiredSession) {
  expect_full_second_handshake({"expired", {}, [](Pair &p) {
                                  // The server's clock moves on past the session's lifetime (the
                                  // cache's 300 s).
                                  p.server_config().provider = std::make_shared<ClockProvider>(
                                      p.server().provider,
                                      p.server().provider->now() + SessionCache::kDefaultTimeout);
                                }});
}

TEST(Refusal, ServerNegotiatesAnotherVersion) {
  expect_full_second_handshake({"version", {}, [](Pair &p) {
                                  p.client_config().min_version = ProtocolVersion::tls11;
                                  p.server_config().max_version = ProtocolVersion::tls11;
                                }});
}

TEST(Refusal, ClientDoesNotOfferASessionOutsideItsVersions) {
  ServerState server;
  Options o;
  o.setup = {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls12};
  o.offer = first_session(server, o);
  o.setup.version = ProtocolVersion::tls11;
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_FALSE(abbreviated(*second));
}

TEST(Refusal, ServerNoLongerEnablesTheSuite) {
  expect_full_second_handshake({"suite", {}, [](Pair &p) {
                                  const std::uint16_t other =
                                      cipher::find_suite("ECDHE-RSA-AES256-SHA")->id;
                                  p.client_config().cipher_suites.push_back(other);
                                  p.server_config().cipher_suites = {other};
                                }});
}

TEST(Refusal, AnotherServerName) {
  // The client offers the session under another name (its copy says so); the server's copy was
  // made for "localhost".
  expect_full_second_handshake({"sni",
                                [](Options &o, ServerState &) {
                                  o.hostname = "other.test";
                                  o.offer->server_name = "other.test";
                                },
                                [](Pair &p) { p.client_config().check_hostname = false; }});
}

TEST(Refusal, ClientDoesNotOfferUnderAnotherName) {
  ServerState server;
  Options o;
  o.offer = first_session(server, o);
  o.hostname = "other.test";
  auto second = connect(
      server, o, [](Pair &p) { p.client_config().check_hostname = false; }, 2);
  ASSERT_TRUE(second->run());
  EXPECT_FALSE(abbreviated(*second));
}

TEST(Refusal, SessionWithoutEmsIsNotResumedWithEms) {
  // RFC 7627 §5.3: a full handshake instead.
  ServerState server;
  Options o;
  auto first = connect(
      server, o, [](Pair &p) { p.client_config().extended_master_secret = false; }, 1);
  ASSERT_TRUE(first->run());
  o.offer = first->client().machine->session();
  ASSERT_TRUE(o.offer);
  EXPECT_FALSE(o.offer->extended_master_secret);
  auto second = connect(server, o, 2);
  ASSERT_TRUE(second->run());
  EXPECT_FALSE(abbreviated(*second));
  EXPECT_TRUE(second->client().machine->negotiated().extended_master_secret);
}

TEST(Refusal, EmsSessionOfferedWithoutEmsAborts) {
  // RFC 7627 §5.3: the server aborts.
  ServerState server;
  Options o;
  o.offer = first_session(server, o);
  ASSERT_TRUE(o.offer->extended_master_secret);
  auto second = connect(
      server, o, [](Pair &p) { p.client_config().extended_master_secret = false; }, 2);
  EXPECT_FALSE(second->run());
  ASSERT_TRUE(second->server().machine->error());
  EXPECT_EQ(second->server().machine->error()->alert, AlertDescription::handshake_failure);
}

TEST(Refusal, ClientAbortsWhenTheResumedEmsStatusChanges) {
  ServerState server;
  Options o;
  o.offer = first_session(server, o);
  o.offer->extended_master_secret = false;  // the client's copy disagrees with the server's
  auto second = connect(server, o, 2);
  EXPECT_FALSE(second->run());
  ASSERT_TRUE(second->client().machine->error());
  EXPECT_EQ(second->client().machine->error()->alert, AlertDescription::handshake_failure);
}

TEST(Refusal, ClientAbortsWhenTheServerResumesWithAnotherSuite) {
  ServerState server;
  Options o;
  o.offer = first_session(server, o);
  const std::uint16_t other = cipher::find_suite("ECDHE-RSA-AES256-GCM-SHA384")->id;
  o.offer->cipher_suite = other;
  auto second = connect(
      server, o, [&](Pair &p) { p.client_config().cipher_suites.push_back(other); }, 2);
  EXPECT_FALSE(second->run());
  ASSERT_TRUE(second->client().machine->error());
  EXPECT_EQ(second->client().machine->error()->alert, AlertDescription::illegal_parameter);
}

}  // namespace
}  // namespace tls::handshake::test
