// Sessions through the public API: resumption by id and by ticket between Connections, a
// Session turned into bytes and back, the application's session store (new / get / remove),
// ticket keys shared between servers, rotated and refused, the client-certificate callback,
// and the record_size_limit setting.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "api_test_util.hpp"

namespace tls::api_test {
namespace {

struct Outcome {
  bool ok = false;
  bool client_resumed = false;
  bool server_resumed = false;
  Session session;  // the client's
  std::string error;
  std::vector<Certificate> server_saw;  // the client chain the server received
};

// One handshake between a fresh client and server connection; `offer` is offered when valid.
Outcome handshake(const Context &client_ctx, const Context &server_ctx, const Session &offer) {
  Connection client(client_ctx), server(server_ctx);
  connect_in_memory(client, server);
  EXPECT_TRUE(client.set_hostname("localhost").ok());
  if (offer.valid()) {
    EXPECT_TRUE(client.set_session(offer).ok());
  }
  Outcome out;
  out.ok = run_pair(client, server);
  out.error = client.error_text() + " / " + server.error_text();
  out.client_resumed = client.session_resumed();
  out.server_resumed = server.session_resumed();
  out.session = client.session();
  out.server_saw = server.peer_certificates();
  return out;
}

TEST(SessionsApi, ResumesBySessionIdAndByTicket) {
  for (bool tickets : {false, true}) {
    Context server = server_context();
    server.set_session_tickets(tickets);
    Context client = client_context();
    const Outcome first = handshake(client, server, Session());
    ASSERT_TRUE(first.ok) << first.error;
    EXPECT_FALSE(first.client_resumed);
    ASSERT_TRUE(first.session.valid());
    EXPECT_EQ(first.session.has_ticket(), tickets);
    EXPECT_EQ(first.session.id().size(), 32u);
    const Outcome second = handshake(client, server, first.session);
    ASSERT_TRUE(second.ok) << second.error;
    EXPECT_TRUE(second.client_resumed) << "tickets " << tickets;
    EXPECT_TRUE(second.server_resumed) << "tickets " << tickets;
    EXPECT_STREQ(second.session.cipher(), first.session.cipher());
  }
}

TEST(SessionsApi, SessionBytesRoundTripAndResume) {
  Context server = server_context();
  server.set_session_tickets(false);  // by id: the id must survive the bytes
  Context client = client_context();
  ASSERT_TRUE(client.set_alpn_protocols("h2").ok());
  ASSERT_TRUE(server.set_alpn_protocols("h2").ok());
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  const std::vector<std::uint8_t> bytes = first.session.to_bytes();
  ASSERT_FALSE(bytes.empty());

  auto restored = Session::from_bytes(bytes);
  ASSERT_TRUE(restored.ok()) << restored.error().reason;
  EXPECT_EQ(std::vector<std::uint8_t>(restored->id().begin(), restored->id().end()),
            std::vector<std::uint8_t>(first.session.id().begin(), first.session.id().end()));
  EXPECT_EQ(restored->cipher_id(), first.session.cipher_id());
  EXPECT_EQ(restored->version(), ProtocolVersion::tls12);
  EXPECT_EQ(restored->server_name(), "localhost");
  EXPECT_EQ(restored->alpn(), "h2");
  EXPECT_TRUE(restored->extended_master_secret());
  EXPECT_EQ(restored->created(), first.session.created());
  EXPECT_NE(restored->created(), 0);
  EXPECT_EQ(restored->to_bytes(), bytes);

  const Outcome second = handshake(client, server, *restored);
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_TRUE(second.client_resumed);
  EXPECT_TRUE(second.server_resumed);
}

TEST(SessionsApi, DamagedSessionBytesAreRefused) {
  Context server = server_context();
  Context client = client_context();
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  std::vector<std::uint8_t> bytes = first.session.to_bytes();
  ASSERT_GT(bytes.size(), 10u);
  EXPECT_FALSE(Session::from_bytes(std::span(bytes).first(bytes.size() - 1)).ok());
  EXPECT_FALSE(Session::from_bytes({}).ok());
  bytes[0] ^= 0xff;  // the format version
  const auto refused = Session::from_bytes(bytes);
  ASSERT_FALSE(refused.ok());
  EXPECT_FALSE(refused.error().reason.empty());
  EXPECT_TRUE(Session().to_bytes().empty());
}

// An application's store (OpenSSL's sess_new_cb / sess_get_cb / sess_remove_cb), with the
// internal cache off: every resumption goes through it.
TEST(SessionsApi, ExternalStoreKeepsAndReturnsSessions) {
  Context server = server_context();
  server.set_session_tickets(false);
  server.set_session_cache_size(0);
  std::map<std::vector<std::uint8_t>, std::vector<std::uint8_t>> store;
  int asked = 0;
  std::vector<std::vector<std::uint8_t>> removed;
  server.set_session_store({
      [&](const Session &s) {
        store[std::vector<std::uint8_t>(s.id().begin(), s.id().end())] = s.to_bytes();
      },
      [&](std::span<const std::uint8_t> id) {
        ++asked;
        auto it = store.find(std::vector<std::uint8_t>(id.begin(), id.end()));
        if (it == store.end()) return Session();
        auto parsed = Session::from_bytes(it->second);
        return parsed ? *parsed : Session();
      },
      [&](std::span<const std::uint8_t> id) { removed.emplace_back(id.begin(), id.end()); },
  });
  Context client = client_context();
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_EQ(store.size(), 1u);
  EXPECT_EQ(store.begin()->first,
            std::vector<std::uint8_t>(first.session.id().begin(), first.session.id().end()));

  const Outcome second = handshake(client, server, first.session);
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_TRUE(second.server_resumed);
  EXPECT_EQ(asked, 1);

  // Forgotten by the store: a full handshake, never an error.
  store.clear();
  const Outcome third = handshake(client, server, first.session);
  ASSERT_TRUE(third.ok) << third.error;
  EXPECT_FALSE(third.server_resumed);
  EXPECT_EQ(asked, 2);
  EXPECT_TRUE(removed.empty());
}

TEST(SessionsApi, ExternalStoreHearsOfExpiredSessions) {
  Context server = server_context();
  server.use_deterministic_crypto(7, 1700000000);
  server.set_session_tickets(false);
  server.set_session_cache_size(0);
  server.set_session_timeout(100);
  std::vector<std::uint8_t> kept;
  std::vector<std::vector<std::uint8_t>> removed;
  server.set_session_store({
      [&](const Session &s) { kept = s.to_bytes(); },
      [&](std::span<const std::uint8_t>) {
        // Pretend the session was made long ago: it must be refused as expired.
        auto parsed = Session::from_bytes(kept);
        return parsed ? *parsed : Session();
      },
      [&](std::span<const std::uint8_t> id) { removed.emplace_back(id.begin(), id.end()); },
  });
  Context client = client_context();
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_FALSE(kept.empty());
  auto stored = Session::from_bytes(kept);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->lifetime(), 100u);  // the cache's timeout

