#include "x509/certificate.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "common/hex.hpp"
#include "x509/certificate_text.hpp"
#include "x509/oid.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using test::data_path;
using test::load_cert;

// Every certificate file of tests/data (chains and bundles hold several).
std::vector<std::string> certificate_files() {
  std::vector<std::string> out;
  for (const std::string &f : test::data_files({".pem", ".der"})) {
    const Bytes data = test::read_data(f);
    if (contains_pem(data)
            ? std::string(data.begin(), data.end()).find("BEGIN CERTIFICATE") != std::string::npos
            : f.find(".key") == std::string::npos)
      out.push_back(f);
  }
  return out;
}

std::vector<std::string> lines_without_trailing_space(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out.push_back(line);
  }
  return out;
}

// Drops the lines of one extension (its header and its indented value) from openssl -text
// output, for the extensions whose display differs on purpose.
std::vector<std::string> without_extension(std::vector<std::string> lines,
                                           const std::string &header) {
  std::vector<std::string> out;
  bool skipping = false;
  for (const std::string &line : lines) {
    if (line.rfind("            " + header, 0) == 0) {
      skipping = true;
      continue;
    }
    if (skipping && line.rfind("                ", 0) == 0) continue;
    skipping = false;
    out.push_back(line);
  }
  return out;
}

TEST(Certificate, EveryTestCertificateParses) {
  const auto files = certificate_files();
  ASSERT_GT(files.size(), 40u);
  for (const std::string &f : files) {
    auto certs = load_certificates_file(data_path(f));
    EXPECT_TRUE(certs.ok()) << f << ": " << (certs.ok() ? "" : certs.error().reason);
  }
}

// The whole `openssl x509 -text -noout` output, field by field, for every certificate in
// tests/data: version, serial, both signature algorithms (with RSA-PSS parameters), issuer,
// validity, subject, the public key, every extension, the signature. Only the display of
// unknown extensions differs on purpose (tlspp prints their value as hex, openssl as text),
// and openssl cannot print a subjectAltName holding a NUL.
TEST(Certificate, TextMatchesOpensslForEveryTestCertificate) {
  if (!test::have_openssl()) GTEST_SKIP() << "openssl not installed";
  for (const std::string &f : certificate_files()) {
    SCOPED_TRACE(f);
    auto certs = load_certificates_file(data_path(f));
    ASSERT_TRUE(certs.ok());
    const auto theirs =
        test::run("openssl x509 -noout -text -in '" + data_path(f) + "'" +
                  (f.size() > 4 && f.substr(f.size() - 4) == ".der" ? " -inform DER" : ""));
    ASSERT_TRUE(theirs.has_value());
    auto expected = lines_without_trailing_space(*theirs);
    auto actual = lines_without_trailing_space(certificate_text(certs->front()));
    for (const std::string &ext :
         {std::string("1.3.6.1.4.1.55555"), std::string("X509v3 Subject Alternative Name")}) {
      if (f != "leaf-san-nul.pem" && ext.rfind("X509v3", 0) == 0) continue;
      expected = without_extension(expected, ext);
      actual = without_extension(actual, ext);
    }
    EXPECT_EQ(actual, expected);
  }
}

