// Runs vector files: each [section] names a check; the check reads the vector's fields, runs
// tlspp's code on the inputs and compares with the expected outputs.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "vector_file.hpp"

namespace tls::vectors {

// A check reads what it needs from the vector and records failures with v.fail() /
// v.expect_equal().
using Check = std::function<void(Vector &v, const cipher::Provider &provider)>;

class Registry {
 public:
  void add(const std::string &section, Check check);
  const Check *find(const std::string &section) const;

 private:
  std::map<std::string, Check> checks_;
};

// Every check tlspp has; each area adds its own in checks_<area>.cpp.
const Registry &all_checks();

// Features a vector may require with `Requires = <feature>`.
const std::set<std::string> &available_features();

struct VectorOutcome {
  int line = 0;
  std::string section;
  bool passed = false;
  bool skipped = false;
  std::vector<std::string> failures;
};

struct FileReport {
  std::string path;
  std::string source;
  std::string error;  // the file could not be parsed
  std::vector<VectorOutcome> vectors;
  int passed() const;
  int failed() const;
  int skipped() const;
  bool ok() const { return error.empty() && failed() == 0 && passed() > 0; }
};

FileReport run_vector_file(const std::string &path, const Registry &registry,
                           const cipher::Provider &provider);

// Runs one vector (already parsed) through its check.
VectorOutcome run_vector(Vector &v, const Registry &registry, const cipher::Provider &provider);

// Registration functions, one per area (see checks_*.cpp).
void add_hash_checks(Registry &registry);
void add_cipher_checks(Registry &registry);
void add_public_key_checks(Registry &registry);
void add_prf_checks(Registry &registry);
void add_record_checks(Registry &registry);

}  // namespace tls::vectors
