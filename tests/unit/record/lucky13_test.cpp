// Lucky Thirteen: opening a MAC-then-encrypt CBC record runs the same number of hash
// compressions for every padding length - valid or not - and for a bad MAC, and a bad padding
// and a bad MAC give the same bad_record_mac.
//
// The records are built by hand (plaintext || MAC || padding of the chosen length, CBC
// encrypted), since tlspp itself always sends minimal padding.
#include <gtest/gtest.h>

#include <set>

#include "counting_provider.hpp"
#include "record/mac.hpp"
#include "record_test_util.hpp"

namespace tls::record::testing {
namespace {

struct Lucky13Case {
  const char *suite;
  ProtocolVersion version;
};

class Lucky13 : public ::testing::TestWithParam<Lucky13Case> {
 protected:
  void SetUp() override {
    c_ = {cipher::find_suite(GetParam().suite), GetParam().version, false};
    ASSERT_NE(c_.suite, nullptr);
    keys_ = key_block_for(c_);
    block_ = c_.suite->bulk().block_size;
    explicit_iv_ = to_wire(c_.version) >= 0x0302 ? block_ : 0;
    mac_size_ = cipher::mac_size(c_.suite->mac);
  }

  enum class Damage { none, padding, mac };

  // A record whose body (after the explicit IV) is `body_size` bytes with `padding` + 1 bytes of
  // padding: all of value `padding` (TLS) or arbitrary with the length last (SSL 3.0).
  Bytes make_fragment(std::size_t body_size, std::size_t padding, Damage damage,
                      std::uint64_t seq) {
    const bool ssl3 = c_.version == ProtocolVersion::ssl3;
    const std::size_t data_size = body_size - mac_size_ - 1 - padding;
    const Bytes data = pattern(data_size, static_cast<std::uint8_t>(padding));
    auto mac = RecordMac::create(*provider(), ssl3, cipher::mac_hash(c_.suite->mac),
                                 keys_.client_write_mac_key);
    EXPECT_TRUE(mac.ok());
    const RecordContext context{seq, ContentType::application_data, to_wire(c_.version)};
    Bytes body = data;
    body.resize(data_size + mac_size_);
    (*mac)->compute(context, data, MutableByteView(body).subspan(data_size));
    for (std::size_t i = 0; i < padding; ++i)
      body.push_back(ssl3 ? static_cast<std::uint8_t>(0xa0 + i)
                          : static_cast<std::uint8_t>(padding));
    body.push_back(static_cast<std::uint8_t>(padding));
    if (damage == Damage::padding) body[body.size() - 1 - padding] ^= 0x01;  // first padding byte
    if (damage == Damage::mac) body[data_size] ^= 0x01;
    EXPECT_EQ(body.size(), body_size);

    cipher::BlockCipherAlg alg = cipher::BlockCipherAlg::aes128;
    if (c_.suite->cipher == cipher::BulkCipher::aes256_cbc) alg = cipher::BlockCipherAlg::aes256;
    if (c_.suite->cipher == cipher::BulkCipher::des_ede3_cbc)
      alg = cipher::BlockCipherAlg::des_ede3;
    auto cbc = provider()->cbc(alg, keys_.client_write_key);
    EXPECT_TRUE(cbc.ok());
    Bytes iv = explicit_iv_ ? pattern(block_, 0x55)
                            : Bytes(keys_.client_write_iv.begin(), keys_.client_write_iv.end());
    (*cbc)->encrypt(iv, body);
    Bytes fragment = explicit_iv_ ? iv : Bytes{};
    append(fragment, body);
    return fragment;
  }

  // Opens one record with a fresh protection built on a counting provider; returns the
  // compressions it took and whether it opened.
  std::size_t open_counting(const Bytes &fragment, std::uint64_t seq, bool *opened,
                            Bytes *plaintext) {
    auto counting = std::make_shared<CountingProvider>(provider());
    auto reader =
        make_protection(counting, c_.version, *c_.suite, keys_, false, Direction::read, false);
    EXPECT_TRUE(reader.ok());
    Bytes work = fragment;
    const RecordContext context{seq, ContentType::application_data, to_wire(c_.version)};
    counting->reset();
    auto result = (*reader)->open(context, work);
    const std::size_t count = counting->compressions();
    *opened = result.ok();
    if (result.ok())
      plaintext->assign(result->begin(), result->end());
    else
      EXPECT_EQ(result.error().alert, AlertDescription::bad_record_mac);
    return count;
  }

