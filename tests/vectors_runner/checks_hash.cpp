// Checks for hashes and HMAC:
//   [MD5] [SHA1] [SHA256] [SHA384] [SHA512]   Msg, optional Repeat (decimal), Digest
//   [HMAC-MD5] [HMAC-SHA1] [HMAC-SHA256] [HMAC-SHA384] [HMAC-SHA512]
//                                             Key, Data, optional Truncate (bytes), Mac
#include <string>

#include "check_helpers.hpp"
#include "runner.hpp"

namespace tls::vectors {

namespace {

using cipher::HashAlg;

Check hash_check(HashAlg alg) {
  return [alg](Vector &v, const cipher::Provider &provider) {
    const Bytes msg = v.hex("Msg");
    const std::uint64_t repeat = v.has("Repeat") ? v.number("Repeat") : 1;
    const Bytes expected = v.hex("Digest");
    auto h = provider.hash(alg);
    for (std::uint64_t i = 0; i < repeat; ++i)
      h->update(msg);
    // A snapshot must give the same digest as the original (the transcript hash relies on it).
    auto snapshot = h->clone();
    v.expect_equal("Digest", expected, h->finish());
    v.expect_equal("Digest (from a clone)", expected, snapshot->finish());
    // finish() resets: the same object hashes the message again from the start.
    for (std::uint64_t i = 0; i < repeat; ++i)
      h->update(msg);
    v.expect_equal("Digest (after reset)", expected, h->finish());
  };
}

Check hmac_check(HashAlg alg) {
  return [alg](Vector &v, const cipher::Provider &provider) {
    const Bytes key = v.hex("Key");
    const Bytes data = v.hex("Data");
    const bool truncated = v.has("Truncate");
    const std::uint64_t truncate = truncated ? v.number("Truncate") : 0;
    const Bytes expected = v.hex("Mac");
    auto mac = provider.hmac(alg, key);
    if (!mac) {
      v.fail(std::string("no HMAC for ") + cipher::hash_name(alg));
      return;
    }
    for (int round = 0; round < 2; ++round) {  // the second round checks the reset
      mac->update(data);
      Bytes out = mac->finish();
      if (truncated) {
        if (truncate > out.size()) {
          v.fail("Truncate is longer than the MAC");
          return;
        }
        out.resize(truncate);
      }
      v.expect_equal(round == 0 ? "Mac" : "Mac (after reset)", expected, out);
    }
  };
}

}  // namespace

void add_hash_checks(Registry &registry) {
  for (HashAlg alg :
       {HashAlg::md5, HashAlg::sha1, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512}) {
    registry.add(cipher::hash_name(alg), hash_check(alg));
    registry.add(std::string("HMAC-") + cipher::hash_name(alg), hmac_check(alg));
  }
}

}  // namespace tls::vectors
