// Negotiated features end to end: ALPN, SNI, record-size limits, the trace and the key log,
// and RSA key exchange that fails the same way whatever is wrong with the pre-master secret.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/hex.hpp"
#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

TEST(Features, AlpnAgreesOnTheServersChoice) {
  Pair pair;
  configure(pair, {});
  pair.client_config().alpn_protocols = {"http/1.1", "h2"};
  pair.server_config().alpn_protocols = {"h2", "http/1.1"};
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(pair.client().machine->negotiated().alpn, "h2");
  EXPECT_EQ(pair.server().machine->negotiated().alpn, "h2");
}

TEST(Features, MaxFragmentLengthLimitsRecords) {
  Pair pair;
  configure(pair, {"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls12});
  pair.client_config().max_fragment_length = 1;  // 2^9
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(pair.client().machine->negotiated().max_fragment_length, 512);
  EXPECT_EQ(pair.server().records->max_write_plaintext(), 512u);
  EXPECT_EQ(pair.client().records->max_read_plaintext(), 512u);
  const Bytes big(3000, 0x42);
  auto got = pair.send_application_data(false, big);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, big);
}

TEST(Features, RecordSizeLimitBindsTheSender) {
  Pair pair;
  configure(pair, {});
  pair.client_config().record_size_limit = 256;
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(pair.server().records->max_write_plaintext(), 256u);
  EXPECT_EQ(pair.client().records->max_read_plaintext(), 256u);
  const Bytes big(1000, 0x17);
  auto got = pair.send_application_data(false, big);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, big);
}

TEST(Features, SniReachesTheServerAndCanSwitchConfiguration) {
  Pair pair;
  configure(pair, {"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048"});
  // The RSA configuration cannot serve an ECDSA suite; the name selects one that can.
  auto other = std::make_shared<Config>(pair.server_config());
  other->certificates = {load_certified("server-p256", *pair.server().provider)};
  std::string seen;
  pair.server_config().sni_callback = [&](std::string_view name) {
    seen = std::string(name);
    return SniDecision{SniDecision::Action::switch_config, other};
  };
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  EXPECT_EQ(seen, "localhost");
  EXPECT_EQ(pair.server().machine->negotiated().server_name, "localhost");
}

TEST(Features, ClientCertificateIsVerifiedAndSeenByTheServer) {
  Pair pair;
  configure(pair, {"ECDHE-ECDSA-AES256-GCM-SHA384", ProtocolVersion::tls12, "server-p256", true,
                   "client-p256"});
  pair.server_config().verify_mode = VerifyMode::require_peer_cert;
  pair.start();
  ASSERT_TRUE(pair.run()) << error_text(pair.server());
  const Negotiated &s = pair.server().machine->negotiated();
  ASSERT_EQ(s.peer_chain.size(), 2u);
  ASSERT_TRUE(s.verify_result.has_value());
  EXPECT_TRUE(s.verify_result->ok);
  EXPECT_TRUE(s.peer_signature_scheme.has_value());
}

TEST(Features, TraceReportsMessagesSecretsAndKeys) {
  Pair pair;
  configure(pair, {});
  std::vector<TraceEvent> events;
  pair.client_config().trace = [&](const TraceEvent &e) { events.push_back(e); };
  pair.client_config().trace_fields = true;
  pair.client_config().trace_secrets = true;
  std::string keylog;
  pair.client_config().keylog = [&](std::string_view line) { keylog = std::string(line); };
  pair.start();
  ASSERT_TRUE(pair.run());
  const auto count = [&](TraceEvent::Kind k) {
    return std::count_if(events.begin(), events.end(),
                         [&](const TraceEvent &e) { return e.kind == k; });
  };
  EXPECT_EQ(count(TraceEvent::Kind::message_sent), 3);      // ClientHello, CKE, Finished
  EXPECT_EQ(count(TraceEvent::Kind::message_received), 5);  // SH, Cert, SKE, SHD, Finished
  EXPECT_EQ(count(TraceEvent::Kind::change_cipher_spec_sent), 1);
  EXPECT_EQ(count(TraceEvent::Kind::change_cipher_spec_received), 1);
  EXPECT_EQ(count(TraceEvent::Kind::keys_installed), 2);
  const auto hello = std::find_if(events.begin(), events.end(), [](const TraceEvent &e) {
    return e.kind == TraceEvent::Kind::message_sent;
  });
  ASSERT_NE(hello, events.end());
  EXPECT_EQ(hello->message_type, HandshakeType::client_hello);
  EXPECT_FALSE(hello->fields.empty());
  const auto master = std::find_if(events.begin(), events.end(), [](const TraceEvent &e) {
    return e.kind == TraceEvent::Kind::secret && e.secret_name == "master_secret";
  });
  ASSERT_NE(master, events.end());
  const Negotiated &n = pair.client().machine->negotiated();
  EXPECT_EQ(keylog, "CLIENT_RANDOM " + to_hex(n.client_random) + " " + to_hex(n.master_secret));
}