TEST(Certificate, FieldsOfTheRsaServerCertificate) {
  const Certificate cert = load_cert("server-rsa2048.pem");
  EXPECT_EQ(cert.version(), 3);
  EXPECT_EQ(cert.signature_algorithm().oid, oid::kEcdsaWithSha384);
  EXPECT_TRUE(cert.signature_algorithm().supported);
  EXPECT_EQ(cert.signature_algorithm().params.alg, cipher::SignatureAlg::ecdsa);
  EXPECT_EQ(cert.signature_algorithm().params.hash, cipher::HashAlg::sha384);
  EXPECT_EQ(cert.issuer().to_string(), "C = US, O = tlspp test, CN = tlspp Test Intermediate CA");
  EXPECT_EQ(cert.subject().to_string(), "C = US, O = tlspp test, CN = localhost");
  EXPECT_EQ(cert.not_before(), 1704067200);  // 2024-01-01T00:00:00Z
  EXPECT_EQ(cert.not_after(), 2524607999);   // 2049-12-31T23:59:59Z
  EXPECT_EQ(cert.public_key_info().algorithm_oid, oid::kRsaEncryption);
  ASSERT_TRUE(cert.public_key_info().supported);
  EXPECT_EQ(cert.public_key().type, cipher::KeyType::rsa);
  EXPECT_EQ(cert.public_key_info().bits(), 2048u);
  EXPECT_EQ(to_hex(cert.public_key().rsa_e), "010001");
  EXPECT_EQ(cert.public_key().rsa_n.size(), 256u);
  const Extensions &ext = cert.extensions();
  ASSERT_TRUE(ext.basic_constraints);
  EXPECT_FALSE(ext.basic_constraints->ca);
  EXPECT_TRUE(ext.find(oid::kBasicConstraints)->critical);
  ASSERT_TRUE(ext.key_usage);
  EXPECT_TRUE(ext.key_usage->has(KeyUsageBit::digital_signature));
  EXPECT_TRUE(ext.key_usage->has(KeyUsageBit::key_encipherment));
  EXPECT_FALSE(ext.key_usage->has(KeyUsageBit::key_cert_sign));
  EXPECT_TRUE(ext.has_ext_key_usage(oid::kServerAuth));
  EXPECT_FALSE(ext.has_ext_key_usage(oid::kClientAuth));
  ASSERT_EQ(cert.subject_alt_names().size(), 3u);
  EXPECT_EQ(cert.subject_alt_names()[0].to_string(), "DNS:localhost");
  EXPECT_EQ(cert.subject_alt_names()[1].to_string(), "IP Address:127.0.0.1");
  EXPECT_EQ(cert.subject_alt_names()[2].to_string(), "IP Address:0:0:0:0:0:0:0:1");
  EXPECT_FALSE(cert.is_self_issued());
  EXPECT_FALSE(cert.is_ca());

  // The key identifiers chain to the intermediate.
  const Certificate intermediate = load_cert("intermediate-ca.pem");
  ASSERT_TRUE(ext.authority_key_id && ext.authority_key_id->key_id);
  ASSERT_TRUE(intermediate.extensions().subject_key_id);
  EXPECT_EQ(to_hex(*ext.authority_key_id->key_id),
            to_hex(*intermediate.extensions().subject_key_id));
  ASSERT_TRUE(intermediate.extensions().basic_constraints);
  EXPECT_TRUE(intermediate.is_ca());
  EXPECT_EQ(intermediate.extensions().basic_constraints->path_len, 0u);
  EXPECT_EQ(intermediate.public_key().type, cipher::KeyType::ec_p384);
  EXPECT_EQ(intermediate.public_key().point.size(), 97u);
  ASSERT_TRUE(intermediate.extensions().certificate_policies);
  EXPECT_EQ(intermediate.extensions().certificate_policies->at(0).oid, "2.23.140.1.2.1");
}

TEST(Certificate, SerialAndSubjectAgreeWithOpensslFields) {
  if (!test::have_openssl()) GTEST_SKIP() << "openssl not installed";
  for (const std::string f : {"root-ca.pem", "server-ed25519.pem", "leaf-v1.pem"}) {
    const Certificate cert = load_cert(f);
    const auto serial = test::run("openssl x509 -noout -serial -in '" + data_path(f) + "'");
    ASSERT_TRUE(serial);
    // "serial=3A5E..." (upper-case magnitude, no sign octet)
    ByteView magnitude = cert.serial();
    if (magnitude.size() > 1 && magnitude[0] == 0) magnitude = magnitude.subspan(1);
    std::string hex = to_hex(magnitude);
    for (char &c : hex)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(*serial, "serial=" + hex + "\n") << f;
    const auto subject = test::run("openssl x509 -noout -subject -in '" + data_path(f) + "'");
    ASSERT_TRUE(subject);
    EXPECT_EQ(*subject, "subject=" + cert.subject().to_string() + "\n") << f;
  }
}

