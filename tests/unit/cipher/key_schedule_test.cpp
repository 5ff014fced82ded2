// PRF and key-schedule behaviour beyond the published vectors (tests/vectors/ covers the
// values): seed lists, output lengths, the key-block layout for every suite and version, the
// split, Finished labels, the extended master secret and SSL 3.0's Finished construction.
#include <gtest/gtest.h>

#include <string>

#include "cipher/key_schedule.hpp"
#include "cipher/prf.hpp"
#include "common/hex.hpp"
#include "hash_provider.hpp"

namespace tls::cipher {
namespace {

using V = ProtocolVersion;

const testing::HashProvider &provider() {
  static const testing::HashProvider p;
  return p;
}

Bytes bytes_of(std::string_view text) {
  return Bytes(text.begin(), text.end());
}

Bytes run_prf(PrfKind kind, ByteView secret, std::string_view label,
              std::initializer_list<ByteView> seed, std::size_t n) {
  Bytes out(n);
  prf(provider(), kind, secret, label, seed, out);
  return out;
}

constexpr PrfKind kAllKinds[] = {PrfKind::ssl3, PrfKind::tls10, PrfKind::tls12_sha256,
                                 PrfKind::tls12_sha384};

TEST(Prf, SeedPiecesAreConcatenated) {
  const Bytes secret = bytes_of("a secret of odd length");
  const Bytes a = bytes_of("client random, 32 bytes long...");
  const Bytes b = bytes_of("server random, 32 bytes long...");
  Bytes ab = a;
  append(ab, b);
  for (PrfKind kind : kAllKinds) {
    SCOPED_TRACE(prf_name(kind));
    const Bytes whole = run_prf(kind, secret, "key expansion", {ab}, 104);
    EXPECT_EQ(run_prf(kind, secret, "key expansion", {a, b}, 104), whole);
    EXPECT_EQ(run_prf(kind, secret, "key expansion", {a, ByteView(), b}, 104), whole);
    EXPECT_NE(run_prf(kind, secret, "key expansion", {b, a}, 104), whole);
  }
}

TEST(Prf, ShorterOutputIsAPrefixOfLongerOutput) {
  const Bytes secret = bytes_of("secret");
  const Bytes seed = bytes_of("seed");
  for (PrfKind kind : kAllKinds) {
    SCOPED_TRACE(prf_name(kind));
    const Bytes longest = run_prf(kind, secret, "label", {seed}, 200);
    // Lengths around every hash's block boundary (16, 20, 32, 48).
    for (std::size_t n : {0, 1, 15, 16, 17, 19, 20, 21, 31, 32, 33, 47, 48, 49, 199}) {
      const Bytes out = run_prf(kind, secret, "label", {seed}, n);
      EXPECT_TRUE(std::equal(out.begin(), out.end(), longest.begin())) << n;
    }
  }
}

TEST(Prf, LabelMattersExceptInSsl3) {
  const Bytes secret = bytes_of("secret");
  const Bytes seed = bytes_of("seed");
  for (PrfKind kind : {PrfKind::tls10, PrfKind::tls12_sha256, PrfKind::tls12_sha384}) {
    EXPECT_NE(run_prf(kind, secret, "client finished", {seed}, 12),
              run_prf(kind, secret, "server finished", {seed}, 12));
  }
  // SSL 3.0 has no labels: its salts 'A', 'BB', ... replace them.
  EXPECT_EQ(run_prf(PrfKind::ssl3, secret, "client finished", {seed}, 48),
            run_prf(PrfKind::ssl3, secret, "server finished", {seed}, 48));
}

TEST(Prf, TlsVersionsAndHashesGiveDifferentOutputs) {
  const Bytes secret = bytes_of("secret");
  const Bytes seed = bytes_of("seed");
  const Bytes ssl3 = run_prf(PrfKind::ssl3, secret, "l", {seed}, 48);
  const Bytes tls10 = run_prf(PrfKind::tls10, secret, "l", {seed}, 48);
  const Bytes sha256 = run_prf(PrfKind::tls12_sha256, secret, "l", {seed}, 48);
  const Bytes sha384 = run_prf(PrfKind::tls12_sha384, secret, "l", {seed}, 48);
  EXPECT_NE(ssl3, tls10);
  EXPECT_NE(tls10, sha256);
  EXPECT_NE(sha256, sha384);
}

// SSL 3.0's last block uses 26 'Z's; this restates the construction with the raw hashes for
// that block (the published Go vector covers the first five blocks).
TEST(Prf, Ssl3ReachesTheTwentySixthSalt) {
  const Bytes secret = bytes_of("master secret bytes");
  const Bytes seed = bytes_of("randoms");
  const Bytes out = run_prf(PrfKind::ssl3, secret, "", {seed}, 26 * 16);
  auto sha1 = provider().hash(HashAlg::sha1);
  sha1->update(as_bytes(std::string(26, 'Z')));
  sha1->update(secret);
  sha1->update(seed);
  const Bytes inner = sha1->finish();
  auto md5 = provider().hash(HashAlg::md5);
  md5->update(secret);
  md5->update(inner);
  const Bytes last = md5->finish();
  EXPECT_EQ(Bytes(out.end() - 16, out.end()), last);
}

TEST(KeySchedule, PrfKindFollowsVersionAndSuite) {
  const CipherSuite &gcm128 = *find_suite(0xc02f);
  const CipherSuite &gcm256 = *find_suite(0xc030);
  const CipherSuite &cbc = *find_suite(0x002f);
  EXPECT_EQ(prf_kind(V::ssl3, cbc), PrfKind::ssl3);
  EXPECT_EQ(prf_kind(V::tls10, cbc), PrfKind::tls10);
  EXPECT_EQ(prf_kind(V::tls11, cbc), PrfKind::tls10);
  EXPECT_EQ(prf_kind(V::tls12, cbc), PrfKind::tls12_sha256);
  EXPECT_EQ(prf_kind(V::tls12, gcm128), PrfKind::tls12_sha256);
  EXPECT_EQ(prf_kind(V::tls12, gcm256), PrfKind::tls12_sha384);
  EXPECT_EQ(prf_kind(V::tls12, *find_suite(0xc028)), PrfKind::tls12_sha384);
  EXPECT_EQ(prf_kind(V::tls12, *find_suite(0xcca8)), PrfKind::tls12_sha256);
  EXPECT_EQ(handshake_hash_alg(V::tls10, cbc), HashAlg::md5_sha1);
  EXPECT_EQ(handshake_hash_alg(V::tls11, cbc), HashAlg::md5_sha1);
  EXPECT_EQ(handshake_hash_alg(V::tls12, cbc), HashAlg::sha256);
  EXPECT_EQ(handshake_hash_alg(V::tls12, gcm256), HashAlg::sha384);
}

struct LayoutCase {
  std::uint16_t suite;
  V version;
  std::size_t mac, key, iv;
};

TEST(KeySchedule, KeyBlockLayout) {
  const LayoutCase cases[] = {
      // CBC: implicit IVs only in SSL 3.0 and TLS 1.0.
      {0x002f, V::ssl3, 20, 16, 16},
      {0x002f, V::tls10, 20, 16, 16},
      {0x002f, V::tls11, 20, 16, 0},
      {0x002f, V::tls12, 20, 16, 0},
      {0x0035, V::tls10, 20, 32, 16},
      {0x000a, V::ssl3, 20, 24, 8},
      {0x000a, V::tls10, 20, 24, 8},
      {0x000a, V::tls11, 20, 24, 0},
      {0x003d, V::tls12, 32, 32, 0},
      {0xc028, V::tls12, 48, 32, 0},
      // Stream and NULL: no IV.
      {0x0004, V::ssl3, 16, 16, 0},
      {0x0005, V::tls10, 20, 16, 0},
      {0x0001, V::tls10, 16, 0, 0},
      {0x003b, V::tls12, 32, 0, 0},
      // AEAD: no MAC key; GCM a 4-byte salt, ChaCha20-Poly1305 a 12-byte IV.
      {0xc02f, V::tls12, 0, 16, 4},
      {0x009d, V::tls12, 0, 32, 4},
      {0xcca9, V::tls12, 0, 32, 12},
  };
  for (const LayoutCase &c : cases) {
    const CipherSuite &suite = *find_suite(c.suite);
    SCOPED_TRACE(std::string(suite.name) + " " + version_name(c.version));
    const KeyBlockLayout layout = key_block_layout(c.version, suite);
    EXPECT_EQ(layout.mac_key_size, c.mac);
    EXPECT_EQ(layout.key_size, c.key);
    EXPECT_EQ(layout.iv_size, c.iv);
    EXPECT_EQ(layout.total(), 2 * (c.mac + c.key + c.iv));
  }
}

// The split takes the key block in RFC 5246 §6.3's order: client MAC, server MAC, client key,
// server key, client IV, server IV.
TEST(KeySchedule, KeyBlockSplitOrder) {
  const Bytes master(48, 0x42);
  const Bytes client_random(32, 0x01);
  const Bytes server_random(32, 0x02);
  for (const CipherSuite &suite : all_suites()) {
    for (V version : {V::ssl3, V::tls10, V::tls11, V::tls12}) {
      if (!suite.allows(version)) continue;
      SCOPED_TRACE(std::string(suite.name) + " " + version_name(version));
      const KeyBlockLayout layout = key_block_layout(version, suite);
      const Bytes raw = run_prf(prf_kind(version, suite), master, "key expansion",
                                {server_random, client_random}, layout.total());
      const KeyBlock keys =
          derive_key_block(provider(), version, suite, master, client_random, server_random);
      Bytes joined;
      for (const SecureBuffer *part :
           {&keys.client_write_mac_key, &keys.server_write_mac_key, &keys.client_write_key,
            &keys.server_write_key, &keys.client_write_iv, &keys.server_write_iv}) {
        append(joined, *part);
      }
      EXPECT_EQ(joined, raw);
      EXPECT_EQ(keys.client_write_mac_key.size(), layout.mac_key_size);
      EXPECT_EQ(keys.server_write_key.size(), layout.key_size);
      EXPECT_EQ(keys.server_write_iv.size(), layout.iv_size);
    }
  }
}

TEST(KeySchedule, MasterSecretUsesClientRandomFirst) {
  const Bytes pre_master(48, 0x03);
  const Bytes cr(32, 0x11);
  const Bytes sr(32, 0x22);
  for (PrfKind kind : kAllKinds) {
    const SecureBuffer master = master_secret(provider(), kind, pre_master, cr, sr);
    ASSERT_EQ(master.size(), kMasterSecretSize);
    EXPECT_EQ(Bytes(master.begin(), master.end()),
              run_prf(kind, pre_master, "master secret", {cr, sr}, 48));
    const SecureBuffer swapped = master_secret(provider(), kind, pre_master, sr, cr);
    EXPECT_NE(master, swapped);
  }
}

TEST(KeySchedule, ExtendedMasterSecretUsesTheSessionHash) {
  const Bytes pre_master(48, 0x03);
  const Bytes session_hash(32, 0x77);
  for (PrfKind kind : {PrfKind::tls10, PrfKind::tls12_sha256, PrfKind::tls12_sha384}) {
    const SecureBuffer ems = extended_master_secret(provider(), kind, pre_master, session_hash);
    ASSERT_EQ(ems.size(), kMasterSecretSize);
    EXPECT_EQ(Bytes(ems.begin(), ems.end()),
              run_prf(kind, pre_master, "extended master secret", {session_hash}, 48));
    // Not the classic master secret over the same bytes.
    EXPECT_NE(ems, master_secret(provider(), kind, pre_master, session_hash, {}));
  }
}

TEST(KeySchedule, TlsFinishedLabelsAndLength) {
  const Bytes master(48, 0x5a);
  const Bytes hash(32, 0x99);
  const Bytes client = tls_finished(provider(), PrfKind::tls12_sha256, master, true, hash);
  const Bytes server = tls_finished(provider(), PrfKind::tls12_sha256, master, false, hash);
  EXPECT_EQ(client.size(), kTlsFinishedSize);
  EXPECT_EQ(client, run_prf(PrfKind::tls12_sha256, master, "client finished", {hash}, 12));
  EXPECT_EQ(server, run_prf(PrfKind::tls12_sha256, master, "server finished", {hash}, 12));
  EXPECT_NE(client, server);
}

// SSL 3.0 Finished (SSL 3.0 §5.6.9) restated with the raw hashes:
//   MD5(master + pad2 + MD5(messages + sender + master + pad1)) +
//   SHA(master + pad2 + SHA(messages + sender + master + pad1)),
// pads of 48 (MD5) and 40 (SHA-1) bytes of 0x36 / 0x5c.
Bytes ssl3_finished_by_hand(ByteView messages, std::string_view sender, ByteView master) {
  Bytes out;
  for (const auto &[alg, pad] : {std::pair{HashAlg::md5, 48}, std::pair{HashAlg::sha1, 40}}) {
    auto inner = provider().hash(alg);
    inner->update(messages);
    inner->update(as_bytes(sender));
    inner->update(master);
    inner->update(Bytes(static_cast<std::size_t>(pad), 0x36));
    const Bytes inner_digest = inner->finish();
    auto outer = provider().hash(alg);
    outer->update(master);
    outer->update(Bytes(static_cast<std::size_t>(pad), 0x5c));
    outer->update(inner_digest);
    append(out, outer->finish());
  }
  return out;
}

TEST(KeySchedule, Ssl3FinishedAndCertificateVerifyDigest) {
  const Bytes master = bytes_of("0123456789abcdef0123456789abcdef0123456789abcdef");
  const Bytes messages = bytes_of("ClientHello ServerHello Certificate ServerHelloDone ...");
  auto md5 = provider().hash(HashAlg::md5);
  auto sha1 = provider().hash(HashAlg::sha1);
  md5->update(messages);
  sha1->update(messages);

  const Bytes client = ssl3_finished(master, true, *md5, *sha1);
  const Bytes server = ssl3_finished(master, false, *md5, *sha1);
  ASSERT_EQ(client.size(), kSsl3FinishedSize);
  EXPECT_EQ(client, ssl3_finished_by_hand(messages, "CLNT", master));
  EXPECT_EQ(server, ssl3_finished_by_hand(messages, "SRVR", master));
  EXPECT_EQ(ssl3_handshake_digest(master, {}, *md5, *sha1),
            ssl3_finished_by_hand(messages, "", master));

  // The running transcript hashes are cloned, not consumed: they still hold the messages.
  EXPECT_EQ(md5->finish(), provider().digest(HashAlg::md5, messages));
  EXPECT_EQ(sha1->finish(), provider().digest(HashAlg::sha1, messages));
}

}  // namespace
}  // namespace tls::cipher
