// Runs the PRF and key-schedule vector files through a provider that offers nothing but hashes
// and HMAC: the PRF and the key schedule need no other primitive. (Every vector file, and the
// check that changing any byte makes it fail, is tests/unit/vectors.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

INSTANTIATE_TEST_SUITE_P(Files, PrfVectorFile, ::testing::ValuesIn(kFiles), [](const auto &info) {
  std::string name = info.param.substr(0, info.param.find('.'));
  for (char &c : name) {
    if (c == '-') c = '_';
  }
  return name;
});

}  // namespace
}  // namespace tls::vectors