  // The server's clock jumps past the timeout.
  server.use_deterministic_crypto(8, 1700000000 + 101);
  const Outcome second = handshake(client, server, first.session);
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_FALSE(second.server_resumed);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0],
            std::vector<std::uint8_t>(first.session.id().begin(), first.session.id().end()));
}

// ---- Ticket keys ---------------------------------------------------------------------------

std::vector<std::uint8_t> ticket_key(std::uint8_t fill) {
  std::vector<std::uint8_t> key(48);
  for (std::size_t i = 0; i < key.size(); ++i)
    key[i] = static_cast<std::uint8_t>(fill + i);
  return key;
}

TEST(SessionsApi, ServersSharingTicketKeysResumeEachOthersTickets) {
  Context a = server_context(), b = server_context(), c = server_context();
  ASSERT_TRUE(a.set_ticket_keys(ticket_key(1)).ok());
  ASSERT_TRUE(b.set_ticket_keys(ticket_key(1)).ok());
  ASSERT_TRUE(c.set_ticket_keys(ticket_key(2)).ok());
  // The session caches are separate: only the ticket can carry the session across.
  Context client = client_context();
  const Outcome first = handshake(client, a, Session());
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_TRUE(first.session.has_ticket());
  const Outcome at_b = handshake(client, b, first.session);
  ASSERT_TRUE(at_b.ok) << at_b.error;
  EXPECT_TRUE(at_b.server_resumed);
  const Outcome at_c = handshake(client, c, first.session);
  ASSERT_TRUE(at_c.ok) << at_c.error;  // a foreign ticket: a full handshake, not an error
  EXPECT_FALSE(at_c.server_resumed);
}

