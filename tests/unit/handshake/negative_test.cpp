// Named attacks and deviations: each must end the handshake with the right alert.
#include <gtest/gtest.h>

#include "handshake/messages/certificate.hpp"
#include "handshake/messages/server_hello.hpp"
#include "handshake/signature_choice.hpp"
#include "handshake/signature_scheme.hpp"
#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

// Stops `victim` in `state`, injects, and returns the victim's alert.
std::optional<AlertDescription> inject_at(const PairSetup &setup, bool victim, State state,
                                          Inject what,
                                          HandshakeType type = HandshakeType::hello_request,
                                          ByteView body = {}) {
  Pair pair;
  configure(pair, setup);
  pair.start();
  EXPECT_TRUE(pair.run_until(victim, state)) << state_name(state);
  const Bytes bytes = injected_bytes(pair, victim, what, type, body);
  EXPECT_EQ(pair.deliver(victim, bytes), StepResult::failed);
  const auto &error = pair.side(victim).machine->error();
  if (!error) return std::nullopt;
  return error->alert;
}

constexpr bool kClient = true;
constexpr bool kServer = false;
const auto kUnexpected = std::optional(AlertDescription::unexpected_message);

TEST(Negative, ServerKeyExchangeMissingInEcdhe) {
  EXPECT_EQ(inject_at({"ECDHE-RSA-AES128-GCM-SHA256"}, kClient, State::cr_key_exch,
                      Inject::handshake, HandshakeType::server_hello_done),
            kUnexpected);
}

TEST(Negative, ServerKeyExchangeMissingInDhe) {
  EXPECT_EQ(inject_at({"DHE-RSA-AES128-GCM-SHA256"}, kClient, State::cr_key_exch, Inject::handshake,
                      HandshakeType::server_hello_done),
            kUnexpected);
}

TEST(Negative, ServerKeyExchangeInPlainRsaIsFreak) {
  // FREAK: an export-style ServerKeyExchange in an RSA suite must not be accepted.
  const Bytes fake_params = {0, 1, 0xff, 0, 1, 3};
  EXPECT_EQ(inject_at({"AES128-SHA"}, kClient, State::cr_cert_req, Inject::handshake,
                      HandshakeType::server_key_exchange, fake_params),
            kUnexpected);
}

TEST(Negative, CertificateVerifyMissingAfterClientCertificate) {
  const PairSetup s{"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048", true,
                    "client-p256"};
  EXPECT_EQ(inject_at(s, kServer, State::sr_cert_vrfy, Inject::change_cipher_spec), kUnexpected);
}

TEST(Negative, EarlyChangeCipherSpecCve20140224) {
  for (State state : {State::cr_cert, State::cr_key_exch, State::cr_cert_req})
    EXPECT_EQ(
        inject_at({"ECDHE-RSA-AES128-GCM-SHA256"}, kClient, state, Inject::change_cipher_spec),
        kUnexpected)
        << state_name(state);
  EXPECT_EQ(inject_at({"AES128-SHA"}, kServer, State::sr_key_exch, Inject::change_cipher_spec),
            kUnexpected);
}

TEST(Negative, SecondChangeCipherSpec) {
  EXPECT_EQ(inject_at({}, kClient, State::cr_finished, Inject::change_cipher_spec), kUnexpected);
  EXPECT_EQ(inject_at({}, kServer, State::sr_finished, Inject::change_cipher_spec), kUnexpected);
}

TEST(Negative, FinishedBeforeChangeCipherSpec) {
  const Bytes verify_data(12, 0);
  EXPECT_EQ(inject_at({}, kClient, State::cr_change, Inject::handshake, HandshakeType::finished,
                      verify_data),
            kUnexpected);
  EXPECT_EQ(inject_at({}, kServer, State::sr_change, Inject::handshake, HandshakeType::finished,
                      verify_data),
            kUnexpected);
}

TEST(Negative, ApplicationDataBeforeFinished) {
  EXPECT_EQ(inject_at({}, kClient, State::cr_finished, Inject::application_data), kUnexpected);
  EXPECT_EQ(inject_at({}, kServer, State::sr_finished, Inject::application_data), kUnexpected);
  EXPECT_EQ(inject_at({}, kServer, State::sr_key_exch, Inject::application_data), kUnexpected);
}

