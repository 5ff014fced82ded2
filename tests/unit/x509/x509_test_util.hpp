// Helpers shared by the x509 tests: test data files, DER surgery, running openssl.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "support/process.hpp"
#include "x509/asn1_tree.hpp"
#include "x509/certificate.hpp"
#include "x509/load.hpp"
#include "x509/pem.hpp"

namespace tls::x509::test {

inline std::string data_path(const std::string &name) {
  return std::string(TLS_TEST_DATA_DIR) + "/" + name;
}

inline Bytes read_data(const std::string &name) {
  auto bytes = read_file(data_path(name));
  EXPECT_TRUE(bytes.ok()) << name;
  return bytes.ok() ? *bytes : Bytes{};
}

// The first certificate of a test data file (PEM or DER).
inline Certificate load_cert(const std::string &name) {
  auto certs = load_certificates_file(data_path(name));
  if (!certs) {
    ADD_FAILURE() << name << ": " << certs.error().reason;
    std::abort();
  }
  return certs->front();
}

inline std::vector<Certificate> load_certs(const std::vector<std::string> &names) {
  std::vector<Certificate> out;
  for (const std::string &n : names) {
    auto certs = load_certificates_file(data_path(n));
    if (!certs) {
      ADD_FAILURE() << n << ": " << certs.error().reason;
      continue;
    }
    out.insert(out.end(), certs->begin(), certs->end());
  }
  return out;
}

// The DER of the first PEM block of a test data file.
inline Bytes pem_der(const std::string &name) {
  auto blocks = parse_pem(read_data(name));
  if (!blocks || blocks->empty()) {
    ADD_FAILURE() << name << ": no PEM block";
    return {};
  }
  return Bytes((*blocks)[0].der.begin(), (*blocks)[0].der.end());
}

// Every file of tests/data with one of the given extensions, sorted.
inline std::vector<std::string> data_files(const std::vector<std::string> &extensions) {
  std::vector<std::string> out;
  for (const auto &entry : std::filesystem::directory_iterator(TLS_TEST_DATA_DIR)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    for (const std::string &ext : extensions) {
      if (name.size() > ext.size() &&
          name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        out.push_back(name);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs a shell command (tests/support/process.hpp).
using tls::test::run;

inline bool have_openssl() {
  static const bool have = run("openssl version >/dev/null 2>&1").has_value();
  return have;
}

// DER surgery: the certificate's tree, for tests that break one field and re-encode (lengths
// are recomputed by encode_asn1_tree).
inline std::vector<Asn1Node> tree_of(ByteView der) {
  auto tree = parse_asn1_tree(der);
  EXPECT_TRUE(tree.ok()) << (tree.ok() ? "" : tree.error().reason);
  return tree.ok() ? *tree : std::vector<Asn1Node>{};
}

// A node by path of child indexes from the root ({0, 2} = second-level third child).
inline Asn1Node &node_at(std::vector<Asn1Node> &tree, std::initializer_list<std::size_t> path) {
  Asn1Node *node = &tree.at(0);
  for (std::size_t i : path)
    node = &node->children.at(i);
  return *node;
}

// Replaces a primitive node's contents (the node keeps pointing at `storage`).
inline void set_content(Asn1Node &node, const Bytes &storage) {
  node.element.content = storage;
}

inline std::string error_of(const Result<Certificate> &r) {
  return r.ok() ? std::string("(parsed)") : r.error().reason;
}

}  // namespace tls::x509::test
