// tls-vectors: runs published test vectors through tlspp and reports one line per file.
//
//   tls-vectors                 every *.txt file under the vectors directory
//   tls-vectors PATH...         the given files, or every *.txt file under the given folders
//   tls-vectors --seed N ...    the same through the deterministic provider seeded with N
//
// Prints "PASS file (N vectors) — source" or "FAIL file: why" (then each failing vector), and
// finally "N passed, N failed". The exit status is 0 only when every file passed.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "runner.hpp"
#include "vector_file.hpp"

namespace {

void usage() {
  std::cerr << "usage: tls-vectors [--seed N] [FILE_OR_DIR...]\n"
               "Runs the published test vectors (default: "
            << TLS_VECTORS_DIR << ") and prints one line per file.\n";
}

// The path to show: relative to the vectors directory when it lies inside it.
std::string display_path(const std::string &path) {
  std::error_code ec;
  const auto rel = std::filesystem::relative(path, TLS_VECTORS_DIR, ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return rel.string();
  return path;
}

}  // namespace

int main(int argc, char **argv) {
  std::vector<std::string> inputs;
  std::shared_ptr<const tls::cipher::Provider> provider = tls::cipher::default_provider();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      usage();
      return 0;
    }
    if (arg == "--seed") {
      if (i + 1 >= argc) {
        usage();
        return 2;
      }
      provider = tls::cipher::deterministic_provider(std::strtoull(argv[++i], nullptr, 10));
      continue;
    }
    inputs.push_back(arg);
  }
  if (inputs.empty()) inputs.push_back(TLS_VECTORS_DIR);

  std::vector<std::string> files;
  for (const std::string &input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      for (auto &f : tls::vectors::list_vector_files(input))
        files.push_back(f);
    } else if (std::filesystem::is_regular_file(input, ec)) {
      files.push_back(input);
    } else {
      std::cerr << "tls-vectors: " << input << ": no such file or directory\n";
      return 2;
    }
  }
  if (files.empty()) {
    std::cerr << "tls-vectors: no vector files found\n";
    return 1;
  }

  int passed = 0;
  int failed = 0;
  for (const std::string &file : files) {
    const auto report = tls::vectors::run_vector_file(file, tls::vectors::all_checks(), *provider);
    const std::string name = display_path(file);
    if (report.ok()) {
      ++passed;
      std::cout << "PASS " << name << " (" << report.passed() << " vectors";
      if (report.skipped() > 0) std::cout << ", " << report.skipped() << " skipped";
      std::cout << ") \u2014 " << report.source << "\n";
      continue;
    }
    ++failed;
    if (!report.error.empty()) {
      std::cout << "FAIL " << name << ": " << report.error << "\n";
      continue;
    }
    if (report.passed() == 0 && report.failed() == 0) {
      std::cout << "FAIL " << name << ": no vector ran (all skipped)\n";
      continue;
    }
    std::cout << "FAIL " << name << ": " << report.failed() << " of " << report.vectors.size()
              << " vectors failed\n";
    for (const auto &v : report.vectors) {
      for (const std::string &why : v.failures) {
        std::cout << "  line " << v.line << " [" << v.section << "]: " << why << "\n";
      }
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