TEST(Certificate, OtherKeyTypesAndVersions) {
  const Certificate ed = load_cert("server-ed25519.pem");
  EXPECT_EQ(ed.public_key().type, cipher::KeyType::ed25519);
  EXPECT_EQ(ed.public_key().point.size(), 32u);
  const Certificate p256 = load_cert("server-p256.pem");
  EXPECT_EQ(p256.public_key().type, cipher::KeyType::ec_p256);
  EXPECT_EQ(p256.public_key_info().curve_oid, oid::kPrime256v1);
  EXPECT_EQ(p256.public_key().point[0], 0x04);

  const Certificate root = load_cert("root-ca.pem");
  EXPECT_TRUE(root.is_self_issued());
  EXPECT_TRUE(root.is_self_signed());
  EXPECT_EQ(root.not_after(), 2840140799);  // 2059-12-31T23:59:59Z, a GeneralizedTime
  EXPECT_EQ(root.signature_algorithm().oid, oid::kSha256WithRsa);

  const Certificate v1 = load_cert("leaf-v1.pem");
  EXPECT_EQ(v1.version(), 1);
  EXPECT_TRUE(v1.extensions().all.empty());

  const Certificate pss = load_cert("leaf-sig-rsa-pss.pem");
  EXPECT_EQ(pss.signature_algorithm().oid, oid::kRsaPss);
  EXPECT_TRUE(pss.signature_algorithm().supported);
  EXPECT_EQ(pss.signature_algorithm().params.alg, cipher::SignatureAlg::rsa_pss);
  EXPECT_EQ(pss.signature_algorithm().params.hash, cipher::HashAlg::sha256);
  EXPECT_EQ(pss.signature_algorithm().pss_salt_length, 32u);

  const Certificate ed_signed = load_cert("leaf-sig-ed25519.pem");
  EXPECT_EQ(ed_signed.signature_algorithm().params.alg, cipher::SignatureAlg::ed25519);
  EXPECT_EQ(ed_signed.signature().size(), 64u);
}

TEST(Certificate, AnyExtensionIsRetrievableByOid) {
  const Certificate cert = load_cert("leaf-evidence.pem");
  const Extension *ext = cert.extension("1.3.6.1.4.1.55555.1.2");
  ASSERT_NE(ext, nullptr);
  EXPECT_FALSE(ext->critical);
  // OCTET STRING { 00 11 .. ff } as the script wrote it.
  EXPECT_EQ(to_hex(ext->value), "041000112233445566778899aabbccddeeff");
  EXPECT_EQ(cert.extension("1.3.6.1.4.1.55555.1.99"), nullptr);
  const Extension *san = cert.extension(std::string(oid::kSubjectAltName));
  ASSERT_NE(san, nullptr);
  EXPECT_EQ(to_hex(san->value), "300e820c6c6561662e6578616d706c65");  // DNS:leaf.example

  const Certificate critical = load_cert("leaf-unknown-critical.pem");
  const Extension *c = critical.extension("1.3.6.1.4.1.55555.1.1");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->critical);
  EXPECT_FALSE(is_handled_extension(c->oid));
}

TEST(Certificate, SubjectAltNameForms) {
  const Certificate cert = load_cert("leaf-san-mix.pem");
  const auto &san = cert.subject_alt_names();
  ASSERT_EQ(san.size(), 6u);
  EXPECT_EQ(san[0].type, GeneralNameType::dns_name);
  EXPECT_EQ(san[0].text, "www.example.com");
  EXPECT_EQ(san[1].text, "MiXeD.Example.ORG");
  EXPECT_EQ(san[2].type, GeneralNameType::ip_address);
  EXPECT_EQ(to_hex(san[2].bytes), "c0000201");
  EXPECT_EQ(san[3].bytes.size(), 16u);
  EXPECT_EQ(ip_to_string(san[3].bytes), "2001:db8::1");
  EXPECT_EQ(san[4].type, GeneralNameType::rfc822_name);
  EXPECT_EQ(san[4].text, "admin@example.com");
  EXPECT_EQ(san[5].type, GeneralNameType::uri);
  EXPECT_EQ(san[5].text, "https://www.example.com/");

  const Certificate nul = load_cert("leaf-san-nul.pem");
  ASSERT_EQ(nul.subject_alt_names().size(), 1u);
  EXPECT_EQ(nul.subject_alt_names()[0].text, std::string("evil.example\0.good.example", 26));
  EXPECT_EQ(nul.subject_alt_names()[0].to_string(), "DNS:evil.example\\x00.good.example");

  const Certificate nc = load_cert("nc-ca.pem");
  ASSERT_TRUE(nc.extensions().name_constraints);
  const auto &permitted = nc.extensions().name_constraints->permitted;
  ASSERT_EQ(permitted.size(), 2u);
  EXPECT_EQ(permitted[0].to_string(), "DNS:allowed.example");
  EXPECT_EQ(permitted[1].to_string(), "IP:10.0.0.0/255.0.0.0");
  ASSERT_EQ(nc.extensions().name_constraints->excluded.size(), 1u);
  EXPECT_EQ(nc.extensions().name_constraints->excluded[0].text, "bad.allowed.example");
}

