// tools/tls-x509 on every file of tests/data.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "x509/load.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using test::data_path;

// The tool is built next to the test program.
std::string tool() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (self.parent_path() / "tls-x509").string();
}

bool tool_exists() {
  return std::filesystem::exists(tool());
}

struct ToolRun {
  int status = -1;
  std::string out;
};

ToolRun run_tool(const std::string &args) {
  ToolRun r;
  const auto out = test::run("'" + tool() + "' " + args + " 2>&1", &r.status);
  r.out = out.value_or("");
  return r;
}

std::vector<std::string> all_data_files() {
  std::vector<std::string> out;
  for (const auto &entry : std::filesystem::directory_iterator(TLS_TEST_DATA_DIR))
    if (entry.is_regular_file()) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool is_data(const std::string &f) {
  return f != "make-certs.sh" && f != "README.md";
}

TEST(Tool, PrintsEveryFile) {
  if (!tool_exists()) GTEST_SKIP() << "tls-x509 not built";
  std::size_t printed = 0;
  for (const std::string &f : all_data_files()) {
    SCOPED_TRACE(f);
    const ToolRun r = run_tool("'" + data_path(f) + "'");
    if (!is_data(f)) {
      EXPECT_EQ(r.status, 120) << r.out;  // not a certificate or key: a clean error
      continue;
    }
    EXPECT_EQ(r.status, 0) << r.out;
    const Bytes data = test::read_data(f);
    auto certs = load_certificates(data);
    if (certs.ok()) {
      // Each certificate is printed, with its subject and fingerprint.
      for (const Certificate &c : *certs)
        EXPECT_NE(r.out.find("Subject: " + c.subject().to_string()), std::string::npos);
      EXPECT_NE(r.out.find("SHA256 Fingerprint="), std::string::npos);
    } else {
      EXPECT_TRUE(r.out.find("Private key: ") != std::string::npos ||
                  r.out.find("Public key: ") != std::string::npos)
          << r.out;
    }
    ++printed;
  }
  EXPECT_GT(printed, 80u);
}

TEST(Tool, FingerprintsAgreeWithOpenssl) {
  if (!tool_exists() || !test::have_openssl()) GTEST_SKIP();
  for (const char *f : {"root-ca.pem", "server-ed25519.pem", "leaf-sig-rsa-pss.pem"}) {
    const ToolRun r = run_tool("'" + data_path(f) + "'");
    const auto theirs =
        test::run("openssl x509 -noout -fingerprint -sha256 -in '" + data_path(f) + "'");
    ASSERT_TRUE(theirs);
    // "sha256 Fingerprint=AB:..." vs "SHA256 Fingerprint=AB:..."
    EXPECT_NE(r.out.find("SHA256" + theirs->substr(6)), std::string::npos) << *theirs;
  }
}

TEST(Tool, Asn1DumpOfEveryFileMatchesOpensslAsn1parse) {
  if (!tool_exists()) GTEST_SKIP() << "tls-x509 not built";
  for (const std::string &f : all_data_files()) {
    SCOPED_TRACE(f);
    const ToolRun r = run_tool("--asn1 '" + data_path(f) + "'");
    if (!is_data(f)) {
      EXPECT_EQ(r.status, 120) << r.out;
      continue;
    }
    EXPECT_EQ(r.status, 0) << r.out;
    if (!test::have_openssl()) continue;
    const Bytes data = test::read_data(f);
    const bool pem = contains_pem(data);
    if (pem) {
      auto blocks = parse_pem(data);
      if (!blocks || blocks->size() != 1) continue;  // openssl dumps only the first block
    }
    const auto theirs =
        test::run("openssl asn1parse -in '" + data_path(f) + "'" + (pem ? "" : " -inform DER"));
    ASSERT_TRUE(theirs);
    EXPECT_EQ(r.out, *theirs);
  }
}

TEST(Tool, VerifyPrintsOkOrTheErrorAndExitsWithItsCode) {
  if (!tool_exists()) GTEST_SKIP() << "tls-x509 not built";
  const std::string common =
      "--verify --CAfile '" + data_path("root-ca.pem") + "' --time 2030-06-01T00:00:00Z ";
  ToolRun ok =
      run_tool(common + "--host localhost '" + data_path("server-rsa2048.chain.pem") + "'");
  EXPECT_EQ(ok.status, 0);
  EXPECT_EQ(ok.out, "OK\n");
  ToolRun ip = run_tool(common + "--host ::1 '" + data_path("server-ed25519.chain.pem") + "'");
  EXPECT_EQ(ip.status, 0) << ip.out;

  ToolRun expired = run_tool(common + "'" + data_path("leaf-expired.pem") + "' --untrusted '" +
                             data_path("intermediate-ca.pem") + "'");
  EXPECT_EQ(expired.status, 10);
  EXPECT_NE(expired.out.find("error 10 (X509_V_ERR_CERT_HAS_EXPIRED) at depth 0"),
            std::string::npos)
      << expired.out;
  EXPECT_NE(expired.out.find("subject: C = US, O = tlspp test, CN = leaf.example"),
            std::string::npos);

  ToolRun host =
      run_tool(common + "--host other.example '" + data_path("server-p256.chain.pem") + "'");
  EXPECT_EQ(host.status, 62);
  EXPECT_NE(host.out.find("hostname 'other.example' not in certificate (DNS:localhost)"),
            std::string::npos)
      << host.out;

  ToolRun ca_false = run_tool(common + "'" + data_path("leaf-under-ca-false.pem") +
                              "' --untrusted '" + data_path("ca-false.pem") + "'");
  EXPECT_EQ(ca_false.status, 79);
  EXPECT_NE(ca_false.out.find("at depth 1"), std::string::npos);

  ToolRun dir =
      run_tool("--verify --CApath '" + data_path("ca-dir") + "' --time 2030-06-01T00:00:00Z '" +
               data_path("leaf-sig-ed25519.pem") + "'");
  EXPECT_EQ(dir.status, 0) << dir.out;

  // Without --time the tool uses the clock: the expired leaf stays expired.
  ToolRun now = run_tool("--verify --CAfile '" + data_path("root-ca.pem") + "' '" +
                         data_path("leaf-expired.pem") + "' --untrusted '" +
                         data_path("intermediate-ca.pem") + "'");
  EXPECT_EQ(now.status, 10);
}

TEST(Tool, BadUsageAndBadInput) {
  if (!tool_exists()) GTEST_SKIP() << "tls-x509 not built";
  EXPECT_EQ(run_tool("").status, 120);
  EXPECT_EQ(run_tool("--verify '" + data_path("server-p256.pem") + "'").status, 120);
  EXPECT_EQ(run_tool("--verify --CAfile '" + data_path("root-ca.pem") + "' --time yesterday '" +
                     data_path("server-p256.pem") + "'")
                .status,
            120);
  const ToolRun missing = run_tool("'" + data_path("no-such-file.pem") + "'");
  EXPECT_EQ(missing.status, 120);
  EXPECT_NE(missing.out.find("no-such-file.pem"), std::string::npos);
  EXPECT_EQ(run_tool("--help").status, 0);
}

}  // namespace
}  // namespace tls::x509
