// Golden transcripts: with the deterministic provider and fixed seeds a handshake is
// reproducible byte for byte. Each version's wire bytes (handshake, one application record
// each way, close_notify both ways) are compared with tests/golden/<version>.txt, regression
// files written by tlspp itself (TLSPP_UPDATE_GOLDEN=1 rewrites them after an intended change).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/hex.hpp"
#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

struct GoldenCase {
  const char *file;
  ProtocolVersion version;
  const char *suite;
};

std::string transcript_text(const GoldenCase &g) {
  Pair pair(/*client_seed=*/0x5eed0001, /*server_seed=*/0x5eed0002);
  configure(pair, {g.suite, g.version, "server-rsa2048", false, nullptr});
  pair.start();
  EXPECT_TRUE(pair.run()) << error_text(pair.client()) << " / " << error_text(pair.server());
  EXPECT_TRUE(pair.send_application_data(true, as_bytes("GET / HTTP/1.0\r\n\r\n")).has_value());
  EXPECT_TRUE(pair.send_application_data(false, as_bytes("HTTP/1.0 200 OK\r\n\r\n")).has_value());
  EXPECT_TRUE(pair.close(true));
  EXPECT_TRUE(pair.close(false));
  std::ostringstream out;
  out << "# tlspp regression transcript (not a published vector): " << version_name(g.version)
      << " " << g.suite << ", RSA-2048 server, client seed 0x5eed0001, server seed 0x5eed0002\n";
  for (const WireChunk &chunk : pair.wire())
    out << (chunk.from_client ? "C> " : "S> ") << to_hex(chunk.bytes) << "\n";
  return out.str();
}

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, SameSeedSameBytesAsTheGoldenFile) {
  const GoldenCase &g = GetParam();
  const std::string first = transcript_text(g);
  const std::string second = transcript_text(g);
  ASSERT_EQ(first, second) << "the same seeds gave different wire bytes";
  const std::string path = std::string(TLS_SOURCE_DIR) + "/tests/golden/" + g.file;
  if (std::getenv("TLSPP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << first;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing " << path << " (run with TLSPP_UPDATE_GOLDEN=1)";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(first, golden.str());
}

INSTANTIATE_TEST_SUITE_P(
    PerVersion, Golden,
    testing::Values(GoldenCase{"ssl3.txt", ProtocolVersion::ssl3, "AES128-SHA"},
                    GoldenCase{"tls10.txt", ProtocolVersion::tls10, "DHE-RSA-AES128-SHA"},
                    GoldenCase{"tls11.txt", ProtocolVersion::tls11, "ECDHE-RSA-AES256-SHA"},
                    GoldenCase{"tls12.txt", ProtocolVersion::tls12, "ECDHE-RSA-AES128-GCM-SHA256"}),
    [](const testing::TestParamInfo<GoldenCase> &info) {
      std::string name = version_name(info.param.version);
      for (char &c : name)
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

}  // namespace
}  // namespace tls::handshake::test
