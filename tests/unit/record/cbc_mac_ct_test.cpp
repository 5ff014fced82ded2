// The constant-time CBC MAC agrees with the plain record MAC for every plaintext length a record
// can hold, for each hash and for SSL 3.0's construction; the constant-time MAC extraction
// agrees with a plain copy for every offset.
#include <gtest/gtest.h>

#include "record/cbc_mac_ct.hpp"
#include "record/mac.hpp"
#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

struct MacCase {
  cipher::HashAlg alg;
  bool ssl3;
};

class ConstantTimeMac : public ::testing::TestWithParam<MacCase> {};

TEST_P(ConstantTimeMac, AgreesWithThePlainMacForEveryPlaintextLength) {
  const auto [alg, ssl3] = GetParam();
  const Bytes key = pattern(cipher::hash_size(alg), 0x42);
  auto plain = RecordMac::create(*provider(), ssl3, alg, key);
  auto ct = ConstantTimeCbcMac::create(*provider(), ssl3, alg, key);
  ASSERT_TRUE(plain.ok() && ct.ok());
  const std::size_t mac_size = (*plain)->size();
  ASSERT_EQ((*ct)->size(), mac_size);
  const std::size_t max_padding = ssl3 ? 16 : 256;
  const RecordContext context{0x0102030405060708, ContentType::handshake,
                              static_cast<std::uint16_t>(ssl3 ? 0x0300 : 0x0303)};
  Bytes expected(mac_size), got(mac_size);
  // Record sizes around hash-block boundaries, small and large.
  for (std::size_t record_size :
       {mac_size + 1, mac_size + 16, std::size_t{64}, std::size_t{128}, std::size_t{200},
        std::size_t{333}, std::size_t{1024}, std::size_t{1500}}) {
    if (record_size < mac_size + 1) continue;
    const Bytes record = pattern(record_size, 9);
    const std::size_t latest = record_size - mac_size - 1;
    const std::size_t earliest =
        record_size > mac_size + max_padding ? record_size - mac_size - max_padding : 0;
    for (std::size_t plaintext = earliest; plaintext <= latest; ++plaintext) {
      (*plain)->compute(context, ByteView(record).first(plaintext), expected);
      (*ct)->compute(context, record, plaintext, max_padding, got);
      ASSERT_EQ(expected, got) << "record " << record_size << ", plaintext " << plaintext;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Hashes, ConstantTimeMac,
    ::testing::Values(MacCase{cipher::HashAlg::md5, false}, MacCase{cipher::HashAlg::sha1, false},
                      MacCase{cipher::HashAlg::sha256, false},
                      MacCase{cipher::HashAlg::sha384, false}, MacCase{cipher::HashAlg::md5, true},
                      MacCase{cipher::HashAlg::sha1, true}),
    [](const auto &info) {
      return std::string(info.param.ssl3 ? "SSL3_" : "HMAC_") + cipher::hash_name(info.param.alg);
    });

TEST(ExtractMac, AgreesWithAPlainCopyForEveryOffset) {
  for (std::size_t mac_size : {16, 20, 32, 48}) {
    for (std::size_t record_size : {mac_size + 1, std::size_t{100}, std::size_t{400}}) {
      if (record_size < mac_size + 1) continue;
      const Bytes record = pattern(record_size, 3);
      const std::size_t latest = record_size - mac_size;
      const std::size_t earliest = record_size > mac_size + 256 ? record_size - mac_size - 256 : 0;
      for (std::size_t offset = earliest; offset <= latest; ++offset) {
        Bytes got(mac_size);
        extract_mac_ct(record, offset, 256, got);
        ASSERT_TRUE(std::ranges::equal(got, ByteView(record).subspan(offset, mac_size)))
            << "mac " << mac_size << ", record " << record_size << ", offset " << offset;
      }
    }
  }
}

}  // namespace
}  // namespace tls::record::testing
