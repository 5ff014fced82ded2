#include "x509/pem.hpp"

#include <gtest/gtest.h>

#include "x509/load.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

Result<std::vector<PemBlock>> pem(const std::string &text) {
  return parse_pem(as_bytes(text));
}

std::string error_of(const Result<std::vector<PemBlock>> &r) {
  return r.ok() ? std::string("(parsed)") : r.error().reason;
}

TEST(Base64, Rfc4648Vectors) {
  // RFC 4648 §10.
  const std::pair<const char *, const char *> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto &[plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(as_bytes(plain)), encoded);
    const auto decoded = base64_decode(encoded);
    ASSERT_TRUE(decoded) << encoded;
    EXPECT_EQ(std::string(decoded->begin(), decoded->end()), plain);
  }
}

TEST(Base64, StrictDecoding) {
  EXPECT_FALSE(base64_decode("Zg="));       // not a multiple of 4
  EXPECT_FALSE(base64_decode("Zh=="));      // padding bits not zero ("Zg==" is canonical)
  EXPECT_FALSE(base64_decode("Zm9="));      // same, one padding character
  EXPECT_FALSE(base64_decode("Z==="));      // three padding characters
  EXPECT_FALSE(base64_decode("Zg==Zg=="));  // padding before the end
  EXPECT_FALSE(base64_decode("Zm9v!A=="));
  EXPECT_FALSE(base64_decode("Zm 9v"));
}

TEST(Pem, ManyBlocksWithTextAroundThem) {
  const std::string text =
      "Bag Attributes: friendly name\r\n"
      "subject=CN = x\n"
      "-----BEGIN CERTIFICATE-----\r\n"
      "Zm9v\r\n"
      "YmFy\r\n"
      "-----END CERTIFICATE-----\r\n"
      "between blocks\n"
      "  -----BEGIN PRIVATE KEY-----  \n"
      "  Zm9v YmE=  \n"
      "-----END PRIVATE KEY-----";
  auto blocks = pem(text);
  ASSERT_TRUE(blocks.ok()) << error_of(blocks);
  ASSERT_EQ(blocks->size(), 2u);
  EXPECT_EQ((*blocks)[0].label, "CERTIFICATE");
  EXPECT_EQ(std::string((*blocks)[0].der.begin(), (*blocks)[0].der.end()), "foobar");
  EXPECT_EQ((*blocks)[0].line, 3u);
  EXPECT_EQ((*blocks)[0].offset, text.find("-----BEGIN CERTIFICATE"));
  EXPECT_EQ((*blocks)[1].label, "PRIVATE KEY");
  EXPECT_EQ(std::string((*blocks)[1].der.begin(), (*blocks)[1].der.end()), "fooba");
  EXPECT_EQ((*blocks)[1].line, 8u);

  auto none = pem("no PEM here\n");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(Pem, GarbageIsAnErrorNamingOffsetAndLine) {
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"-----BEGIN CERTIFICATE-----\nZm9v\n",
       "at offset 0 (line 1): no END line for BEGIN CERTIFICATE"},
      {"-----BEGIN CERTIFICATE-----\nZm9v\n-----END PRIVATE KEY-----\n",
       "at offset 33 (line 3): END line does not match BEGIN CERTIFICATE at line 1"},
      {"-----BEGIN CERTIFICATE-----\nZm9v\n-----BEGIN CERTIFICATE-----\n",
       "BEGIN line inside the CERTIFICATE block"},
      {"-----BEGIN CERTIFICATE-----\nZm*v\n-----END CERTIFICATE-----\n",
       "at offset 30 (line 2): character outside the base64 alphabet"},
      {"-----BEGIN CERTIFICATE-----\nZm9\n-----END CERTIFICATE-----\n",
       "CERTIFICATE block: base64 length is not a multiple of 4"},
      {"-----BEGIN CERTIFICATE-----\nZg==\nZg==\n-----END CERTIFICATE-----\n",
       "padding '=' before the end"},
      {"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", "empty CERTIFICATE block"},
      {"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nZm9v\n"
       "-----END RSA PRIVATE KEY-----\n",
       "line 2): PEM headers (encrypted PEM) are not supported"},
      {"-----BEGIN -----\nZm9v\n-----END -----\n", "malformed BEGIN line"},
      {"-----BEGIN CERTIFICATE\nZm9v\n", "malformed BEGIN line"},
  };
  for (const Case &c : cases) {
    auto r = pem(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.error().reason.find(c.error), std::string::npos) << r.error().reason;
    EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  }
}

TEST(Pem, EncodeRoundTripsAndUses64CharacterLines) {
  Bytes der(200);
  for (std::size_t i = 0; i < der.size(); ++i)
    der[i] = static_cast<std::uint8_t>(i * 7);
  const std::string text = encode_pem("CERTIFICATE", der);
  EXPECT_EQ(text.find('\n'), 27u);            // "-----BEGIN CERTIFICATE-----"
  EXPECT_EQ(text.find('\n', 28), 28u + 64u);  // first base64 line
  auto blocks = pem(text);
  ASSERT_TRUE(blocks.ok());
  ASSERT_EQ(blocks->size(), 1u);
  EXPECT_TRUE(std::equal(der.begin(), der.end(), (*blocks)[0].der.begin(), (*blocks)[0].der.end()));
}

TEST(Pem, MatchesOpensslsBase64OfTheTestCertificate) {
  // The PEM file and the DER file openssl wrote for the same certificate.
  EXPECT_EQ(test::pem_der("server-p256.pem"), test::read_data("server-p256.der"));
  EXPECT_EQ(encode_pem("CERTIFICATE", test::read_data("root-ca.der")), [] {
    const Bytes b = test::read_data("root-ca.pem");
    return std::string(b.begin(), b.end());
  }());
}

TEST(Pem, LoadingCertificatesFromPemAndDer) {
  auto chain = load_certificates_file(test::data_path("server-p256.chain.pem"));
  ASSERT_TRUE(chain.ok());
  ASSERT_EQ(chain->size(), 2u);
  EXPECT_EQ((*chain)[0].subject().to_string(), "C = US, O = tlspp test, CN = localhost");
  EXPECT_EQ((*chain)[1].subject().to_string(),
            "C = US, O = tlspp test, CN = tlspp Test Intermediate CA");
  auto der = load_certificates_file(test::data_path("root-ca.der"));
  ASSERT_TRUE(der.ok());
  ASSERT_EQ(der->size(), 1u);
  // A key file holds no certificate.
  auto none = load_certificates_file(test::data_path("server-p256.key"));
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().reason.find("no CERTIFICATE block"), std::string::npos);
  auto missing = load_certificates_file(test::data_path("no-such-file.pem"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().reason.find("no-such-file.pem"), std::string::npos);
  // A broken certificate inside PEM names the block's line.
  std::string text = encode_pem("CERTIFICATE", Bytes{0x30, 0x03, 0x02, 0x01, 0x01});
  auto broken = load_certificates(as_bytes("junk\n" + text));
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().reason.find("PEM CERTIFICATE block at line 2"), std::string::npos)
      << broken.error().reason;
}

}  // namespace
}  // namespace tls::x509