TEST(Features, NoSecretsInTheTraceUnlessAsked) {
  Pair pair;
  configure(pair, {});
  bool secret = false;
  pair.client_config().trace = [&](const TraceEvent &e) {
    secret = secret || e.kind == TraceEvent::Kind::secret;
  };
  pair.start();
  ASSERT_TRUE(pair.run());
  EXPECT_FALSE(secret);
}

// Wraps the server's RSA key to damage what the client encrypted, in different ways.
class DamagingKey : public cipher::PrivateKeyOperations {
 public:
  enum class Damage { ciphertext, version, decrypt_error };
  DamagingKey(std::shared_ptr<cipher::PrivateKeyOperations> inner, Damage damage)
      : inner_(std::move(inner)), damage_(damage) {}
  const cipher::PublicKey &public_key() const override { return inner_->public_key(); }
  Result<Bytes> sign(const cipher::SignatureParams &p, ByteView d) override {
    return inner_->sign(p, d);
  }
  Result<SecureBuffer> rsa_decrypt_raw(ByteView ciphertext) override {
    if (damage_ == Damage::decrypt_error) return make_error(AlertDescription::internal_error, "no");
    Bytes c(ciphertext.begin(), ciphertext.end());
    if (damage_ == Damage::ciphertext) c[c.size() / 2] ^= 0x01;
    auto m = inner_->rsa_decrypt_raw(c);
    if (m && damage_ == Damage::version) (*m)[m->size() - 48] ^= 0x01;
    return m;
  }

 private:
  std::shared_ptr<cipher::PrivateKeyOperations> inner_;
  Damage damage_;
};

TEST(Features, RsaKeyExchangeFailsAlikeWhateverIsWrong) {
  // Bleichenbacher / ROBOT: bad padding, a wrong version and an undecryptable block must all
  // look the same from outside: the handshake goes on and fails at the client's Finished.
  for (auto damage : {DamagingKey::Damage::ciphertext, DamagingKey::Damage::version,
                      DamagingKey::Damage::decrypt_error}) {
    Pair pair;
    configure(pair, {"AES128-GCM-SHA256"});
    CertifiedKey &key = pair.server_config().certificates.front();
    key.key = std::make_shared<DamagingKey>(key.key, damage);
    pair.start();
    EXPECT_FALSE(pair.run());
    ASSERT_TRUE(pair.server().machine->error());
    EXPECT_EQ(pair.server().machine->error()->alert, AlertDescription::bad_record_mac);
    EXPECT_NE(pair.server().machine->error()->reason.find("SSL3_ST_SR_FINISHED"), std::string::npos)
        << pair.server().machine->error()->reason;
  }
}

TEST(Features, HandshakeDataIsFreedAtOk) {
  Pair pair;
  configure(pair, {});
  pair.start();
  ASSERT_TRUE(pair.run());
  EXPECT_TRUE(pair.client().machine->done());
  EXPECT_EQ(pair.client().machine->step(), StepResult::done);
  EXPECT_EQ(pair.server().machine->step(), StepResult::done);
}

}  // namespace
}  // namespace tls::handshake::test