  SuiteCase c_;
  cipher::KeyBlock keys_;
  std::size_t block_ = 0, explicit_iv_ = 0, mac_size_ = 0;
};

TEST_P(Lucky13, SameCompressionsForEveryPaddingLength) {
  const bool ssl3 = c_.version == ProtocolVersion::ssl3;
  const std::size_t max_padding = ssl3 ? block_ - 1 : 255;
  // A body long enough for every padding length, and a short one where the padding may cover
  // most of the record.
  for (std::size_t blocks :
       {std::size_t{20}, (mac_size_ + 256) / block_ + 1, (mac_size_ + block_) / block_ + 1}) {
    const std::size_t body_size = blocks * block_;
    std::set<std::size_t> counts;
    int opened_count = 0, refused = 0;
    for (std::size_t padding = 0; padding <= max_padding; ++padding) {
      if (mac_size_ + 1 + padding > body_size) break;
      for (Damage damage : {Damage::none, Damage::padding, Damage::mac}) {
        if (damage == Damage::padding && (ssl3 || padding == 0)) continue;  // no checked bytes
        const Bytes fragment = make_fragment(body_size, padding, damage, 7);
        bool opened = false;
        Bytes plaintext;
        counts.insert(open_counting(fragment, 7, &opened, &plaintext));
        if (damage == Damage::none) {
          ASSERT_TRUE(opened) << "padding " << padding;
          EXPECT_EQ(plaintext.size(), body_size - mac_size_ - 1 - padding);
          EXPECT_EQ(plaintext, pattern(plaintext.size(), static_cast<std::uint8_t>(padding)));
          ++opened_count;
        } else {
          EXPECT_FALSE(opened) << "padding " << padding;
          ++refused;
        }
      }
    }
    EXPECT_EQ(counts.size(), 1u) << "compression counts differ for a body of " << body_size
                                 << " bytes: " << ::testing::PrintToString(counts);
    EXPECT_GT(opened_count, 1);
    EXPECT_GT(refused, 1);
  }
}

// The padding length byte pointing beyond the record (255 in a short record) costs the same.
TEST_P(Lucky13, PaddingLongerThanTheRecordCostsTheSame) {
  const std::size_t body_size = ((mac_size_ + 1) / block_ + 2) * block_;
  const Bytes good = make_fragment(body_size, 0, Damage::none, 1);
  bool opened = false;
  Bytes plaintext;
  const std::size_t baseline = open_counting(good, 1, &opened, &plaintext);
  ASSERT_TRUE(opened);
  // Same sizes, last plaintext byte (the padding length) forced to 0xff by flipping the
  // ciphertext of the block before it (or the IV).
  Bytes bad = good;
  const std::size_t last_byte_of_previous_block = bad.size() - block_ - 1;
  bad[last_byte_of_previous_block] ^= 0xff;  // the decrypted length byte becomes 0x00 ^ 0xff
  const std::size_t count = open_counting(bad, 1, &opened, &plaintext);
  EXPECT_FALSE(opened);
  EXPECT_EQ(count, baseline);
}

std::string lucky13_case_name(const ::testing::TestParamInfo<Lucky13Case> &info) {
  return SuiteCase{cipher::find_suite(info.param.suite), info.param.version, false}.name();
}

const Lucky13Case kLucky13Cases[] = {
    {"AES128-SHA", ProtocolVersion::tls12},    {"AES128-SHA", ProtocolVersion::tls10},
    {"AES128-SHA256", ProtocolVersion::tls12}, {"ECDHE-RSA-AES256-SHA384", ProtocolVersion::tls12},
    {"DES-CBC3-SHA", ProtocolVersion::tls11},  {"AES128-SHA", ProtocolVersion::ssl3},
    {"DES-CBC3-SHA", ProtocolVersion::ssl3},
};

INSTANTIATE_TEST_SUITE_P(CbcSuites, Lucky13, ::testing::ValuesIn(kLucky13Cases), lucky13_case_name);

}  // namespace
}  // namespace tls::record::testing
