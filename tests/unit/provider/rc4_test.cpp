// RC4: one keystream per object that continues across calls, decryption by applying the same
// keystream again, and key sizes outside 1..256 bytes refused. Published keystreams:
// tests/vectors/rc4_rfc6229.txt.
#include <gtest/gtest.h>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

std::unique_ptr<StreamCipher> make(ByteView key) {
  auto rc4 = default_provider()->rc4(key);
  EXPECT_TRUE(rc4.ok());
  return rc4.ok() ? std::move(*rc4) : nullptr;
}

TEST(Rc4, KeystreamContinuesAcrossCalls) {
  const Bytes key = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  Bytes whole(1000, 0);
  make(key)->process(whole);
  auto rc4 = make(key);
  Bytes pieces;
  for (std::size_t n : {1u, 15u, 0u, 256u, 728u}) {
    Bytes part(n, 0);
    rc4->process(part);
    append(pieces, part);
  }
  EXPECT_EQ(pieces, whole);
  // RFC 6229 §2, key 0x0102030405060708090a0b0c0d0e0f10, offset 0.
  EXPECT_EQ(Bytes(whole.begin(), whole.begin() + 4), (Bytes{0x9a, 0xc7, 0xcc, 0x9a}));
}

TEST(Rc4, TheSameKeystreamDecrypts) {
  const Bytes key(16, 0x5a);
  const Bytes msg(300, 0x61);
  Bytes data = msg;
  make(key)->process(data);
  EXPECT_NE(data, msg);
  make(key)->process(data);
  EXPECT_EQ(data, msg);
}

TEST(Rc4, KeySizesOutsideOneTo256AreErrorsNotExceptions) {
  for (std::size_t size : {std::size_t{0}, std::size_t{257}, std::size_t{1000}}) {
    Result<std::unique_ptr<StreamCipher>> rc4 = make_error(AlertDescription::close_notify, "unset");
    EXPECT_NO_THROW(rc4 = default_provider()->rc4(Bytes(size, 1)));
    ASSERT_FALSE(rc4.ok()) << size;
    EXPECT_EQ(rc4.error().alert, AlertDescription::internal_error);
  }
  for (std::size_t size : {std::size_t{1}, std::size_t{5}, std::size_t{256}})
    EXPECT_TRUE(default_provider()->rc4(Bytes(size, 1)).ok()) << size;
}

}  // namespace
}  // namespace tls::cipher
