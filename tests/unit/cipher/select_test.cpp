// Suite selection: preference order, masks from certificates and groups, versions, skipped ids,
// and the reason given when nothing fits.
#include <gtest/gtest.h>

#include <vector>

#include "cipher/cipher_string.hpp"
#include "cipher/select.hpp"

namespace tls::cipher {
namespace {

using V = ProtocolVersion;

std::vector<const CipherSuite *> list_of(std::initializer_list<std::uint16_t> ids) {
  std::vector<const CipherSuite *> out;
  for (std::uint16_t id : ids)
    out.push_back(find_suite(id));
  return out;
}

ServerAbilities rsa_server(V version, bool ec_group = true, bool dhe = true) {
  const KeyType keys[] = {KeyType::rsa};
  return server_abilities(ServerSetup{keys, ec_group, dhe}, version);
}

Result<const CipherSuite *> choose(const std::vector<std::uint16_t> &offer,
                                   const std::vector<const CipherSuite *> &server, V version,
                                   ServerAbilities abilities, bool server_first = true) {
  return choose_cipher(SelectionRequest{offer, server, version, abilities, server_first});
}

TEST(Select, AbilitiesFromCertificatesAndGroups) {
  const KeyType rsa[] = {KeyType::rsa};
  const KeyType ec[] = {KeyType::ec_p256};
  const KeyType ed[] = {KeyType::ed25519};
  const KeyType both[] = {KeyType::rsa, KeyType::ec_p384};

  ServerAbilities a = server_abilities(ServerSetup{rsa, false, false}, V::tls12);
  EXPECT_EQ(a.kx, kRSA);
  EXPECT_EQ(a.auth, aRSA | aNULL);

  a = server_abilities(ServerSetup{ec, true, false}, V::tls10);
  EXPECT_EQ(a.kx, kECDHE);  // no kRSA without an RSA key
  EXPECT_EQ(a.auth, aECDSA | aNULL);

  // Ed25519 signs ServerKeyExchange only in TLS 1.2.
  EXPECT_EQ(server_abilities(ServerSetup{ed, true, false}, V::tls12).auth, aECDSA | aNULL);
  EXPECT_EQ(server_abilities(ServerSetup{ed, true, false}, V::tls11).auth, aNULL);

  a = server_abilities(ServerSetup{both, true, true}, V::tls12);
  EXPECT_EQ(a.kx, kRSA | kECDHE | kDHE);
  EXPECT_EQ(a.auth, aRSA | aECDSA | aNULL);
}

TEST(Select, ServerPreferenceByDefault) {
  const auto server = list_of({0xc030, 0xc02f, 0x009c});
  const std::vector<std::uint16_t> offer = {0x009c, 0xc02f, 0xc030};
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12));
  ASSERT_TRUE(chosen.ok()) << chosen.error().reason;
  EXPECT_EQ((*chosen)->id, 0xc030);
}

TEST(Select, ClientPreferenceWhenAsked) {
  const auto server = list_of({0xc030, 0xc02f, 0x009c});
  const std::vector<std::uint16_t> offer = {0x1301, 0x009c, 0xc02f, 0xc030};
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12), false);
  ASSERT_TRUE(chosen.ok()) << chosen.error().reason;
  EXPECT_EQ((*chosen)->id, 0x009c);
}

TEST(Select, OnlySuitesBothSidesList) {
  const auto server = list_of({0xc030, 0x009c});
  auto chosen = choose({0xc02f, 0x009c}, server, V::tls12, rsa_server(V::tls12));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x009c);
  chosen = choose({0xc02f, 0x009c}, server, V::tls12, rsa_server(V::tls12), false);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x009c);
}

TEST(Select, CertificateDecidesTheAuthentication) {
  const auto server = list_of({0xc02b, 0xc02f});  // ECDSA first, then RSA
  const std::vector<std::uint16_t> offer = {0xc02b, 0xc02f};
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0xc02f);

  const KeyType ec[] = {KeyType::ec_p256};
  chosen =
      choose(offer, server, V::tls12, server_abilities(ServerSetup{ec, true, false}, V::tls12));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0xc02b);
}

TEST(Select, KeyExchangeNeedsItsIngredients) {
  const auto server = list_of({0xc02f, 0x009e, 0x009c});
  const std::vector<std::uint16_t> offer = {0xc02f, 0x009e, 0x009c};
  // No shared curve: ECDHE is out; DHE is next.
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12, false, true));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x009e);
  // Neither: plain RSA key exchange.
  chosen = choose(offer, server, V::tls12, rsa_server(V::tls12, false, false));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x009c);
}

