// Runs the PRF and key-schedule vector files, and checks that they can fail: changing any one
// byte of any hex field of any vector must make that vector fail.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hex.hpp"
#include "hash_provider.hpp"
#include "runner.hpp"
#include "vector_file.hpp"

namespace tls::vectors {
namespace {

const std::vector<std::string> kFiles = {
    "tls_prf_tls10.txt",
    "tls_prf_tls12.txt",
    "tls_key_schedule_gnutls.txt",
    "tls12_illustrated_connection.txt",
};

std::string path_of(const std::string &name) {
  return std::string(TLS_VECTORS_DIR) + "/" + name;
}

class PrfVectorFile : public ::testing::TestWithParam<std::string> {};

TEST_P(PrfVectorFile, EveryVectorPasses) {
  const cipher::testing::HashProvider provider;
  const FileReport report = run_vector_file(path_of(GetParam()), all_checks(), provider);
  ASSERT_TRUE(report.error.empty()) << report.error;
  EXPECT_GT(report.passed(), 0);
  EXPECT_EQ(report.skipped(), 0);
  for (const VectorOutcome &outcome : report.vectors) {
    std::string why;
    for (const std::string &f : outcome.failures)
      why += "\n  " + f;
    EXPECT_TRUE(outcome.passed) << GetParam() << ":" << outcome.line << " [" << outcome.section
                                << "]" << why;
  }
}

// Changes every byte of every hex field in turn (all eight bits, since X25519 ignores some bits
// of its inputs by design) and runs the vector's check, which must then fail.
TEST_P(PrfVectorFile, ChangingAnyByteOfAnyFieldFails) {
  const cipher::testing::HashProvider provider;
  std::string error;
  const auto file = parse_vector_file(path_of(GetParam()), &error);
  ASSERT_TRUE(file.has_value()) << error;
  int mutations = 0;
  for (const Vector &original : file->vectors) {
    const Check *check = all_checks().find(original.section());
    ASSERT_NE(check, nullptr) << original.section();
    Vector probe = original;
    const std::vector<std::string> names = probe.unread_fields();  // every field, in order
    for (const std::string &name : names) {
      Vector reader = original;
      const std::string value = reader.text(name);
      auto bytes = from_hex(value);
      if (!bytes || bytes->empty()) continue;  // text fields (Version, Suite) and empty seeds
      for (std::size_t index = 0; index < bytes->size(); ++index) {
        Bytes changed = *bytes;
        changed[index] ^= 0xff;
        Vector mutated(original.section(), original.line());
        for (const std::string &other : names) {
          Vector r = original;
          mutated.add_field(other, other == name ? to_hex(changed) : r.text(other), 0);
        }
        (*check)(mutated, provider);
        EXPECT_FALSE(mutated.errors().empty())
            << GetParam() << ":" << original.line() << ": changing byte " << index << " of " << name
            << " went unnoticed";
        ++mutations;
      }
    }
  }
  EXPECT_GT(mutations, 0);
}

INSTANTIATE_TEST_SUITE_P(Files, PrfVectorFile, ::testing::ValuesIn(kFiles), [](const auto &info) {
  std::string name = info.param.substr(0, info.param.find('.'));
  for (char &c : name) {
    if (c == '-') c = '_';
  }
  return name;
});

}  // namespace
}  // namespace tls::vectors
