// Smaller records and encrypt_then_mac against real peers, checked on the wire:
//   - `gnutls-cli --recordsize=512` against tlspp's server: every record our server sends
//     carries at most 512 bytes of plaintext;
//   - tlspp's client asking gnutls-serv for max_fragment_length 512 (RFC 6066) or announcing
//     record_size_limit 512 (RFC 8449): every record gnutls-serv sends back is that small;
//   - encrypt_then_mac (RFC 7366) negotiated with OpenSSL and GnuTLS for a CBC suite, both ways.
// The records are read off the transport (a tap under the Connection), not taken from what the
// connection reports about itself.
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <string>
#include <vector>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/our_end.hpp"
#include "support/peer.hpp"

namespace tls::test {
namespace {

constexpr std::size_t kGcmOverhead = 8 + 16;  // explicit nonce and tag of an AES-GCM record
constexpr const char *kGcmSuite = "ECDHE-RSA-AES128-GCM-SHA256";

// A blocking socket under a Connection that keeps a copy of every byte in each direction.
struct WireTap {
  int fd = -1;
  std::vector<std::uint8_t> sent, received;

  void attach(Connection &conn) {
    conn.set_transport(
        [this](std::span<std::uint8_t> buffer) -> IoResult {
          const ssize_t n = ::read(fd, buffer.data(), buffer.size());
          if (n < 0) return {IoCode::syscall, 0};
          received.insert(received.end(), buffer.begin(), buffer.begin() + n);
          return {IoCode::ok, static_cast<std::size_t>(n)};
        },
        [this](std::span<const std::uint8_t> data) -> IoResult {
          const ssize_t n = ::write(fd, data.data(), data.size());
          if (n < 0) return {IoCode::syscall, 0};
          sent.insert(sent.end(), data.begin(), data.begin() + n);
          return {IoCode::ok, static_cast<std::size_t>(n)};
        });
  }
};

struct RecordHeader {
  std::uint8_t type;
  std::size_t length;
};

// The records in a byte stream, in order (an unfinished last record is left out).
std::vector<RecordHeader> records_in(const std::vector<std::uint8_t> &stream) {
  std::vector<RecordHeader> out;
  std::size_t at = 0;
  while (stream.size() - at >= 5) {
    const std::size_t length = static_cast<std::size_t>(stream[at + 3]) << 8 | stream[at + 4];
    if (stream.size() - at - 5 < length) break;
    out.push_back({stream[at], length});
    at += 5 + length;
  }
  return out;
}

// The application_data records' lengths.
std::vector<std::size_t> application_data_lengths(const std::vector<std::uint8_t> &stream) {
  std::vector<std::size_t> lengths;
  for (const RecordHeader &r : records_in(stream))
    if (r.type == 23) lengths.push_back(r.length);
  return lengths;
}

std::size_t largest(const std::vector<std::size_t> &v) {
  std::size_t m = 0;
  for (std::size_t x : v)
    m = std::max(m, x);
  return m;
}

std::span<const std::uint8_t> bytes_of(const std::string &s) {
  return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

// 4000 bytes of text ending in a marker line.
std::string big_payload() {
  std::string text;
  while (text.size() < 3980)
    text += "0123456789abcdefghijklmnopqrstuvwxyz\n";
  return text + "END-OF-PAYLOAD\n";
}

TEST(RecordLimitsInterop, GnutlsCliRecordsize512LimitsOurServer) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  Context context = rsa_server_context();
  ASSERT_TRUE(context.set_cipher_list(kGcmSuite).ok());
  PeerOptions options;
  options.extra_args = {"--recordsize=512"};
  std::unique_ptr<Peer> client;
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::gnutls, options, client, error);
  ASSERT_TRUE(fd) << error;
  WireTap tap{fd.get(), {}, {}};
  Connection conn(context);
  tap.attach(conn);
  ASSERT_TRUE(conn.accept().ok()) << conn.error_text() << "\n" << client->describe();
  // gnutls-cli asks with record_size_limit (28) and/or max_fragment_length (1).
  const auto offered = conn.client_extensions();
  EXPECT_TRUE(std::find(offered.begin(), offered.end(), 28) != offered.end() ||
              std::find(offered.begin(), offered.end(), 1) != offered.end());
  EXPECT_EQ(conn.max_send_fragment(), 512u);
  ASSERT_TRUE(client->wait_handshake()) << client->describe();