TEST(Select, VersionRangeIsHonoured) {
  const auto server = list_of({0xc02f, 0xc027, 0xc013, 0x002f});
  const std::vector<std::uint16_t> offer = {0xc02f, 0xc027, 0xc013, 0x002f};
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0xc02f);
  chosen = choose(offer, server, V::tls11, rsa_server(V::tls11));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0xc013);  // GCM and SHA-256 suites are TLS 1.2 only
  chosen = choose(offer, server, V::ssl3, rsa_server(V::ssl3));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x002f);  // no ECC in SSL 3.0
}

TEST(Select, SignallingAndUnknownIdsAreSkipped) {
  const auto server = list_of({0x002f});
  const std::vector<std::uint16_t> offer = {kEmptyRenegotiationInfoScsv, kFallbackScsv, 0x0a0a,
                                            0x1301, 0x002f};
  auto chosen = choose(offer, server, V::tls12, rsa_server(V::tls12), false);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0x002f);
}

TEST(Select, NothingSharedIsAHandshakeFailureThatSaysWhy) {
  const auto server = list_of({0xc02f, 0xc02b, 0xc013, 0x009c});
  // 12 suites, plus the renegotiation SCSV which is not a suite.
  const std::vector<std::uint16_t> offer = {0xc02f,
                                            0xc030,
                                            0xc02b,
                                            0xc02c,
                                            0xcca8,
                                            0xcca9,
                                            0xc013,
                                            0xc014,
                                            0x009c,
                                            0x009d,
                                            0x0a0a,
                                            0x1301,
                                            kEmptyRenegotiationInfoScsv};
  const KeyType rsa[] = {KeyType::rsa};
  // An RSA certificate at TLS 1.1 without a shared curve: only 0xc013 fits the version, and it
  // needs ECDHE.
  auto chosen =
      choose(offer, server, V::tls11, server_abilities(ServerSetup{rsa, false, true}, V::tls11));
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().alert, AlertDescription::handshake_failure);
  EXPECT_EQ(chosen.error().reason,
            "no shared cipher: client offered 12 suites, none usable with an RSA certificate at "
            "TLSv1.1 (2 unknown to tlspp, 6 not enabled on the server, 3 need TLSv1.2, 1 "
            "needs a shared elliptic-curve group)");
}

TEST(Select, NoCommonSuiteAtAll) {
  const auto server = list_of({0xc02b});
  const KeyType ec[] = {KeyType::ec_p256};
  auto chosen =
      choose({0x002f}, server, V::tls12, server_abilities(ServerSetup{ec, true, false}, V::tls12));
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().alert, AlertDescription::handshake_failure);
  EXPECT_EQ(chosen.error().reason,
            "no shared cipher: client offered 1 suite, none usable with an ECDSA certificate at "
            "TLSv1.2 (1 not enabled on the server)");
  chosen = choose({}, server, V::tls12, server_abilities(ServerSetup{ec, true, false}, V::tls12));
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().reason,
            "no shared cipher: client offered 0 suites, none usable with an ECDSA certificate at "
            "TLSv1.2");
}

TEST(Select, EcdsaSuiteWithOnlyAnRsaCertificate) {
  const auto server = list_of({0xc02b, 0xc02c});
  auto chosen = choose({0xc02b, 0xc02c}, server, V::tls12, rsa_server(V::tls12));
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().reason,
            "no shared cipher: client offered 2 suites, none usable with an RSA certificate at "
            "TLSv1.2 (2 need an ECDSA certificate)");
}

TEST(Select, WorksWithTheDefaultList) {
  const auto &defaults = default_cipher_list();
  const std::vector<std::uint16_t> firefox_like = {0xc02b, 0xc02f, 0xcca9, 0xcca8, 0xc02c,
                                                   0xc030, 0xc00a, 0xc009, 0xc013, 0xc014,
                                                   0x009c, 0x009d, 0x002f, 0x0035};
  auto chosen = choose(firefox_like, defaults, V::tls12, rsa_server(V::tls12));
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ((*chosen)->id, 0xc030);  // OpenSSL's DEFAULT puts ECDHE-RSA-AES256-GCM first for RSA
  // The legacy suites are not in DEFAULT, so a client offering only them is refused.
  chosen = choose({0x000a, 0x0005, 0x0004, 0x0002}, defaults, V::tls12, rsa_server(V::tls12));
  EXPECT_FALSE(chosen.ok());
}

}  // namespace
}  // namespace tls::cipher