TEST(SessionsApi, ShareTicketKeysWithAnotherContext) {
  Context a = server_context(), b = server_context();
  b.share_ticket_keys(a);
  Context client = client_context();
  const Outcome first = handshake(client, a, Session());
  ASSERT_TRUE(first.ok) << first.error;
  const Outcome at_b = handshake(client, b, first.session);
  ASSERT_TRUE(at_b.ok) << at_b.error;
  EXPECT_TRUE(at_b.server_resumed);
  // A rotation in one is a rotation in both: a ticket made under b's new key opens at a.
  b.rotate_ticket_keys();
  const Outcome fresh = handshake(client, b, Session());
  ASSERT_TRUE(fresh.ok) << fresh.error;
  const Outcome back_at_a = handshake(client, a, fresh.session);
  ASSERT_TRUE(back_at_a.ok) << back_at_a.error;
  EXPECT_TRUE(back_at_a.server_resumed);
  // A client has no keys to share: a keeps its own.
  a.share_ticket_keys(client);
  a.set_session_cache_size(0);
  EXPECT_TRUE(handshake(client, a, fresh.session).server_resumed);
}

TEST(SessionsApi, RotatedKeyStillOpensOnceThenNotTwice) {
  Context server = server_context();
  server.set_session_cache_size(0);  // only tickets resume
  Context client = client_context();
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  server.rotate_ticket_keys();  // the ticket's key is now the previous one
  const Outcome second = handshake(client, server, first.session);
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_TRUE(second.server_resumed);
  server.rotate_ticket_keys();  // and now it is gone
  const Outcome third = handshake(client, server, first.session);
  ASSERT_TRUE(third.ok) << third.error;
  EXPECT_FALSE(third.server_resumed);
}

TEST(SessionsApi, SetTicketKeysWithPreviousOpensOldTickets) {
  Context server = server_context();
  server.set_session_cache_size(0);
  ASSERT_TRUE(server.set_ticket_keys(ticket_key(1)).ok());
  Context client = client_context();
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_TRUE(server.set_ticket_keys(ticket_key(2), ticket_key(1)).ok());
  EXPECT_TRUE(handshake(client, server, first.session).server_resumed);
  ASSERT_TRUE(server.set_ticket_keys(ticket_key(3)).ok());
  EXPECT_FALSE(handshake(client, server, first.session).server_resumed);
}

TEST(SessionsApi, TicketSettersRefuseBadInput) {
  Context server = server_context();
  EXPECT_FALSE(server.set_ticket_keys(std::vector<std::uint8_t>(47)).ok());
  EXPECT_FALSE(server.set_ticket_keys(ticket_key(1), std::vector<std::uint8_t>(16)).ok());
  EXPECT_FALSE(server.set_ticket_lifetime(0).ok());
  EXPECT_TRUE(server.set_ticket_lifetime(60).ok());
  EXPECT_FALSE(client_context().set_ticket_keys(ticket_key(1)).ok());  // only servers
}

TEST(SessionsApi, TicketsOffMeansNoTicket) {
  Context server = server_context();
  Context client = client_context();
  client.set_session_tickets(false);
  const Outcome first = handshake(client, server, Session());
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_FALSE(first.session.has_ticket());
}

// ---- Client certificate callback ------------------------------------------------------------

TEST(SessionsApi, ClientCertificateCallbackChoosesOrDeclines) {
  Context server = server_context();
  ASSERT_TRUE(server.load_verify_file(data_path("root-ca.pem")).ok());
  server.set_verify(VerifyMode::peer);
  for (std::optional<std::size_t> choice :
       {std::optional<std::size_t>(1), std::optional<std::size_t>(0),
        std::optional<std::size_t>()}) {
    Context client = client_context();
    ASSERT_TRUE(client
                    .add_certificate_files(data_path("client-rsa2048.chain.pem"),
                                           data_path("client-rsa2048.key"))
                    .ok());
    ASSERT_TRUE(
        client
            .add_certificate_files(data_path("client-p256.chain.pem"), data_path("client-p256.key"))
            .ok());
    CertificateRequestInfo seen;
    client.set_client_certificate_callback([&](const CertificateRequestInfo &request) {
      seen = request;
      return choice;
    });
    const Outcome out = handshake(client, server, Session());
    ASSERT_TRUE(out.ok) << out.error;
    // The request as the server made it: RSA and ECDSA signing, its CA's name, both fit.
    EXPECT_NE(std::find(seen.certificate_types.begin(), seen.certificate_types.end(), 1),
              seen.certificate_types.end());
    EXPECT_NE(std::find(seen.certificate_types.begin(), seen.certificate_types.end(), 64),
              seen.certificate_types.end());
    EXPECT_FALSE(seen.signature_schemes.empty());
    EXPECT_EQ(seen.authorities.size(), 1u);
    ASSERT_EQ(seen.fitting.size(), 2u);
    if (!choice) {
      EXPECT_TRUE(out.server_saw.empty());
      continue;
    }
    ASSERT_FALSE(out.server_saw.empty());
    const auto &candidate = seen.fitting[0].index == *choice ? seen.fitting[0] : seen.fitting[1];
    ASSERT_EQ(candidate.index, *choice);
    // The one chosen arrived: index 0 is the RSA certificate (added first), 1 the ECDSA one.
    EXPECT_TRUE(std::ranges::equal(out.server_saw[0].der(), candidate.leaf.der()));
    EXPECT_EQ(out.server_saw[0].public_key_description().rfind(*choice == 0 ? "RSA" : "EC", 0), 0u)
        << out.server_saw[0].public_key_description();
  }
}