TEST(Negative, WrongFinishedIsDecryptError) {
  const Bytes wrong(12, 0);
  EXPECT_EQ(
      inject_at({}, kClient, State::cr_finished, Inject::handshake, HandshakeType::finished, wrong),
      AlertDescription::decrypt_error);
  EXPECT_EQ(
      inject_at({}, kServer, State::sr_finished, Inject::handshake, HandshakeType::finished, wrong),
      AlertDescription::decrypt_error);
  const Bytes wrong_ssl3(36, 0);
  EXPECT_EQ(inject_at({"AES128-SHA", ProtocolVersion::ssl3}, kClient, State::cr_finished,
                      Inject::handshake, HandshakeType::finished, wrong_ssl3),
            AlertDescription::decrypt_error);
}

TEST(Negative, SecondClientHelloMidHandshake) {
  EXPECT_EQ(
      inject_at({}, kServer, State::sr_key_exch, Inject::handshake, HandshakeType::client_hello),
      kUnexpected);
}

// A ServerHello the client did not ask for, sent in place of the real one.
std::optional<AlertDescription> bad_server_hello(
    const std::function<void(ServerHello &)> &edit,
    ProtocolVersion client_max = ProtocolVersion::tls12, bool long_session_id = false) {
  PairSetup s;
  s.version = client_max;
  if (client_max != ProtocolVersion::tls12) s.suite = "ECDHE-RSA-AES128-SHA";
  ServerHello hello;
  hello.version = client_max;
  hello.cipher_suite = cipher::find_suite(s.suite)->id;
  hello.random.fill(7);
  hello.extensions = {{0xff01, {0}}};  // renegotiation_info, empty
  hello.has_extensions_block = true;
  edit(hello);
  auto body = serialize(hello);
  EXPECT_TRUE(body.ok());
  Bytes bytes = *body;
  if (long_session_id) {
    // 33 bytes of session id: one more than SessionID<0..32> allows.
    bytes[34] = 33;
    bytes.insert(bytes.begin() + 35, 33, 0x5a);
  }
  return inject_at(s, kClient, State::cr_srvr_hello, Inject::handshake, HandshakeType::server_hello,
                   bytes);
}

TEST(Negative, ServerHelloWithSuiteNotOffered) {
  EXPECT_EQ(bad_server_hello([](ServerHello &h) { h.cipher_suite = 0x009c; }),
            AlertDescription::illegal_parameter);
  // The signalling values are never negotiated.
  EXPECT_EQ(bad_server_hello([](ServerHello &h) { h.cipher_suite = 0x00ff; }),
            AlertDescription::illegal_parameter);
}

TEST(Negative, ServerHelloWithVersionNotOffered) {
  EXPECT_EQ(bad_server_hello([](ServerHello &h) { h.version = ProtocolVersion::tls12; },
                             ProtocolVersion::tls11),
            AlertDescription::protocol_version);
  EXPECT_EQ(bad_server_hello([](ServerHello &h) { h.version = ProtocolVersion::ssl3; },
                             ProtocolVersion::tls11),
            AlertDescription::protocol_version);
  EXPECT_EQ(
      bad_server_hello([](ServerHello &h) { h.version = static_cast<ProtocolVersion>(0x0304); }),
      AlertDescription::protocol_version);
}

TEST(Negative, ServerHelloWithCompression) {
  EXPECT_EQ(bad_server_hello([](ServerHello &h) { h.compression_method = 1; }),
            AlertDescription::illegal_parameter);
}

TEST(Negative, ServerHelloWithExtensionNotOffered) {
  EXPECT_EQ(bad_server_hello([](ServerHello &h) {
              h.extensions.push_back({18, {}});  // signed_certificate_timestamp
            }),
            AlertDescription::unsupported_extension);
}

TEST(Negative, ServerHelloWithLongSessionId) {
  EXPECT_EQ(bad_server_hello([](ServerHello &) {}, ProtocolVersion::tls12, true),
            AlertDescription::decode_error);
}

// RFC 8446 §4.1.3: a ServerHello for TLS 1.1 whose random ends with "DOWNGRD" 00 tells a client
// that offered TLS 1.2 that its hello was rewritten.
TEST(Negative, DowngradeSentinelIsRefusedByAClientThatOfferedTls12) {
  const Bytes sentinel = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};
  for (bool marked : {true, false}) {
    SCOPED_TRACE(marked ? "marked" : "not marked");
    Pair pair;
    configure(pair, {"ECDHE-RSA-AES128-SHA"});
    pair.client_config().min_version = ProtocolVersion::tls10;
    pair.start();
    ASSERT_TRUE(pair.run_until(kClient, State::cr_srvr_hello));
    ServerHello hello;
    hello.version = ProtocolVersion::tls11;
    hello.cipher_suite = cipher::find_suite("ECDHE-RSA-AES128-SHA")->id;
    hello.random.fill(7);
    if (marked) std::copy(sentinel.begin(), sentinel.end(), hello.random.end() - 8);
    hello.extensions = {{0xff01, {0}}};
    hello.has_extensions_block = true;
    auto body = serialize(hello);
    ASSERT_TRUE(body.ok());
    const Bytes bytes =
        injected_bytes(pair, kClient, Inject::handshake, HandshakeType::server_hello, *body);
    const StepResult r = pair.deliver(kClient, bytes);
    if (marked) {
      ASSERT_EQ(r, StepResult::failed);
      EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::illegal_parameter);
      EXPECT_NE(pair.client().machine->error()->reason.find("downgrade sentinel"),
                std::string::npos);
    } else {
      // Unmarked, TLS 1.1 is within the client's range: the ServerHello is accepted.
      EXPECT_NE(r, StepResult::failed) << pair.client().machine->error()->reason;
    }
  }
}