  const std::string payload = big_payload();
  ASSERT_TRUE(conn.write(bytes_of(payload)).ok()) << conn.error_text();
  EXPECT_TRUE(client->wait_received("END-OF-PAYLOAD")) << client->describe();
  const auto lengths = application_data_lengths(tap.sent);
  // 4000+ bytes in records of at most 512 bytes of plaintext (+ the GCM nonce and tag): at
  // least 8 of them, the full ones exactly 512 + 24 on the wire.
  EXPECT_GE(lengths.size(), 8u);
  EXPECT_EQ(largest(lengths), 512 + kGcmOverhead);
  (void)conn.shutdown();
}

// tlspp's client against gnutls-serv --echo, asking for smaller records with `configure`;
// returns the lengths of the application_data records gnutls-serv sent.
std::vector<std::size_t> echo_through_gnutls_serv(const std::function<void(Context &)> &configure,
                                                  std::size_t *our_send_limit,
                                                  std::string *failure) {
  PeerOptions options;
  options.ciphers = {kGcmSuite};
  std::string error;
  auto server = Peer::start_server(PeerTool::gnutls, options, &error);
  if (!server) {
    *failure = error;
    return {};
  }
  Context context(Role::client);
  EXPECT_TRUE(context.load_verify_file(data_file("root-ca.pem")).ok());
  configure(context);
  UniqueFd fd = dial(server->port());
  if (!fd) {
    *failure = "connect failed";
    return {};
  }
  WireTap tap{fd.get(), {}, {}};
  Connection conn(context);
  tap.attach(conn);
  (void)conn.set_hostname("localhost");
  if (!conn.connect().ok()) {
    *failure = conn.error_text() + "\n" + server->describe();
    return {};
  }
  *our_send_limit = conn.max_send_fragment();
  const std::size_t handshake_bytes = tap.received.size();
  const std::string payload = big_payload();
  if (!conn.write(bytes_of(payload)).ok()) {
    *failure = conn.error_text();
    return {};
  }
  const std::string echoed = read_until(conn, "END-OF-PAYLOAD");
  if (echoed != payload) {
    *failure = "echo differs (" + std::to_string(echoed.size()) +
               " bytes back): " + conn.error_text() + "\n" + server->describe();
    return {};
  }
  (void)conn.shutdown();
  return application_data_lengths(std::vector<std::uint8_t>(
      tap.received.begin() + static_cast<long>(handshake_bytes), tap.received.end()));
}

TEST(RecordLimitsInterop, OurClientMaxFragmentLength512WithGnutlsServ) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  std::size_t send_limit = 0;
  std::string failure;
  const auto lengths = echo_through_gnutls_serv(
      [](Context &c) { ASSERT_TRUE(c.set_max_fragment_length(512).ok()); }, &send_limit, &failure);
  ASSERT_TRUE(failure.empty()) << failure;
  EXPECT_EQ(send_limit, 512u);  // max_fragment_length binds both directions
  EXPECT_GE(lengths.size(), 8u);
  EXPECT_EQ(largest(lengths), 512 + kGcmOverhead);
}

TEST(RecordLimitsInterop, OurClientRecordSizeLimit512WithGnutlsServ) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  std::size_t send_limit = 0;
  std::string failure;
  const auto lengths = echo_through_gnutls_serv(
      [](Context &c) { ASSERT_TRUE(c.set_record_size_limit(512).ok()); }, &send_limit, &failure);
  ASSERT_TRUE(failure.empty()) << failure;
  // RFC 8449 limits what each side receives: gnutls-serv's records, not ours.
  EXPECT_GT(send_limit, 512u);
  EXPECT_GE(lengths.size(), 8u);
  EXPECT_EQ(largest(lengths), 512 + kGcmOverhead);
}

