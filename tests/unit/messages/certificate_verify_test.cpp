#include "handshake/messages/certificate_verify.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

TEST(CertificateVerify, ParsesTheTls12Form) {
  const Bytes body = body_of(load_capture("go_client_tlsv12_clientcert_rsa_rsa").message(15));
  auto cv = CertificateVerify::parse(body, ProtocolVersion::tls12);
  ASSERT_TRUE(cv.ok()) << cv.error().to_string();
  EXPECT_EQ(cv->signature.scheme, 0x0401);
  ASSERT_EQ(cv->signature.signature.size(), 128u);
  EXPECT_EQ(Bytes(cv->signature.signature.begin(), cv->signature.signature.begin() + 4),
            hex("3a550ac6"));
  EXPECT_EQ(*serialize(*cv, ProtocolVersion::tls12), body);
}

TEST(CertificateVerify, ParsesTheTls10Form) {
  const Bytes body = body_of(load_capture("go_client_tlsv10_clientcert_rsa_rsa").message(15));
  auto cv = CertificateVerify::parse(body, ProtocolVersion::tls10);
  ASSERT_TRUE(cv.ok()) << cv.error().to_string();
  EXPECT_FALSE(cv->signature.scheme.has_value());
  EXPECT_EQ(cv->signature.signature.size(), 128u);
  EXPECT_EQ(cv->signature.signature.back(), 0x25);
  // The same layout is SSL 3.0's.
  EXPECT_TRUE(CertificateVerify::parse(body, ProtocolVersion::ssl3).ok());
  // As TLS 1.2 the first two bytes would be the algorithm and the rest does not fit.
  EXPECT_FALSE(CertificateVerify::parse(body, ProtocolVersion::tls12).ok());
}

TEST(CertificateVerify, EveryTruncationAndTrailingByteFails) {
  for (auto [name, version] :
       {std::pair{"go_client_tlsv12_clientcert_rsa_rsa", ProtocolVersion::tls12},
        std::pair{"go_client_tlsv10_clientcert_rsa_rsa", ProtocolVersion::tls10}}) {
    const Bytes body = body_of(load_capture(name).message(15));
    auto parse = [version = version](ByteView b) {
      return CertificateVerify::parse(b, version).status();
    };
    testing::expect_truncations_fail(body, parse);
    testing::expect_trailing_byte_fails(body, parse);
  }
}

TEST(CertificateVerify, SerializeMatchesTheVersion) {
  CertificateVerify cv;
  cv.signature.signature = hex("0102");
  EXPECT_FALSE(serialize(cv, ProtocolVersion::tls12).ok());
  EXPECT_EQ(*serialize(cv, ProtocolVersion::tls11), hex("0002 0102"));
  cv.signature.scheme = 0x0804;
  EXPECT_EQ(*serialize(cv, ProtocolVersion::tls12), hex("0804 0002 0102"));
  EXPECT_FALSE(serialize(cv, ProtocolVersion::ssl3).ok());
}

}  // namespace
}  // namespace tls::handshake