TEST(Certificate, NamesPrintAndCompareLikeOpenssl) {
  const Certificate fancy = load_cert("leaf-fancy-name.pem");
  // openssl x509 -noout -subject prints exactly this for the file.
  EXPECT_EQ(fancy.subject().to_string(),
            "C = US, O = \"Example, Inc.\", OU = R&D + CN = fancy.example, CN = caf\\C3\\A9");
  EXPECT_EQ(fancy.subject().rdns.size(), 4u);
  EXPECT_EQ(fancy.subject().rdns[2].size(), 2u);  // the multi-valued RDN
  const auto cns = fancy.subject().values(oid::kCommonName);
  ASSERT_EQ(cns.size(), 2u);
  EXPECT_EQ(cns[1], "caf\xc3\xa9");

  // The issuer of a leaf matches the subject of its CA; case and spacing do not matter.
  const Certificate leaf = load_cert("server-p256.pem");
  const Certificate ca = load_cert("intermediate-ca.pem");
  EXPECT_TRUE(names_match(leaf.issuer(), ca.subject()));
  EXPECT_FALSE(names_match(leaf.issuer(), leaf.subject()));
  // RFC 5280 §7.1: case and white space folded, string types may differ, the members of a
  // multi-valued RDN may come in any order; anything else differs.
  using Attr = std::tuple<const char *, der::Tag, std::string>;
  auto name = [](std::vector<std::vector<Attr>> rdns) {
    Bytes body;
    for (const auto &rdn : rdns) {
      Bytes set;
      for (const auto &[oid, tag, value] : rdn) {
        Bytes atv = der::encode_element(der::kOid, *oid_from_string(oid));
        append(atv, der::encode_element(tag, as_bytes(value)));
        append(set, der::encode_element(der::kSequence, atv));
      }
      append(body, der::encode_element(der::kSet, set));
    }
    return der::encode_element(der::kSequence, body);
  };
  auto match = [](const Bytes &x, const Bytes &y) {
    der::DerReader ra(x, "T"), rb(y, "T");
    const Name a = read_name(ra, "a"), b = read_name(rb, "b");
    EXPECT_TRUE(ra.ok() && rb.ok());
    return names_match(a, b);
  };
  const char *cn = "2.5.4.3";
  const char *o = "2.5.4.10";
  const auto ps = der::kPrintableString;
  const auto utf8 = der::kUtf8String;
  EXPECT_TRUE(match(name({{{cn, ps, "  Test   CA "}}}), name({{{cn, utf8, "test ca"}}})));
  EXPECT_FALSE(match(name({{{cn, ps, "Test CA"}}}), name({{{cn, ps, "Test CB"}}})));
  EXPECT_FALSE(match(name({{{cn, ps, "Test CA"}}}), name({{{o, ps, "Test CA"}}})));
  EXPECT_FALSE(
      match(name({{{cn, ps, "A"}}, {{o, ps, "B"}}}), name({{{o, ps, "B"}}, {{cn, ps, "A"}}})));
  EXPECT_TRUE(match(name({{{cn, ps, "A"}, {o, ps, "B"}}}), name({{{o, ps, "B"}, {cn, ps, "A"}}})));
  EXPECT_FALSE(
      match(name({{{cn, ps, "A"}, {o, ps, "B"}}}), name({{{cn, ps, "A"}}, {{o, ps, "B"}}})));
  EXPECT_FALSE(match(name({{{cn, utf8, "caf\xc3\xa9"}}}), name({{{cn, utf8, "CAF\xc3\x89"}}})));
}

// --- Malformed certificates: each one breaks one rule of RFC 5280 or DER --------------------

// The tree of a test certificate with one node replaced, re-encoded.
class Surgery {
 public:
  explicit Surgery(const std::string &file)
      : der_(test::pem_der(file)), tree_(test::tree_of(der_)) {}
  Asn1Node &at(std::initializer_list<std::size_t> path) { return test::node_at(tree_, path); }
  Asn1Node &tbs() { return tree_.at(0).children.at(0); }
  Bytes &keep(Bytes b) {
    storage_.push_back(std::make_unique<Bytes>(std::move(b)));
    return *storage_.back();
  }
  Result<Certificate> parse() { return Certificate::parse(encode_asn1_tree(tree_)); }
  std::vector<Asn1Node> &tree() { return tree_; }

 private:
  Bytes der_;
  std::vector<Asn1Node> tree_;
  std::vector<std::unique_ptr<Bytes>> storage_;
};