// ---- encrypt_then_mac ---------------------------------------------------------------------------

constexpr const char *kCbcSuite = "ECDHE-RSA-AES128-SHA256";

// tlspp's client against `tool`'s server with a CBC suite; whether EtM was used, after data went
// both ways.
std::optional<bool> our_client_etm(PeerTool tool, bool offer, std::string *failure) {
  PeerOptions options;
  options.ciphers = {kCbcSuite};
  std::string error;
  auto server = Peer::start_server(tool, options, &error);
  if (!server) {
    *failure = error;
    return std::nullopt;
  }
  Context context(Role::client);
  EXPECT_TRUE(context.load_verify_file(data_file("root-ca.pem")).ok());
  EXPECT_TRUE(context.set_cipher_list(kCbcSuite).ok());
  context.set_encrypt_then_mac(offer);
  UniqueFd fd = dial(server->port());
  Connection conn(context);
  (void)conn.set_fd(fd.get());
  (void)conn.set_hostname("localhost");
  if (!conn.connect().ok()) {
    *failure = conn.error_text() + "\n" + server->describe();
    return std::nullopt;
  }
  EXPECT_STREQ(conn.cipher(), kCbcSuite);
  // Data both ways: a record protected the other way round would not open.
  const std::string line = "ping over CBC\n";
  EXPECT_TRUE(conn.write(bytes_of(line)).ok());
  if (tool == PeerTool::openssl) {
    EXPECT_TRUE(server->wait_received("ping over CBC")) << server->describe();
    EXPECT_TRUE(server->send("pong over CBC\n"));
  }
  const std::string expect = tool == PeerTool::openssl ? "pong over CBC" : "ping over CBC";
  const std::string got = read_until(conn, expect);
  EXPECT_NE(got.find(expect), std::string::npos) << conn.error_text() << server->describe();
  const bool etm = conn.encrypt_then_mac();
  (void)conn.shutdown();
  return etm;
}

TEST(EncryptThenMacInterop, OurClientWithOpenSslServer) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  std::string failure;
  EXPECT_EQ(our_client_etm(PeerTool::openssl, true, &failure), true) << failure;
  EXPECT_EQ(our_client_etm(PeerTool::openssl, false, &failure), false) << failure;
}

TEST(EncryptThenMacInterop, OurClientWithGnutlsServer) {
  if (auto why = peer_unavailable(PeerTool::gnutls)) GTEST_SKIP() << *why;
  std::string failure;
  EXPECT_EQ(our_client_etm(PeerTool::gnutls, true, &failure), true) << failure;
  EXPECT_EQ(our_client_etm(PeerTool::gnutls, false, &failure), false) << failure;
}

// openssl s_client with a CBC suite against tlspp's server (EtM on, the default).
TEST(EncryptThenMacInterop, OpenSslClientWithOurServer) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  Context context = rsa_server_context();
  ASSERT_TRUE(context.set_cipher_list(kCbcSuite).ok());
  PeerOptions options;
  options.ciphers = {kCbcSuite};
  std::unique_ptr<Peer> client;
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::openssl, options, client, error);
  ASSERT_TRUE(fd) << error;
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.accept().ok()) << conn.error_text() << "\n" << client->describe();
  EXPECT_STREQ(conn.cipher(), kCbcSuite);
  EXPECT_TRUE(conn.encrypt_then_mac());
  ASSERT_TRUE(client->wait_handshake()) << client->describe();
  ASSERT_TRUE(client->send("ping over CBC\n"));
  const std::string got = read_until(conn, "ping over CBC");
  EXPECT_NE(got.find("ping over CBC"), std::string::npos) << conn.error_text();
  (void)conn.shutdown();
}

}  // namespace
}  // namespace tls::test

#endif
