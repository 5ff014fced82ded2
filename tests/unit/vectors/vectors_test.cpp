// Every file under tests/vectors, run through its checks (one test per file), and a mutation
// test per file: changing one byte of any hex field of any vector must make that vector fail,
// which shows that each check really compares every value it reads. Files added later are
// covered automatically: the test list comes from the folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "common/hex.hpp"
#include "runner.hpp"
#include "vector_file.hpp"

namespace tls::vectors {
namespace {

std::vector<std::string> vector_files() {
  return list_vector_files(TLS_VECTORS_DIR);
}

// A test name from a file name: "hmac_rfc4231.txt" -> "hmac_rfc4231".
std::string test_name(const testing::TestParamInfo<std::string> &info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char &c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class VectorFileTest : public testing::TestWithParam<std::string> {};

TEST_P(VectorFileTest, AllVectorsPass) {
  const FileReport report =
      run_vector_file(GetParam(), all_checks(), *cipher::default_provider());
  ASSERT_TRUE(report.error.empty()) << report.error;
  EXPECT_FALSE(report.source.empty());
  EXPECT_GT(report.passed(), 0) << "no vector of " << GetParam() << " ran";
  for (const VectorOutcome &v : report.vectors) {
    for (const std::string &why : v.failures) {
      ADD_FAILURE() << GetParam() << ":" << v.line << " [" << v.section << "]: " << why;
    }
  }
}

// The byte positions of a field that are mutated: all of them for short fields, otherwise 64
// spread evenly from the first to the last (long messages would make the test slow without
// telling more).
std::vector<std::size_t> positions(std::size_t size) {
  constexpr std::size_t kMax = 64;
  std::vector<std::size_t> out;
  if (size <= kMax) {
    for (std::size_t i = 0; i < size; ++i) out.push_back(i);
    return out;
  }
  for (std::size_t k = 0; k < kMax; ++k) out.push_back(k * (size - 1) / (kMax - 1));
  return out;
}

class VectorMutationTest : public testing::TestWithParam<std::string> {};

TEST_P(VectorMutationTest, ChangingAnyByteOfAnyHexFieldFails) {
  std::string error;
  const auto file = parse_vector_file(GetParam(), &error);
  ASSERT_TRUE(file.has_value()) << error;
  const Registry &registry = all_checks();
  const auto &provider = *cipher::default_provider();
  int mutations = 0;
  for (const Vector &pristine : file->vectors) {
    const std::string where = GetParam() + ":" + std::to_string(pristine.line()) + " [" +
                              pristine.section() + "]";
    Vector unchanged = pristine;
    const VectorOutcome baseline = run_vector(unchanged, registry, provider);
    if (baseline.skipped) continue;
    ASSERT_TRUE(baseline.passed) << where << " fails before any change";

    const auto fields = pristine.fields();
    const bool expects_failure =
        std::any_of(fields.begin(), fields.end(), [](const auto &f) { return f.first == "Result"; });
    for (const auto &[name, value] : fields) {
      if (name == "Requires") continue;
      if (name == "Result") {
        // A vector that expects a failure must fail when it expects a different one.
        Vector changed = pristine;
        changed.set_value(name, value == "decode_error" ? "illegal_parameter" : "decode_error");
        EXPECT_FALSE(run_vector(changed, registry, provider).passed)
            << where << ": still passes with Result changed from " << value;
        ++mutations;
        continue;
      }
      // Inputs of a vector that expects a failure may well fail the same way once changed;
      // only the expected outcome is mutated there.
      if (expects_failure) continue;
      const auto bytes = from_hex(value);
      if (!bytes || bytes->empty()) continue;  // text or decimal fields, empty values
      for (std::size_t at : positions(bytes->size())) {
        // Every bit of the byte is flipped: some algorithms ignore particular bits by design
        // (X25519 clamps three low bits and the top bit of a scalar, and masks the top bit of
        // a u-coordinate), so a single-bit change would not always be visible.
        Bytes changed_bytes = *bytes;
        changed_bytes[at] ^= 0xff;
        Vector changed = pristine;
        changed.set_value(name, to_hex(changed_bytes));
        EXPECT_FALSE(run_vector(changed, registry, provider).passed)
            << where << ": still passes with byte " << at << " of " << name << " changed";
        ++mutations;
      }
    }
  }
  EXPECT_GT(mutations, 0) << GetParam() << " has no field to mutate";
}

INSTANTIATE_TEST_SUITE_P(Files, VectorFileTest, testing::ValuesIn(vector_files()), test_name);
INSTANTIATE_TEST_SUITE_P(Files, VectorMutationTest, testing::ValuesIn(vector_files()), test_name);

// The runner itself: a check that reads every field but compares nothing would pass any
// vector, so the mutation test must notice. This builds such a vector by hand.
TEST(VectorRunner, UnreadFieldFailsAndUnknownSectionFails) {
  Vector v("SHA256", 1);
  v.add_field("Msg", "616263", 1);
  v.add_field("Digest", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 2);
  v.add_field("Typo", "00", 3);
  const auto outcome = run_vector(v, all_checks(), *cipher::default_provider());
  EXPECT_FALSE(outcome.passed);
  ASSERT_EQ(outcome.failures.size(), 1u);
  EXPECT_NE(outcome.failures[0].find("Typo"), std::string::npos);

  Vector unknown("No-Such-Check", 1);
  unknown.add_field("X", "00", 1);
  EXPECT_FALSE(run_vector(unknown, all_checks(), *cipher::default_provider()).passed);
}

}  // namespace
}  // namespace tls::vectors