#define EXPECT_PARSE_ERROR(result, text)                                             \
  do {                                                                               \
    const auto &r_ = (result);                                                       \
    ASSERT_FALSE(r_.ok()) << "parsed";                                               \
    EXPECT_NE(r_.error().reason.find(text), std::string::npos) << r_.error().reason; \
    EXPECT_EQ(r_.error().alert, AlertDescription::decode_error);                     \
  } while (0)

TEST(Certificate, ThousandsOfExtensionsParseInLinearTime) {
  // 20000 distinct private extensions: duplicate detection must not be quadratic.
  Surgery s("leaf-evidence.pem");
  Asn1Node &exts = s.tbs().children.back().children.at(0);
  const Asn1Node proto = exts.children.back();  // 1.3.6.1.4.1.55555.1.2
  for (int i = 0; i < 20000; ++i) {
    Asn1Node ext = proto;
    ext.children.at(0).element.content =
        s.keep(*oid_from_string("1.3.6.1.4.1.55555.9." + std::to_string(i)));
    exts.children.push_back(ext);
  }
  auto cert = s.parse();
  ASSERT_TRUE(cert.ok()) << cert.error().reason;
  EXPECT_EQ(cert->extensions().all.size(), 20000u + 6u);
  EXPECT_NE(cert->extension("1.3.6.1.4.1.55555.9.19999"), nullptr);
}

TEST(CertificateMalformed, UnmodifiedSurgeryStillParses) {
  Surgery s("server-p256.pem");
  EXPECT_TRUE(s.parse().ok());
}

TEST(CertificateMalformed, NegativeAndOverlongSerials) {
  Surgery neg("server-p256.pem");
  test::set_content(neg.tbs().children.at(1), neg.keep({0xff, 0x01}));
  EXPECT_PARSE_ERROR(neg.parse(), "serialNumber is negative");
  Surgery longer("server-p256.pem");
  test::set_content(longer.tbs().children.at(1), longer.keep(Bytes(21, 0x11)));
  EXPECT_PARSE_ERROR(longer.parse(), "serialNumber longer than 20 octets");
  // 20 octets of magnitude with a sign octet is still 20 octets.
  Bytes twenty(21, 0x81);
  twenty[0] = 0x00;
  Surgery padded("server-p256.pem");
  test::set_content(padded.tbs().children.at(1), padded.keep(twenty));
  EXPECT_TRUE(padded.parse().ok());
}

TEST(CertificateMalformed, SignatureAlgorithmsMustAgree) {
  Surgery s("server-p256.pem");
  // The outer algorithm says ecdsa-with-SHA256, the signed one ecdsa-with-SHA384.
  test::set_content(s.at({1, 0}), s.keep(*oid_from_string(oid::kEcdsaWithSha256)));
  EXPECT_PARSE_ERROR(s.parse(), "signatureAlgorithm differs from the TBSCertificate signature");
}

TEST(CertificateMalformed, VersionRules) {
  Surgery v1("server-p256.pem");
  test::set_content(v1.tbs().children.at(0).children.at(0), v1.keep({0x00}));
  EXPECT_PARSE_ERROR(v1.parse(), "version v1 encoded explicitly");
  Surgery v4("server-p256.pem");
  test::set_content(v4.tbs().children.at(0).children.at(0), v4.keep({0x03}));
  EXPECT_PARSE_ERROR(v4.parse(), "version: INTEGER outside [0, 2]");
  Surgery v2("server-p256.pem");  // extensions in a v2 certificate
  test::set_content(v2.tbs().children.at(0).children.at(0), v2.keep({0x01}));
  EXPECT_PARSE_ERROR(v2.parse(), "extensions in a v2 certificate");
}

TEST(CertificateMalformed, DuplicateExtensionAndExplicitDefaults) {
  Surgery dup("server-p256.pem");
  Asn1Node &exts = dup.tbs().children.back().children.at(0);
  exts.children.push_back(exts.children.at(0));
  EXPECT_PARSE_ERROR(dup.parse(), "extension X509v3 Basic Constraints appears twice");

  // critical FALSE spelled out (DER leaves DEFAULT values out).
  Surgery crit("leaf-san-mix.pem");
  Asn1Node &first = crit.tbs().children.back().children.at(0).children.at(0);
  ASSERT_EQ(first.children.size(), 2u);  // extnID, extnValue: not critical
  Asn1Node boolean = first.children.at(0);
  boolean.element.tag = der::kBoolean;
  boolean.element.content = crit.keep({0x00});
  first.children.insert(first.children.begin() + 1, boolean);
  EXPECT_PARSE_ERROR(crit.parse(), "critical FALSE encoded explicitly");
  boolean.element.content = crit.keep({0x01});  // and not even a DER BOOLEAN
  first.children.at(1) = boolean;
  EXPECT_PARSE_ERROR(crit.parse(), "BOOLEAN must be one octet");

  Surgery empty("server-p256.pem");
  empty.tbs().children.back().children.at(0).children.clear();
  EXPECT_PARSE_ERROR(empty.parse(), "empty Extensions");
}