// ---- SNI ---------------------------------------------------------------------------------------

// A name the SNI callback keeps must still match a certificate when unknown names are refused;
// a name it switches for is the callback's decision.
TEST(SessionsApi, RejectUnknownServerNameAppliesToNamesTheCallbackKept) {
  Context server = server_context(), other = server_context("server-p256");
  server.set_reject_unknown_server_name(true);
  server.set_sni_callback([other](std::string_view name) {
    return name == "switch.test" ? SniAnswer::use(other) : SniAnswer::keep();
  });
  Context client = client_context();
  client.set_check_hostname(false);
  for (const auto &[name, accepted] : std::vector<std::pair<std::string, bool>>{
           {"localhost", true}, {"switch.test", true}, {"unknown.test", false}}) {
    Connection c(client), s(server);
    connect_in_memory(c, s);
    ASSERT_TRUE(c.set_hostname(name).ok());
    EXPECT_EQ(run_pair(c, s), accepted) << name << ": " << s.error_text();
    if (!accepted) {
      ASSERT_TRUE(s.last_alert());
      EXPECT_EQ(s.last_alert()->description, AlertDescription::unrecognized_name);
      EXPECT_NE(s.error_text().find("unknown.test"), std::string::npos) << s.error_text();
    }
  }
}

// ---- Record sizes ------------------------------------------------------------------------------

TEST(SessionsApi, RecordSizeLimitBindsThePeer) {
  Context server = server_context();
  Context client = client_context();
  EXPECT_FALSE(client.set_record_size_limit(63).ok());
  EXPECT_FALSE(client.set_record_size_limit(16385).ok());
  ASSERT_TRUE(client.set_record_size_limit(1000).ok());
  Connection c(client), s(server);
  connect_in_memory(c, s);
  ASSERT_TRUE(c.set_hostname("localhost").ok());
  ASSERT_TRUE(run_pair(c, s)) << c.error_text() << " / " << s.error_text();
  EXPECT_EQ(s.max_send_fragment(), 1000u);  // the client's limit binds the server's records
  EXPECT_EQ(c.max_receive_fragment(), 1000u);
  EXPECT_EQ(c.max_send_fragment(), 16384u);  // the server announced no limit of its own
  // 5000 bytes arrive whole, in records of at most 1000.
  const std::string text(5000, 'x');
  ASSERT_TRUE(s.write(bytes_of(text)).ok());
  std::string got;
  std::uint8_t buf[6000];
  while (got.size() < text.size()) {
    const IoResult r = c.read(buf);
    ASSERT_TRUE(r.ok()) << c.error_text();
    EXPECT_LE(r.bytes, 1000u);  // one record per read
    got.append(reinterpret_cast<const char *>(buf), r.bytes);
  }
  EXPECT_EQ(got, text);
}

TEST(SessionsApi, EncryptThenMacReportedForCbcOnly) {
  for (const char *suite : {"ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES128-GCM-SHA256"}) {
    Context server = server_context();
    Context client = client_context();
    ASSERT_TRUE(client.set_cipher_list(suite).ok());
    Connection c(client), s(server);
    connect_in_memory(c, s);
    ASSERT_TRUE(c.set_hostname("localhost").ok());
    ASSERT_TRUE(run_pair(c, s)) << c.error_text() << " / " << s.error_text();
    const bool cbc = std::string(suite).find("GCM") == std::string::npos;
    EXPECT_EQ(c.encrypt_then_mac(), cbc) << suite;
    EXPECT_EQ(s.encrypt_then_mac(), cbc) << suite;
  }
}

}  // namespace
}  // namespace tls::api_test
