#include "x509/verify.hpp"

#include <gtest/gtest.h>


#include "x509/load.hpp"
#include "x509/private_key.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using test::data_path;
using test::load_certs;

// Every test verifies at this time (2030-06-01T00:00:00Z), never at the current date.
constexpr UnixTime kTime = 1906502400;

TrustStore store_of(const std::vector<std::string> &files) {
  TrustStore store;
  for (const std::string &f : files)
    EXPECT_TRUE(store.add_file(data_path(f)).ok()) << f;
  return store;
}

VerifyOptions options(std::string host = {}) {
  VerifyOptions o;
  o.time = kTime;
  o.host = std::move(host);
  return o;
}

struct Case {
  const char *name;
  std::vector<std::string> chain;  // files, leaf first
  std::vector<std::string> anchors;
  VerifyOptions options;
  VerifyError error;  // ok for a good case
  int depth;
};

std::vector<Case> matrix() {
  const std::vector<std::string> root = {"root-ca.pem"};
  auto with = [](VerifyOptions o, auto change) {
    change(o);
    return o;
  };
  using E = VerifyError;
  return {
      // --- good chains ---
      {"rsa2048 server", {"server-rsa2048.chain.pem"}, root, options("localhost"), E::ok, 0},
      {"p256 server by IPv4", {"server-p256.chain.pem"}, root, options("127.0.0.1"), E::ok, 0},
      {"p384 server by IPv6", {"server-p384.chain.pem"}, root, options("::1"), E::ok, 0},
      {"ed25519 server", {"server-ed25519.chain.pem"}, root, options("LocalHost"), E::ok, 0},
      {"p256 client",
       {"client-p256.chain.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.purpose = Purpose::client; }),
       E::ok,
       0},
      {"rsa client",
       {"client-rsa2048.chain.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.purpose = Purpose::client; }),
       E::ok,
       0},
      {"RSA-PSS signature", {"leaf-sig-rsa-pss.pem"}, root, options(), E::ok, 0},
      {"RSA SHA-512 signature", {"leaf-sig-rsa-sha512.pem"}, root, options(), E::ok, 0},
      {"ECDSA P-256 signature",
       {"leaf-sig-ecdsa-p256.pem"},
       {"root-p256-ca.pem"},
       options(),
       E::ok,
       0},
      {"Ed25519 signature", {"leaf-sig-ed25519.pem"}, {"root-ed25519-ca.pem"}, options(), E::ok, 0},
      {"SHA-1 when allowed",
       {"leaf-sig-sha1.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.allow_sha1 = true; }),
       E::ok,
       0},
      {"MD5 when allowed",
       {"leaf-sig-md5.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.allow_md5 = true; }),
       E::ok,
       0},
      {"v1 leaf", {"leaf-v1.pem"}, root, options(), E::ok, 0},
      {"bundle of roots", {"leaf-sig-ed25519.pem"}, {"ca-bundle.pem"}, options(), E::ok, 0},
      {"name constraints permitted",
       {"nc-leaf-permitted.pem", "nc-ca.pem"},
       root,
       options("www.allowed.example"),
       E::ok,
       0},
      {"any order, extras",
       {"server-p256.pem", "untrusted-root-ca.pem", "leaf-san-mix.pem", "intermediate-ca.pem"},
       root,
       options("localhost"),
       E::ok,
       0},
      {"decoy issuer tried first",
       {"leaf-san-mix.pem", "decoy-intermediate-ca.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::ok,
       0},
      {"expired issuer tried first",
       {"leaf-san-mix.pem", "intermediate-ca-expired.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::ok,
       0},
      {"cross-certificate to an untrusted root tried first",
       {"leaf-san-mix.pem", "intermediate-ca-cross.pem", "untrusted-root-ca.pem",
        "intermediate-ca.pem"},
       root,
       options(),
       E::ok,
       0},
      {"trusted self-signed leaf", {"self-signed.pem"}, {"self-signed.pem"}, options(), E::ok, 0},
      {"clientAuth intermediate for a client",
       {"leaf-under-eku-client.pem", "ca-eku-client.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.purpose = Purpose::client; }),
       E::ok,
       0},
      {"partial chain",
       {"server-p256.pem"},
       {"intermediate-ca.pem"},
       with(options(), [](VerifyOptions &o) { o.partial_chain = true; }),
       E::ok,
       0},
      {"depth limit just enough",
       {"server-p256.chain.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.max_depth = 1; }),
       E::ok,
       0},

      // --- bad chains: the exact error and depth ---
      {"expired leaf",
       {"leaf-expired.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::cert_has_expired,
       0},
      {"not yet valid leaf",
       {"leaf-not-yet-valid.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::cert_not_yet_valid,
       0},
      {"intermediate with CA:FALSE",
       {"leaf-under-ca-false.pem", "ca-false.pem"},
       root,
       options(),
       E::invalid_ca,
       1},
      {"intermediate without keyCertSign",
       {"leaf-under-no-certsign.pem", "ca-no-certsign.pem"},
       root,
       options(),
       E::keyusage_no_certsign,
       1},
      {"intermediate restricted to clientAuth",
       {"leaf-under-eku-client.pem", "ca-eku-client.pem"},
       root,
       options(),
       E::invalid_purpose,
       1},
      {"pathLen 0 violated",
       {"leaf-pathlen-violation.pem", "ca-below-pathlen0.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::path_length_exceeded,
       2},
      {"unknown critical extension",
       {"leaf-unknown-critical.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::unhandled_critical_extension,
       0},
      {"name outside permitted",
       {"nc-leaf-outside.pem", "nc-ca.pem"},
       root,
       options(),
       E::permitted_violation,
       0},
      {"name in excluded",
       {"nc-leaf-excluded.pem", "nc-ca.pem"},
       root,
       options(),
       E::excluded_violation,
       0},
      {"IP outside permitted",
       {"nc-leaf-ip-outside.pem", "nc-ca.pem"},
       root,
       options(),
       E::permitted_violation,
       0},
      {"CN outside permitted",
       {"nc-leaf-cn-outside.pem", "nc-ca.pem"},
       root,
       options(),
       E::permitted_violation,
       0},
      {"untrusted self-signed leaf",
       {"self-signed.pem"},
       root,
       options(),
       E::depth_zero_self_signed_cert,
       0},
      {"untrusted root in chain",
       {"leaf-untrusted.pem", "untrusted-root-ca.pem"},
       root,
       options(),
       E::self_signed_cert_in_chain,
       1},
      {"issuer missing",
       {"leaf-untrusted.pem"},
       root,
       options(),
       E::unable_to_get_issuer_cert_locally,
       0},
      {"intermediate missing",
       {"server-p256.pem"},
       root,
       options(),
       E::unable_to_get_issuer_cert_locally,
       0},
      {"trusted intermediate without partial chain",
       {"server-p256.pem"},
       {"intermediate-ca.pem"},
       options(),
       E::unable_to_get_issuer_cert,
       1},
      {"SHA-1 refused", {"leaf-sig-sha1.pem"}, root, options(), E::ca_md_too_weak, 0},
      {"MD5 refused", {"leaf-sig-md5.pem"}, root, options(), E::ca_md_too_weak, 0},
      {"only a decoy issuer",
       {"leaf-san-mix.pem", "decoy-intermediate-ca.pem"},
       root,
       options(),
       E::cert_signature_failure,
       0},
      {"only an expired issuer",
       {"leaf-san-mix.pem", "intermediate-ca-expired.pem"},
       root,
       options(),
       E::cert_has_expired,
       1},
      {"only the cross path",
       {"leaf-san-mix.pem", "intermediate-ca-cross.pem", "untrusted-root-ca.pem"},
       root,
       options(),
       E::self_signed_cert_in_chain,
       2},
      {"client cert as server",
       {"leaf-eku-client-only.pem", "intermediate-ca.pem"},
       root,
       options(),
       E::invalid_purpose,
       0},
      {"server cert as client",
       {"server-p256.chain.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.purpose = Purpose::client; }),
       E::invalid_purpose,
       0},
      {"depth limit",
       {"server-p256.chain.pem"},
       root,
       with(options(), [](VerifyOptions &o) { o.max_depth = 0; }),
       E::cert_chain_too_long,
       0},
      {"RSA leaf below the minimum",
       {"server-rsa2048.chain.pem"},
       {"root-ca.pem"},
       with(options(), [](VerifyOptions &o) { o.min_rsa_bits = 3072; }),
       E::ca_key_too_small,
       2},

      // --- host names ---
      {"host: wrong name",
       {"server-p256.chain.pem"},
       root,
       options("example.com"),
       E::hostname_mismatch,
       0},
      {"host: wrong IP",
       {"server-p256.chain.pem"},
       root,
       options("127.0.0.2"),
       E::ip_address_mismatch,
       0},
      {"host: wildcard",
       {"leaf-san-wildcard.pem", "intermediate-ca.pem"},
       root,
       options("host.wild.example"),
       E::ok,
       0},
      {"host: wildcard over two labels",
       {"leaf-san-wildcard.pem", "intermediate-ca.pem"},
       root,
       options("a.host.wild.example"),
       E::hostname_mismatch,
       0},
      {"host: *.com",
       {"leaf-san-wildcard-tld.pem", "intermediate-ca.pem"},
       root,
       options("example.com"),
       E::hostname_mismatch,
       0},
      {"host: IP given as a DNS name",
       {"leaf-san-ip-as-dns.pem", "intermediate-ca.pem"},
       root,
       options("192.0.2.7"),
       E::ip_address_mismatch,
       0},
      {"host: case",
       {"leaf-san-mix.pem", "intermediate-ca.pem"},
       root,
       options("MIXED.example.org"),
       E::ok,
       0},
      {"host: NUL in the SAN",
       {"leaf-san-nul.pem", "intermediate-ca.pem"},
       root,
       options("evil.example"),
       E::hostname_mismatch,
       0},
      {"host: CN only",
       {"leaf-cn-only.pem", "intermediate-ca.pem"},
       root,
       options("cn-only.example"),
       E::ok,
       0},
  };
}

TEST(Verify, Matrix) {
  for (const Case &c : matrix()) {
    SCOPED_TRACE(c.name);
    const auto chain = load_certs(c.chain);
    const TrustStore store = store_of(c.anchors);
    const VerifyResult r = verify_chain(chain, store, c.options);
    EXPECT_EQ(static_cast<int>(r.error), static_cast<int>(c.error))
        << verify_error_name(r.error) << ": " << r.text;
    EXPECT_EQ(r.ok, c.error == VerifyError::ok) << r.text;
    if (!r.ok) {
      EXPECT_EQ(r.depth, c.depth) << r.text;
      ASSERT_LT(static_cast<std::size_t>(r.depth), r.chain.size());
      EXPECT_EQ(r.subject, r.chain[static_cast<std::size_t>(r.depth)].subject().to_string());
    } else {
      EXPECT_EQ(r.text, "OK");
      // The path ends at a certificate of the trust store.
      EXPECT_TRUE(store.contains(r.chain.back()));
    }
  }
}

// The same bad chains through `openssl verify`: the codes and depths agree wherever OpenSSL
// has the check (OpenSSL does not backtrack past a bad issuer, enforce SHA-1 / key-size
// policies by default, or check purpose without -purpose).
TEST(Verify, AgreesWithOpensslVerify) {
  if (!test::have_openssl()) GTEST_SKIP() << "openssl not installed";
  int compared = 0;
  for (const Case &c : matrix()) {
    if (c.error == VerifyError::ok || c.options.min_rsa_bits != 2048 ||
        c.error == VerifyError::ca_md_too_weak || c.options.max_depth != 10 ||
        c.options.purpose != Purpose::server || c.chain.size() > 2 ||
        c.error == VerifyError::ip_address_mismatch)
      continue;
    SCOPED_TRACE(c.name);
    std::string cmd = "openssl verify -attime " + std::to_string(kTime) + " -purpose sslserver";
    for (const std::string &a : c.anchors)
      cmd += " -CAfile '" + data_path(a) + "'";
    for (std::size_t i = 0; i < c.chain.size(); ++i)
      if (i > 0 || c.chain[i].find(".chain.") != std::string::npos)
        cmd += " -untrusted '" + data_path(c.chain[i]) + "'";
    if (!c.options.host.empty()) cmd += " -verify_hostname '" + c.options.host + "'";
    cmd += " '" + data_path(c.chain[0]) + "' 2>&1";
    int status = 0;
    const auto out = test::run(cmd, &status);
    ASSERT_TRUE(out.has_value());
    // openssl verify goes on after an error and prints each one ("error 20 at 0 depth lookup:
    // ..."); ours must be among them.
    const std::string ours = "error " + std::to_string(static_cast<int>(c.error)) + " at " +
                             std::to_string(c.depth) + " depth lookup";
    const bool found = out->find(ours) != std::string::npos;
    EXPECT_TRUE(found) << "tlspp: error " << static_cast<int>(c.error) << " at " << c.depth
                       << "\nopenssl: " << *out;
    ++compared;
  }
  EXPECT_GE(compared, 15);
}

TEST(Verify, ErrorTextNamesDepthReasonAndSubject) {
  const auto chain = load_certs({"server-p256.chain.pem"});
  const VerifyResult r = verify_chain(chain, store_of({"root-ca.pem"}), options("a.example"));
  EXPECT_EQ(r.text,
            "certificate verify failed at depth 0: hostname 'a.example' not in certificate "
            "(DNS:localhost); subject: C = US, O = tlspp test, CN = localhost");
  EXPECT_EQ(r.alert(), AlertDescription::bad_certificate);
  EXPECT_EQ(r.to_error().reason, r.text);

  const VerifyResult expired = verify_chain(load_certs({"leaf-expired.pem", "intermediate-ca.pem"}),
                                            store_of({"root-ca.pem"}), options());
  EXPECT_EQ(expired.reason,
            "certificate has expired (notAfter Dec 31 23:59:59 2024 GMT, verification time Jun  1 "
            "00:00:00 2030 GMT)");
  EXPECT_EQ(expired.alert(), AlertDescription::certificate_expired);
  EXPECT_STREQ(verify_error_name(expired.error), "X509_V_ERR_CERT_HAS_EXPIRED");
  EXPECT_STREQ(verify_error_text(expired.error), "certificate has expired");

  const VerifyResult unknown =
      verify_chain(load_certs({"leaf-untrusted.pem"}), store_of({"root-ca.pem"}), options());
  EXPECT_EQ(unknown.alert(), AlertDescription::unknown_ca);
  const VerifyResult empty = verify_chain({}, store_of({"root-ca.pem"}), options());
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.error, VerifyError::unspecified);
}

TEST(Verify, DerChainsAsTheHandshakeGetsThem) {
  const Bytes leaf = test::pem_der("server-p256.pem");
  const Bytes intermediate = test::pem_der("intermediate-ca.pem");
  const TrustStore store = store_of({"root-ca.pem"});
  auto ok = verify_der_chain({leaf, intermediate}, store, options("localhost"));
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->ok) << ok->text;
  const Bytes garbage = {0x30, 0x03, 0x02, 0x01};
  auto bad = verify_der_chain({leaf, garbage}, store, options("localhost"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().alert, AlertDescription::decode_error);
  EXPECT_NE(bad.error().reason.find("certificate 1: Certificate: at offset 1"), std::string::npos)
      << bad.error().reason;
}

TEST(Verify, TamperedSignatureFails) {
  Bytes der = test::pem_der("server-p256.pem");
  der[der.size() - 5] ^= 0x01;  // inside the ECDSA signature's s
  auto tampered = Certificate::parse(der);
  ASSERT_TRUE(tampered.ok());
  std::vector<Certificate> chain = {*tampered, test::load_cert("intermediate-ca.pem")};
  const VerifyResult r = verify_chain(chain, store_of({"root-ca.pem"}), options());
  EXPECT_EQ(r.error, VerifyError::cert_signature_failure);
  EXPECT_EQ(r.depth, 0);
  EXPECT_EQ(r.alert(), AlertDescription::decrypt_error);
  // And a changed to-be-signed part (the subject CN "localhost" -> "localhosu").
  Bytes tbs = test::pem_der("server-p256.pem");
  const std::string text(tbs.begin(), tbs.end());
  const std::size_t at = text.find("localhost");
  ASSERT_NE(at, std::string::npos);
  tbs[at + 8] = 'u';
  auto changed = Certificate::parse(tbs);
  ASSERT_TRUE(changed.ok());
  chain[0] = *changed;
  EXPECT_EQ(verify_chain(chain, store_of({"root-ca.pem"}), options()).error,
            VerifyError::cert_signature_failure);
}

TEST(Verify, TimeComesFromTheProviderClockUnlessGiven) {
  const auto chain = load_certs({"leaf-expired.pem", "intermediate-ca.pem"});
  const TrustStore store = store_of({"root-ca.pem"});
  VerifyOptions o;
  o.provider = cipher::deterministic_provider(1, 1717200000);  // 2024-06-01
  EXPECT_TRUE(verify_chain(chain, store, o).ok);
  o.provider = cipher::deterministic_provider(1, kTime);
  EXPECT_EQ(verify_chain(chain, store, o).error, VerifyError::cert_has_expired);
  o.time = 1717200000;  // an explicit time wins over the clock
  EXPECT_TRUE(verify_chain(chain, store, o).ok);
}

TEST(Verify, CallbackSeesEveryCertificateAndMayOverride) {
  struct Call {
    bool ok;
    int depth;
    VerifyError error;
    std::string subject;
  };
  std::vector<Call> calls;
  VerifyOptions o = options();
  o.callback = [&calls](bool ok, const Certificate &cert, int depth, VerifyError error) {
    calls.push_back({ok, depth, error, cert.subject().to_string()});
    return true;  // accept everything
  };
  const auto chain = load_certs({"leaf-expired.pem", "intermediate-ca.pem"});
  const VerifyResult r = verify_chain(chain, store_of({"root-ca.pem"}), o);
  EXPECT_TRUE(r.ok) << r.text;
  ASSERT_EQ(calls.size(), 3u);
  // From the anchor down: root and intermediate pass, the leaf's expiry is reported (and
  // overridden).
  EXPECT_TRUE(calls[0].ok);
  EXPECT_EQ(calls[0].depth, 2);
  EXPECT_EQ(calls[0].subject, "C = US, O = tlspp test, CN = tlspp Test Root CA");
  EXPECT_TRUE(calls[1].ok);
  EXPECT_EQ(calls[1].depth, 1);
  EXPECT_FALSE(calls[2].ok);
  EXPECT_EQ(calls[2].depth, 0);
  EXPECT_EQ(calls[2].error, VerifyError::cert_has_expired);

  // Overriding only the host-name error.
  VerifyOptions h = options("wrong.example");
  h.callback = [](bool ok, const Certificate &, int, VerifyError error) {
    return ok || error == VerifyError::hostname_mismatch;
  };
  EXPECT_TRUE(verify_chain(load_certs({"server-p256.chain.pem"}), store_of({"root-ca.pem"}), h).ok);
  // ... but not the expiry.
  VerifyOptions e = h;
  e.host.clear();
  EXPECT_EQ(verify_chain(chain, store_of({"root-ca.pem"}), e).error, VerifyError::cert_has_expired);

  // Rejecting a certificate that passed (pinning, say).
  VerifyOptions pin = options();
  pin.callback = [](bool ok, const Certificate &, int depth, VerifyError) {
    return ok && depth != 1;
  };
  const VerifyResult pinned =
      verify_chain(load_certs({"server-p256.chain.pem"}), store_of({"root-ca.pem"}), pin);
  EXPECT_EQ(pinned.error, VerifyError::application_verification);
  EXPECT_EQ(pinned.depth, 1);
}

TEST(Verify, CaDirectoryAndBundle) {
  TrustStore dir;
  auto used = dir.add_directory(data_path("ca-dir"));
  ASSERT_TRUE(used.ok()) << used.error().reason;
  EXPECT_EQ(*used, 3u);  // README.txt is skipped
  EXPECT_EQ(dir.size(), 3u);
  TrustStore bundle = store_of({"ca-bundle.pem"});
  EXPECT_EQ(bundle.size(), 3u);
  EXPECT_TRUE(bundle.add_file(data_path("root-ca.pem")).ok());
  EXPECT_EQ(bundle.size(), 3u);  // a duplicate is kept once
  for (const TrustStore *s : {&dir, &bundle}) {
    EXPECT_TRUE(
        verify_chain(load_certs({"server-rsa2048.chain.pem"}), *s, options("localhost")).ok);
    EXPECT_TRUE(verify_chain(load_certs({"leaf-sig-ecdsa-p256.pem"}), *s, options()).ok);
  }
  EXPECT_FALSE(dir.add_directory(data_path("no-such-dir")).ok());
}

TEST(Verify, PathBuildingIsBoundedForHostileChains) {
  // Many copies of issuers sharing one name: verification must finish quickly and fail
  // cleanly rather than explore every combination.
  std::vector<Certificate> chain = load_certs({"leaf-san-mix.pem"});
  const auto decoy = load_certs({"decoy-intermediate-ca.pem"});
  const auto cross = load_certs({"intermediate-ca-cross.pem"});
  for (int i = 0; i < 40; ++i)
    chain.push_back(i % 2 ? decoy[0] : cross[0]);
  const VerifyResult r = verify_chain(chain, store_of({"root-ca.pem"}), options());
  EXPECT_FALSE(r.ok);
}

TEST(CertifiedKey, MismatchedPairsAreRefused) {
  const auto provider = cipher::default_provider();
  auto good = load_certified_key_files(data_path("server-p256.chain.pem"),
                                       data_path("server-p256.key"), *provider);
  ASSERT_TRUE(good.ok()) << good.error().reason;
  EXPECT_EQ(good->chain.size(), 2u);
  for (const auto &[chain, key] : std::vector<std::pair<std::string, std::string>>{
           {"server-rsa2048.chain.pem", "server-rsa2048.pkcs1.key"},
           {"server-ed25519.chain.pem", "server-ed25519.key"},
           {"server-p384.chain.pem", "server-p384.sec1.key"}}) {
    EXPECT_TRUE(load_certified_key_files(data_path(chain), data_path(key), *provider).ok()) << key;
  }
  auto mismatch = load_certified_key_files(data_path("server-p256.chain.pem"),
                                           data_path("server-p384.key"), *provider);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().alert, AlertDescription::bad_certificate);
  EXPECT_NE(mismatch.error().reason.find("private key does not match the certificate"),
            std::string::npos)
      << mismatch.error().reason;
  EXPECT_FALSE(load_certified_key_files(data_path("server-rsa2048.chain.pem"),
                                        data_path("client-rsa2048.key"), *provider)
                   .ok());

  // Same public key, wrong private exponent: caught by the provider's key-pair check.
  auto key = load_private_key_file(data_path("server-rsa2048.key"));
  ASSERT_TRUE(key.ok());
  key->rsa_d.back() ^= 0x02;
  const Certificate cert = test::load_cert("server-rsa2048.pem");
  const Status s = check_key_matches_certificate(*key, cert, *provider);
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace tls::x509