TEST(CertificateMalformed, TrailingBytesAndWrongOuterStructure) {
  Bytes der = test::pem_der("server-p256.pem");
  der.push_back(0x00);
  EXPECT_PARSE_ERROR(Certificate::parse(der),
                     "1 trailing bytes in the input after the Certificate");
  Surgery s("server-p256.pem");
  s.tree().at(0).children.pop_back();  // no signature
  EXPECT_PARSE_ERROR(s.parse(),
                     "expected BIT STRING for signatureValue, found the end of the data");
}

TEST(CertificateMalformed, IssuerAndSubjectRules) {
  Surgery empty_issuer("server-p256.pem");
  empty_issuer.tbs().children.at(3).children.clear();
  EXPECT_PARSE_ERROR(empty_issuer.parse(), "issuer name is empty");
  Surgery empty_subject("leaf-cn-only.pem");  // no subjectAltName
  empty_subject.tbs().children.at(5).children.clear();
  EXPECT_PARSE_ERROR(empty_subject.parse(), "empty subject without a subjectAltName extension");
  Surgery bad_string("server-p256.pem");
  // C = "U@" as a PrintableString: '@' is outside its character set.
  test::set_content(bad_string.tbs().children.at(5).children.at(0).children.at(0).children.at(1),
                    bad_string.keep({'U', '@'}));
  EXPECT_PARSE_ERROR(bad_string.parse(), "PrintableString holds a character outside its set");
}

TEST(CertificateMalformed, KeyAndExtensionValues) {
  Surgery point("server-p256.pem");
  Asn1Node &bits = point.tbs().children.at(6).children.at(1);
  Bytes shorter(bits.element.content.begin(), bits.element.content.end() - 1);
  test::set_content(bits, point.keep(shorter));
  EXPECT_PARSE_ERROR(point.parse(), "EC public key: not an uncompressed point of 65 bytes");

  Surgery ku("server-p256.pem");
  // keyUsage is the second extension: OCTET STRING { BIT STRING with no bit set }.
  Asn1Node &ku_value = ku.tbs().children.back().children.at(0).children.at(1).children.back();
  test::set_content(ku_value, ku.keep({0x03, 0x02, 0x07, 0x00}));
  EXPECT_PARSE_ERROR(ku.parse(), "KeyUsage with no bit set");

  Surgery bc("server-p256.pem");
  Asn1Node &bc_value = bc.tbs().children.back().children.at(0).children.at(0).children.back();
  test::set_content(bc_value, bc.keep({0x30, 0x03, 0x01, 0x01, 0x00}));
  EXPECT_PARSE_ERROR(bc.parse(), "cA FALSE encoded explicitly");
  test::set_content(bc_value, bc.keep({0x30, 0x03, 0x02, 0x01, 0x05, 0x00}));
  EXPECT_PARSE_ERROR(bc.parse(), "trailing bytes");
}

TEST(CertificateMalformed, EverySingleByteChangeIsHandled) {
  // Not a correctness oracle: every mutation must parse or fail cleanly (ASan / UBSan watch),
  // and a failure must name an offset.
  const Bytes der = test::pem_der("leaf-san-mix.pem");
  std::size_t rejected = 0;
  for (std::size_t i = 0; i < der.size(); ++i) {
    for (std::uint8_t x : {0x01, 0x80, 0xff}) {
      Bytes m = der;
      m[i] ^= x;
      auto cert = Certificate::parse(m);
      if (!cert) {
        ++rejected;
        EXPECT_NE(cert.error().reason.find("at offset"), std::string::npos) << cert.error().reason;
      } else {
        (void)certificate_text(*cert);
      }
    }
  }
  EXPECT_GT(rejected, der.size());  // most header or structure changes are caught
}

}  // namespace
}  // namespace tls::x509
