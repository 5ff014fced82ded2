// Every suite × every version it allows × every certificate type that fits: our client and our
// server complete a full handshake in memory, agree on what was negotiated, exchange
// application data both ways and close with close_notify.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cipher/suites.hpp"
#include "support/pump.hpp"

namespace tls::handshake::test {
namespace {

struct Case {
  std::uint16_t suite;
  ProtocolVersion version;
  std::string certificate;  // tests/data name
};

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const cipher::CipherSuite &suite : cipher::all_suites()) {
    for (ProtocolVersion v : {ProtocolVersion::ssl3, ProtocolVersion::tls10, ProtocolVersion::tls11,
                              ProtocolVersion::tls12}) {
      if (!suite.allows(v)) continue;
      if (suite.auth & cipher::aRSA) out.push_back({suite.id, v, "server-rsa2048"});
      if (suite.auth & cipher::aECDSA) {
        out.push_back({suite.id, v, "server-p256"});
        if (v == ProtocolVersion::tls12) out.push_back({suite.id, v, "server-ed25519"});
      }
    }
  }
  return out;
}

std::string case_name(const testing::TestParamInfo<Case> &info) {
  std::string name = std::string(cipher::find_suite(info.param.suite)->name) + "_" +
                     version_name(info.param.version) + "_" + info.param.certificate;
  for (char &c : name)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

class FullHandshake : public testing::TestWithParam<Case> {};

TEST_P(FullHandshake, CompletesExchangesDataAndCloses) {
  const Case &c = GetParam();
  Pair pair;
  Config &client = pair.client_config();
  Config &server = pair.server_config();
  client.min_version = client.max_version = c.version;
  client.cipher_suites = {c.suite};
  client.verify_mode = VerifyMode::peer;
  client.trust_store = test_trust_store();
  server.min_version = ProtocolVersion::ssl3;
  server.max_version = ProtocolVersion::tls12;
  for (const cipher::CipherSuite &s : cipher::all_suites())
    server.cipher_suites.push_back(s.id);
  server.certificates.push_back(load_certified(c.certificate, *pair.server().provider));
  std::vector<std::string> client_keylog;
  client.keylog = [&](std::string_view line) { client_keylog.emplace_back(line); };
  pair.start();

  ASSERT_TRUE(pair.run()) << (pair.client().machine->error()
                                  ? pair.client().machine->error()->to_string()
                                  : std::string()) +
                                 " / " +
                                 (pair.server().machine->error()
                                      ? pair.server().machine->error()->to_string()
                                      : std::string());
  const Negotiated &cn = pair.client().machine->negotiated();
  const Negotiated &sn = pair.server().machine->negotiated();
  EXPECT_EQ(cn.version, c.version);
  EXPECT_EQ(sn.version, c.version);
  ASSERT_NE(cn.suite, nullptr);
  EXPECT_EQ(cn.suite->id, c.suite);
  EXPECT_EQ(sn.suite, cn.suite);
  EXPECT_EQ(cn.master_secret.size(), 48u);
  EXPECT_EQ(cn.master_secret, sn.master_secret);
  EXPECT_EQ(cn.client_verify_data, sn.client_verify_data);
  EXPECT_EQ(cn.server_verify_data, sn.server_verify_data);
  EXPECT_EQ(cn.client_verify_data.size(), c.version == ProtocolVersion::ssl3 ? 36u : 12u);
  // Extensions a TLS hello carries by default; SSL 3.0 keeps only renegotiation_info (SCSV).
  EXPECT_TRUE(cn.secure_renegotiation);
  EXPECT_TRUE(sn.secure_renegotiation);
  EXPECT_EQ(cn.extended_master_secret, c.version != ProtocolVersion::ssl3);
  EXPECT_EQ(sn.extended_master_secret, cn.extended_master_secret);
  const bool cbc = cn.suite->bulk().kind == cipher::CipherKind::cbc;
  EXPECT_EQ(cn.encrypt_then_mac, cbc && c.version != ProtocolVersion::ssl3);
  EXPECT_EQ(sn.encrypt_then_mac, cn.encrypt_then_mac);
  ASSERT_TRUE(cn.verify_result.has_value());
  EXPECT_TRUE(cn.verify_result->ok);
  EXPECT_EQ(cn.peer_chain.size(), 2u);
  EXPECT_EQ(sn.server_name, c.version == ProtocolVersion::ssl3 ? "" : "localhost");
  ASSERT_EQ(client_keylog.size(), 1u);
  EXPECT_EQ(client_keylog[0].rfind("CLIENT_RANDOM ", 0), 0u);

  const std::string ping = "ping from the client", pong = "pong from the server";
  auto got = pair.send_application_data(true, as_bytes(ping));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(std::string(got->begin(), got->end()), ping);
  got = pair.send_application_data(false, as_bytes(pong));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(std::string(got->begin(), got->end()), pong);
  EXPECT_TRUE(pair.close(true));
  EXPECT_TRUE(pair.close(false));
}

INSTANTIATE_TEST_SUITE_P(AllSuites, FullHandshake, testing::ValuesIn(all_cases()), case_name);

}  // namespace
}  // namespace tls::handshake::test
