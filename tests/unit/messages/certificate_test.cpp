#include "handshake/messages/certificate.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

Status parse_status(ByteView body) {
  return CertificateMessage::parse(body).status();
}

TEST(CertificateMessage, ParsesTheIllustratedCertificate) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(11));
  ASSERT_EQ(body.size(), 0x32bu);
  auto cert = CertificateMessage::parse(body);
  ASSERT_TRUE(cert.ok()) << cert.error().to_string();
  ASSERT_EQ(cert->certificate_list.size(), 1u);
  const Bytes &der = cert->certificate_list[0];
  EXPECT_EQ(der.size(), 0x325u);
  EXPECT_EQ(Bytes(der.begin(), der.begin() + 4), hex("30820321"));  // SEQUENCE, 0x321 bytes
  EXPECT_EQ(Bytes(der.end() - 5, der.end()), hex("b6084636a0"));
}

TEST(CertificateMessage, ParsesGoClientAndServerCertificates) {
  const auto capture = load_capture("go_client_tlsv12_clientcert_rsa_rsa");
  auto server = CertificateMessage::parse(body_of(capture.message(11, 0)));
  auto client = CertificateMessage::parse(body_of(capture.message(11, 1)));
  ASSERT_TRUE(server.ok());
  ASSERT_TRUE(client.ok());
  EXPECT_EQ(server->certificate_list.at(0).size(), 0x2b4u);
  EXPECT_EQ(client->certificate_list.at(0).size(), 0x1f1u);
}

TEST(CertificateMessage, EmptyListIsAClientWithoutCertificate) {
  auto empty = CertificateMessage::parse(hex("000000"));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->certificate_list.empty());
  auto wire = serialize(*empty);
  ASSERT_TRUE(wire.ok());
  EXPECT_EQ(*wire, hex("000000"));
}

TEST(CertificateMessage, ChainOfTwoRoundTrips) {
  const Bytes body = hex("00000b 000003 300100 000002 3000");
  auto chain = CertificateMessage::parse(body);
  ASSERT_TRUE(chain.ok()) << chain.error().to_string();
  ASSERT_EQ(chain->certificate_list.size(), 2u);
  EXPECT_EQ(chain->certificate_list[1], hex("3000"));
  EXPECT_EQ(*serialize(*chain), body);
}

TEST(CertificateMessage, EmptyCertificateFails) {
  auto r = CertificateMessage::parse(hex("000003 000000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  CertificateMessage m;
  m.certificate_list.push_back({});
  EXPECT_FALSE(serialize(m).ok());
}

TEST(CertificateMessage, InnerLengthMismatchFails) {
  // The list says 5 bytes, the certificate inside claims 3 but only 2 remain.
  EXPECT_FALSE(CertificateMessage::parse(hex("000005 000003 3000")).ok());
  // The list length is shorter than the certificate it holds.
  EXPECT_FALSE(CertificateMessage::parse(hex("000004 000002 3000")).ok());
}

TEST(CertificateMessage, EveryTruncationAndTrailingByteFails) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(11));
  testing::expect_truncations_fail(body, parse_status);
  testing::expect_trailing_byte_fails(body, parse_status);
}

}  // namespace
}  // namespace tls::handshake