// The server marks a version below 1.2 only when it could have done 1.2; a client whose own
// maximum is below 1.2 does not look for the mark, and the handshake completes.
TEST(Negative, ServerMarksALowerVersionOnlyWhenItCouldDoTls12) {
  const Bytes sentinel = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};
  for (ProtocolVersion server_max : {ProtocolVersion::tls12, ProtocolVersion::tls11}) {
    SCOPED_TRACE(version_name(server_max));
    Pair pair;
    configure(pair, {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls11});
    pair.server_config().max_version = server_max;
    pair.start();
    ASSERT_TRUE(pair.run());
    const Bytes &random = pair.client().machine->negotiated().server_random;
    ASSERT_EQ(random.size(), 32u);
    const bool marked = std::equal(sentinel.begin(), sentinel.end(), random.end() - 8);
    EXPECT_EQ(marked, server_max == ProtocolVersion::tls12);
  }
}

// RFC 8422 §5.3: an ECDSA certificate's curve must be one the client listed. A server with
// P-256 and P-384 certificates picks the one on the client's curve; with only a P-256
// certificate and a client that lists no P-256, it has no ECDSA suite to offer.
TEST(Negative, ServerPicksAnEcdsaCertificateOnACurveTheClientListed) {
  using cipher::NamedGroup;
  {
    Pair pair;
    configure(pair, {"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-p256"});
    pair.server_config().certificates.insert(
        pair.server_config().certificates.begin(),
        load_certified("server-p384", *pair.server().provider));
    pair.client_config().groups = {NamedGroup::x25519, NamedGroup::secp256r1};
    pair.start();
    ASSERT_TRUE(pair.run()) << pair.client().machine->error()->reason;
    EXPECT_EQ(pair.client().machine->negotiated().peer_chain.front().public_key().type,
              cipher::KeyType::ec_p256);
  }
  {
    Pair pair;
    configure(pair, {"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-p256"});
    pair.client_config().groups = {NamedGroup::x25519, NamedGroup::secp384r1};
    pair.start();
    EXPECT_FALSE(pair.run());
    ASSERT_TRUE(pair.server().machine->error().has_value());
    EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
  }
}

// A server that ignores the client's list: the client refuses the certificate. Our server
// honours the list (it uses its P-384 certificate), so a P-256 chain is sent in its place.
TEST(Negative, ClientRefusesAnEcdsaCertificateOffItsCurves) {
  Pair probe;
  CertificateMessage p256;
  for (const x509::Certificate &c : load_certified("server-p256", *probe.server().provider).chain)
    p256.certificate_list.emplace_back(c.der().begin(), c.der().end());
  auto body = serialize(p256);
  ASSERT_TRUE(body.ok());

  const PairSetup setup{"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-p384"};
  Pair pair;
  configure(pair, setup);
  pair.client_config().groups = {cipher::NamedGroup::x25519, cipher::NamedGroup::secp384r1};
  pair.start();
  ASSERT_TRUE(pair.run_until(kClient, State::cr_cert));
  const Bytes bytes =
      injected_bytes(pair, kClient, Inject::handshake, HandshakeType::certificate, *body);
  EXPECT_EQ(pair.deliver(kClient, bytes), StepResult::failed);
  ASSERT_TRUE(pair.client().machine->error().has_value());
  EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::illegal_parameter);
  EXPECT_NE(pair.client().machine->error()->reason.find("supported_groups (RFC 8422"), std::string::npos)
      << pair.client().machine->error()->reason;
}

TEST(Negative, FallbackScsvWhenTheServerCouldDoBetter) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls11});
  pair.client_config().send_fallback_scsv = true;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::inappropriate_fallback);
  EXPECT_EQ(pair.client().records->peer_fatal_alert(), AlertDescription::inappropriate_fallback);
}

