// Runs the record known-answer files (tests/vectors/record_*.txt) and checks that they can fail:
// changing a byte of any hex field of any vector must make that vector fail.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hex.hpp"
#include "record_test_util.hpp"
#include "runner.hpp"
#include "vector_file.hpp"

namespace tls::vectors {
namespace {

const std::vector<std::string> kFiles = {
    "record_illustrated_tls12.txt",
    "record_tlslite_ng.txt",
};

std::string path_of(const std::string &name) {
  return std::string(TLS_VECTORS_DIR) + "/" + name;
}

class RecordVectorFile : public ::testing::TestWithParam<std::string> {};

TEST_P(RecordVectorFile, EveryVectorPasses) {
  const auto provider = record::testing::provider();
  const FileReport report = run_vector_file(path_of(GetParam()), all_checks(), *provider);
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

// Flipping a bit in the first and in the last byte of every hex field must be noticed: the keys,
// the record (header, IV, body, MAC), the plaintext.
TEST_P(RecordVectorFile, ChangingAnyHexFieldFails) {
  const auto provider = record::testing::provider();
  std::string error;
  const auto file = parse_vector_file(path_of(GetParam()), &error);
  ASSERT_TRUE(file.has_value()) << error;
  int mutations = 0;
  for (const Vector &original : file->vectors) {
    const Check *check = all_checks().find(original.section());
    ASSERT_NE(check, nullptr) << original.section();
    Vector probe = original;
    // A record that must be refused stays refused when changed: nothing to learn there.
    if (probe.has("Result")) continue;
    const std::vector<std::string> names = probe.unread_fields();
    for (const std::string &name : names) {
      Vector reader = original;
      const std::string value = reader.text(name);
      auto bytes = from_hex(value);
      if (!bytes || bytes->size() < 2) continue;  // text and number fields
      for (const std::size_t index : {std::size_t{0}, bytes->size() - 1}) {
        Bytes changed = *bytes;
        changed[index] ^= 0x10;
        Vector mutated(original.section(), original.line());
        for (const std::string &other : names) {
          Vector r = original;
          mutated.add_field(other, other == name ? to_hex(changed) : r.text(other), 0);
        }
        (*check)(mutated, *provider);
        EXPECT_FALSE(mutated.errors().empty())
            << GetParam() << ":" << original.line() << ": changing byte " << index << " of " << name
            << " went unnoticed";
        ++mutations;
      }
    }
  }
  EXPECT_GT(mutations, 0);
}

INSTANTIATE_TEST_SUITE_P(Files, RecordVectorFile, ::testing::ValuesIn(kFiles),
                         [](const auto &info) {
                           return info.param.substr(0, info.param.find('.'));
                         });

}  // namespace
}  // namespace tls::vectors
