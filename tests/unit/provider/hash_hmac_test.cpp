// Incremental hashes and HMACs: any split of the input gives the one-shot value, clone() copies
// the state mid-stream (the transcript hash is snapshotted at each Finished), finish() resets,
// MD5+SHA1 is the two digests side by side, and HMAC is RFC 2104's construction over the hash.
// (The values themselves are checked against the published vectors in tests/vectors.)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

const HashAlg kHashes[] = {HashAlg::md5,    HashAlg::sha1,   HashAlg::sha256,
                           HashAlg::sha384, HashAlg::sha512, HashAlg::md5_sha1};
const HashAlg kHmacHashes[] = {HashAlg::md5, HashAlg::sha1, HashAlg::sha256, HashAlg::sha384,
                               HashAlg::sha512};

Bytes data(std::size_t size, std::uint8_t salt) {
  Bytes d(size);
  for (std::size_t i = 0; i < size; ++i)
    d[i] = static_cast<std::uint8_t>(i * 7 + salt);
  return d;
}

Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  append(out, b);
  return out;
}

TEST(Hash, AnySplitGivesTheOneShotDigest) {
  const Bytes msg = data(1000, 1);
  for (HashAlg alg : kHashes) {
    const Bytes expected = default_provider()->digest(alg, msg);
    EXPECT_EQ(expected.size(), hash_size(alg));
    for (std::size_t step : {1u, 3u, 63u, 64u, 65u, 127u, 128u, 129u, 999u}) {
      auto h = default_provider()->hash(alg);
      for (std::size_t at = 0; at < msg.size(); at += step)
        h->update(ByteView(msg).subspan(at, std::min(step, msg.size() - at)));
      EXPECT_EQ(h->finish(), expected) << hash_name(alg) << " in pieces of " << step;
    }
  }
}

TEST(Hash, CloneMidStreamSnapshotsTheState) {
  const Bytes prefix = data(150, 2), a = data(77, 3), b = data(200, 4);
  for (HashAlg alg : kHashes) {
    auto h = default_provider()->hash(alg);
    h->update(prefix);
    auto snapshot = h->clone();
    ASSERT_EQ(snapshot->alg(), alg);
    // The snapshot finishes to the digest of what came before it ...
    auto copy_of_snapshot = snapshot->clone();
    EXPECT_EQ(copy_of_snapshot->finish(), default_provider()->digest(alg, prefix))
        << hash_name(alg);
    // ... and the two continue independently.
    h->update(a);
    snapshot->update(b);
    EXPECT_EQ(h->finish(), default_provider()->digest(alg, concat(prefix, a))) << hash_name(alg);
    EXPECT_EQ(snapshot->finish(), default_provider()->digest(alg, concat(prefix, b)))
        << hash_name(alg);
  }
}

TEST(Hash, FinishResetsToTheInitialState) {
  for (HashAlg alg : kHashes) {
    auto h = default_provider()->hash(alg);
    h->update(data(300, 5));
    (void)h->finish();
    h->update(data(20, 6));
    EXPECT_EQ(h->finish(), default_provider()->digest(alg, data(20, 6))) << hash_name(alg);
    EXPECT_EQ(h->finish(), default_provider()->digest(alg, Bytes())) << hash_name(alg);
  }
}

TEST(Hash, Md5Sha1IsMd5FollowedBySha1) {
  for (std::size_t n : {0u, 1u, 55u, 56u, 64u, 1000u}) {
    const Bytes msg = data(n, 7);
    Bytes expected = default_provider()->digest(HashAlg::md5, msg);
    append(expected, default_provider()->digest(HashAlg::sha1, msg));
    EXPECT_EQ(default_provider()->digest(HashAlg::md5_sha1, msg), expected) << n;
  }
  EXPECT_EQ(hash_size(HashAlg::md5_sha1), 36u);
}

// RFC 2104 §2: H((K0 ^ opad) || H((K0 ^ ipad) || text)), K0 = K (hashed first when longer
// than a block) padded with zeros to the block size.
Bytes rfc2104(HashAlg alg, ByteView key, ByteView text) {
  const std::size_t block = hash_block_size(alg);
  Bytes k0 =
      key.size() > block ? default_provider()->digest(alg, key) : Bytes(key.begin(), key.end());
  k0.resize(block, 0x00);
  Bytes inner_key = k0, outer_key = k0;
  for (auto &b : inner_key)
    b ^= 0x36;
  for (auto &b : outer_key)
    b ^= 0x5c;
  const Bytes inner = default_provider()->digest(alg, concat(inner_key, text));
  return default_provider()->digest(alg, concat(outer_key, inner));
}

TEST(Hmac, IsRfc2104OverTheHashForEveryKeyLength) {
  for (HashAlg alg : kHmacHashes) {
    const std::size_t block = hash_block_size(alg);
    for (std::size_t key_size :
         {std::size_t{0}, std::size_t{1}, hash_size(alg), block - 1, block, block + 1, 3 * block}) {
      const Bytes key = data(key_size, 8), text = data(333, 9);
      auto mac = default_provider()->hmac(alg, key);
      ASSERT_NE(mac, nullptr);
      EXPECT_EQ(mac->alg(), alg);
      mac->update(ByteView(text).first(100));
      mac->update(ByteView(text).subspan(100));
      EXPECT_EQ(mac->finish(), rfc2104(alg, key, text))
          << hash_name(alg) << " with a " << key_size << "-byte key";
    }
  }
  EXPECT_EQ(default_provider()->hmac(HashAlg::md5_sha1, Bytes(16)), nullptr);
}

TEST(Hmac, CloneMidStreamAndFinishKeepsTheKey) {
  const Bytes key = data(32, 10);
  for (HashAlg alg : kHmacHashes) {
    auto mac = default_provider()->hmac(alg, key);
    mac->update(data(40, 11));
    auto snapshot = mac->clone();
    mac->update(data(50, 12));
    snapshot->update(data(60, 13));
    EXPECT_EQ(mac->finish(), rfc2104(alg, key, concat(data(40, 11), data(50, 12))))
        << hash_name(alg);
    EXPECT_EQ(snapshot->finish(), rfc2104(alg, key, concat(data(40, 11), data(60, 13))))
        << hash_name(alg);
    // After finish() the same object MACs the next record under the same key.
    for (std::uint8_t record = 0; record < 3; ++record) {
      mac->update(data(25, record));
      EXPECT_EQ(mac->finish(), rfc2104(alg, key, data(25, record))) << hash_name(alg);
    }
  }
}

}  // namespace
}  // namespace tls::cipher