TEST(Negative, FallbackScsvAcceptedAtTheServersBest) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls11});
  pair.server_config().max_version = ProtocolVersion::tls11;
  pair.client_config().send_fallback_scsv = true;
  pair.start();
  EXPECT_TRUE(pair.run()) << error_text(pair.server());
}

TEST(Negative, ClientRefusesVersionBelowItsMinimum) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-SHA"});
  pair.client_config().min_version = ProtocolVersion::tls11;
  pair.server_config().max_version = ProtocolVersion::tls10;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.client().machine->error());
  EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::protocol_version);
}

TEST(Negative, ServerRefusesVersionBelowItsMinimum) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls10});
  pair.server_config().min_version = ProtocolVersion::tls12;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::protocol_version);
}

TEST(Negative, NoSharedCipher) {
  Pair pair;
  configure(pair, {"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048"});
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
}

TEST(Negative, HostNameMismatchFailsVerification) {
  Pair pair;
  configure(pair, {});
  pair.start("wrong.example");
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.client().machine->error());
  EXPECT_NE(pair.client().machine->error()->reason.find("wrong.example"), std::string::npos)
      << error_text(pair.client());
  EXPECT_EQ(pair.client().machine->state(), State::error);
}

TEST(Negative, VerificationOffOnlyWhenAskedFor) {
  Pair pair;
  configure(pair, {});
  pair.client_config().verify_mode = VerifyMode::none;
  pair.start("wrong.example");
  EXPECT_TRUE(pair.run()) << error_text(pair.client());
  EXPECT_FALSE(pair.client().machine->negotiated().verify_result.has_value());
}

TEST(Negative, UntrustedServerChain) {
  Pair pair;
  configure(pair, {});
  auto empty = std::make_shared<x509::TrustStore>();
  pair.client_config().trust_store = empty;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.client().machine->error());
  EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::unknown_ca);
}

TEST(Negative, DhPrimeBelowTheClientsMinimum) {
  Pair pair;
  configure(pair, {"DHE-RSA-AES128-GCM-SHA256"});
  pair.client_config().min_dh_bits = 3072;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.client().machine->error());
  EXPECT_EQ(pair.client().machine->error()->alert, AlertDescription::insufficient_security);
}

TEST(Negative, ClientCertificateRequiredButMissing) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048", true});
  pair.server_config().verify_mode = VerifyMode::require_peer_cert;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
}

TEST(Negative, ExtendedMasterSecretRequired) {
  Pair pair;
  configure(pair, {});
  pair.client_config().extended_master_secret = false;
  pair.server_config().require_extended_master_secret = true;
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
}

TEST(Negative, NoCommonApplicationProtocol) {
  Pair pair;
  configure(pair, {});
  pair.client_config().alpn_protocols = {"h2"};
  pair.server_config().alpn_protocols = {"http/1.1"};
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::no_application_protocol);
}

TEST(Negative, SniCallbackRejects) {
  Pair pair;
  configure(pair, {});
  pair.server_config().sni_callback = [](std::string_view) {
    return SniDecision{SniDecision::Action::reject, nullptr};
  };
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::unrecognized_name);
}

TEST(Negative, PeerMayOnlySignWithOfferedSchemes) {
  // SLOTH: a signature with a scheme we did not offer is refused before it is checked.
  const std::vector<std::uint16_t> ours = {to_wire(SignatureScheme::rsa_pss_rsae_sha256)};
  EXPECT_TRUE(check_peer_signature_scheme(ours, to_wire(SignatureScheme::rsa_pss_rsae_sha256),
                                          cipher::KeyType::rsa, "ServerKeyExchange")
                  .ok());
  const Status md5 = check_peer_signature_scheme(ours, to_wire(SignatureScheme::rsa_pkcs1_md5),
                                                 cipher::KeyType::rsa, "ServerKeyExchange");
  ASSERT_FALSE(md5.ok());
  EXPECT_EQ(md5.error().alert, AlertDescription::illegal_parameter);
  const Status wrong_key = check_peer_signature_scheme(
      ours, to_wire(SignatureScheme::rsa_pss_rsae_sha256), cipher::KeyType::ec_p256, "x");
  EXPECT_FALSE(wrong_key.ok());
}

TEST(Negative, ServerWithoutACommonSignatureSchemeRefuses) {
  Pair pair;
  configure(pair, {});
  pair.client_config().signature_schemes = {to_wire(SignatureScheme::rsa_pkcs1_sha256)};
  pair.server_config().signature_schemes = {to_wire(SignatureScheme::rsa_pss_rsae_sha256)};
  pair.start();
  EXPECT_FALSE(pair.run());
  ASSERT_TRUE(pair.server().machine->error());
  EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::handshake_failure);
}

}  // namespace
}  // namespace tls::handshake::test
