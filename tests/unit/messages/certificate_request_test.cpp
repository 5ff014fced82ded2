#include "handshake/messages/certificate_request.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

TEST(CertificateRequest, ParsesTheTls12Form) {
  const Bytes body = body_of(load_capture("go_client_tlsv12_clientcert_rsa_rsa").message(13));
  auto request = CertificateRequest::parse(body, ProtocolVersion::tls12);
  ASSERT_TRUE(request.ok()) << request.error().to_string();
  EXPECT_EQ(request->certificate_types, hex("010240"));  // rsa_sign, dss_sign, ecdsa_sign
  ASSERT_TRUE(request->signature_algorithms.has_value());
  EXPECT_EQ(
      *request->signature_algorithms,
      (std::vector<std::uint16_t>{0x0601, 0x0602, 0x0603, 0x0501, 0x0502, 0x0503, 0x0401, 0x0402,
                                  0x0403, 0x0301, 0x0302, 0x0303, 0x0201, 0x0202, 0x0203}));
  EXPECT_TRUE(request->certificate_authorities.empty());
  EXPECT_EQ(client_certificate_type_name(64), std::string("ecdsa_sign"));
}

TEST(CertificateRequest, ParsesTheTls10Form) {
  const Bytes body = body_of(load_capture("go_client_tlsv10_clientcert_rsa_rsa").message(13));
  EXPECT_EQ(body, hex("03 010240 0000"));
  auto request = CertificateRequest::parse(body, ProtocolVersion::tls10);
  ASSERT_TRUE(request.ok()) << request.error().to_string();
  EXPECT_EQ(request->certificate_types, hex("010240"));
  EXPECT_FALSE(request->signature_algorithms.has_value());
  // Read as TLS 1.2, the CA list length is taken for the algorithm list and nothing is left.
  EXPECT_FALSE(CertificateRequest::parse(body, ProtocolVersion::tls12).ok());
}

TEST(CertificateRequest, CertificateAuthoritiesRoundTrip) {
  const Bytes body = hex("01 01  0002 0401  000a 0003 300100 0003 300102");
  auto request = CertificateRequest::parse(body, ProtocolVersion::tls12);
  ASSERT_TRUE(request.ok()) << request.error().to_string();
  ASSERT_EQ(request->certificate_authorities.size(), 2u);
  EXPECT_EQ(request->certificate_authorities[1], hex("300102"));
  EXPECT_EQ(*serialize(*request, ProtocolVersion::tls12), body);
}

TEST(CertificateRequest, FormatErrorsAreDecodeErrors) {
  const char *bad[] = {
      "00 0002 0401 0000",          // no certificate types
      "01 01 0003 040105 0000",     // odd algorithm list
      "01 01 0002 0401 0002 0000",  // an empty DistinguishedName
  };
  for (const char *body : bad) {
    auto r = CertificateRequest::parse(hex(body), ProtocolVersion::tls12);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().alert, AlertDescription::decode_error) << body;
  }
}

TEST(CertificateRequest, EveryTruncationAndTrailingByteFails) {
  const Bytes body = body_of(load_capture("go_client_tlsv12_clientcert_rsa_rsa").message(13));
  auto parse = [](ByteView b) {
    return CertificateRequest::parse(b, ProtocolVersion::tls12).status();
  };
  testing::expect_truncations_fail(body, parse);
  testing::expect_trailing_byte_fails(body, parse);
}

TEST(CertificateRequest, SerializeMatchesTheVersion) {
  CertificateRequest request;
  request.certificate_types = {1};
  EXPECT_FALSE(serialize(request, ProtocolVersion::tls12).ok());  // algorithms missing
  EXPECT_TRUE(serialize(request, ProtocolVersion::tls11).ok());
  request.signature_algorithms = std::vector<std::uint16_t>{0x0401};
  EXPECT_TRUE(serialize(request, ProtocolVersion::tls12).ok());
  EXPECT_FALSE(serialize(request, ProtocolVersion::ssl3).ok());
  request.certificate_types.clear();
  EXPECT_FALSE(serialize(request, ProtocolVersion::tls12).ok());
}

}  // namespace
}  // namespace tls::handshake
