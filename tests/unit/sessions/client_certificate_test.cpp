// The client's choice of certificate for a CertificateRequest: key type and signature schemes
// the server accepts, certificates under a CA the server named first, an application callback.
#include <gtest/gtest.h>

#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

Bytes leaf_of(const CertifiedKey &key) {
  const ByteView der = key.chain.front().der();
  return Bytes(der.begin(), der.end());
}

struct ClientCertificate : ::testing::Test {
  Pair pair;
  void SetUp() override {
    configure(pair, {"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048", true,
                     nullptr});
  }
  Bytes presented() {
    const auto &chain = pair.server().machine->negotiated().peer_chain;
    if (chain.empty()) return {};
    const ByteView d = chain.front().der();
    return Bytes(d.begin(), d.end());
  }
};

TEST_F(ClientCertificate, SkipsAKeyTheServerDoesNotSignWith) {
  // The server accepts only RSA signatures: the P-256 certificate listed first is passed over.
  pair.server_config().signature_schemes = {0x0804, 0x0401};  // rsa_pss_rsae_sha256, rsa_pkcs1
  auto p256 = load_certified("client-p256", *pair.client().provider);
  auto rsa = load_certified("client-rsa2048", *pair.client().provider);
  pair.client_config().certificates = {p256, rsa};
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(presented(), leaf_of(rsa));
}

TEST_F(ClientCertificate, NothingFitsMeansAnEmptyCertificate) {
  // The client itself signs only with RSA schemes, and holds only a P-256 certificate.
  pair.client_config().signature_schemes = {0x0804, 0x0401};
  pair.client_config().certificates = {load_certified("client-p256", *pair.client().provider)};
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_TRUE(pair.server().machine->negotiated().peer_chain.empty());
}

TEST_F(ClientCertificate, RequireWithoutACertificateFailsWithHandshakeFailure) {
  pair.server_config().verify_mode = VerifyMode::require_peer_cert;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
  EXPECT_EQ(pair.client().records->peer_fatal_alert(), AlertDescription::handshake_failure);
}

TEST_F(ClientCertificate, CallbackChoosesAmongFittingCertificates) {
  auto p256 = load_certified("client-p256", *pair.client().provider);
  auto rsa = load_certified("client-rsa2048", *pair.client().provider);
  pair.client_config().certificates = {rsa, p256};
  std::vector<std::size_t> offered;
  std::size_t ca_names = 0;
  pair.client_config().client_certificate_callback =
      [&](const ClientCertificateRequestView &request) -> std::optional<std::size_t> {
    offered = request.fitting;
    ca_names = request.certificate_authorities.size();
    return 1;  // the P-256 one
  };
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(offered.size(), 2u);
  EXPECT_EQ(ca_names, test_trust_store()->certificates().size());
  EXPECT_EQ(presented(), leaf_of(p256));
}

TEST_F(ClientCertificate, CallbackMaySendNone) {
  pair.client_config().certificates = {load_certified("client-rsa2048", *pair.client().provider)};
  pair.client_config().client_certificate_callback = [](const ClientCertificateRequestView &) {
    return std::optional<std::size_t>();
  };
  pair.start();
  ASSERT_TRUE(pair.run());
  EXPECT_TRUE(pair.server().machine->negotiated().peer_chain.empty());
}

TEST_F(ClientCertificate, CallbackChoosingAnUnfitCertificateIsAnError) {
  pair.server_config().signature_schemes = {0x0804};
  pair.client_config().certificates = {load_certified("client-p256", *pair.client().provider)};
  pair.client_config().client_certificate_callback = [](const ClientCertificateRequestView &) {
    return std::optional<std::size_t>(0);
  };
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.client().machine->error());
  EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::internal_error);
}

TEST_F(ClientCertificate, CertificateRequestNamesTheTrustStoreSubjects) {
  std::vector<Bytes> names;
  pair.client_config().client_certificate_callback = [&](const ClientCertificateRequestView &r) {
    names = r.certificate_authorities;
    return std::optional<std::size_t>();
  };
  pair.start();
  ASSERT_TRUE(pair.run());
  const auto store = test_trust_store();
  const auto &cas = store->certificates();
  ASSERT_EQ(names.size(), cas.size());
  for (std::size_t i = 0; i < cas.size(); ++i) {
    const ByteView subject = cas[i].subject().der;
    EXPECT_EQ(names[i], Bytes(subject.begin(), subject.end()));
  }
}

}  // namespace
}  // namespace tls::handshake::test
