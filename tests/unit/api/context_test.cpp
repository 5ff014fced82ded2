// tls::Context set-up: what it accepts, what it refuses and why, and its C API twin.
#include <tls/ssl.h>

#include "api_test_util.hpp"
#include "handshake/config.hpp"
#include "x509/load.hpp"

namespace tls::api_test {
namespace {

TEST(Context, DefaultsAreSafe) {
  Context client = Context::client();
  EXPECT_EQ(client.role(), Role::client);
  EXPECT_EQ(client.min_version(), ProtocolVersion::tls12);
  EXPECT_EQ(client.max_version(), ProtocolVersion::tls12);
  EXPECT_EQ(client.verify_mode(), VerifyMode::peer);  // clients verify by default
  EXPECT_EQ(Context::server().verify_mode(), VerifyMode::none);
  EXPECT_EQ(client.cipher_list().find("RC4"), std::string::npos);
  EXPECT_EQ(client.cipher_list().find("NULL"), std::string::npos);
}

TEST(Context, CipherListUsesOpenSslSyntaxAndNamesUnknownWords) {
  Context ctx = Context::client();
  ASSERT_TRUE(ctx.set_cipher_list("ECDHE+AESGCM:!aECDSA").ok());
  EXPECT_EQ(ctx.cipher_list().rfind("ECDHE-RSA-AES", 0), 0u) << ctx.cipher_list();
  EXPECT_EQ(ctx.cipher_list().find("CBC"), std::string::npos);
  const std::string before = ctx.cipher_list();
  auto bad = ctx.set_cipher_list("ECDHE+AESGCM:NOSUCHWORD");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().reason.find("NOSUCHWORD"), std::string::npos);
  EXPECT_EQ(ctx.cipher_list(), before);  // a refused list changes nothing
}

TEST(Context, CertificatePairsByKeyTypeAndMismatchRefused) {
  Context ctx = Context::server();
  ASSERT_TRUE(ctx.use_certificate_chain_file(data_path("server-rsa2048.chain.pem")).ok());
  EXPECT_EQ(ctx.certificate_count(), 0u);  // waiting for its key
  auto wrong = ctx.use_private_key_file(data_path("server-p256.key"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().reason.find("does not match"), std::string::npos) << wrong.error().reason;
  ASSERT_TRUE(ctx.use_private_key_file(data_path("server-rsa2048.key")).ok());
  EXPECT_EQ(ctx.certificate_count(), 1u);
  // Key first, chain second works as well; a second key type adds a second pair.
  ASSERT_TRUE(ctx.use_private_key_file(data_path("server-p256.key")).ok());
  ASSERT_TRUE(ctx.use_certificate_chain_file(data_path("server-p256.chain.pem")).ok());
  EXPECT_EQ(ctx.certificate_count(), 2u);
  // The same key type again replaces the pair.
  ASSERT_TRUE(ctx.add_certificate_files(data_path("server-rsa2048.chain.pem"),
                                        data_path("server-rsa2048.key"))
                  .ok());
  EXPECT_EQ(ctx.certificate_count(), 2u);
  auto missing = ctx.use_certificate_chain_file(data_path("no-such-file.pem"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().reason.find("no-such-file.pem"), std::string::npos);
}

TEST(Context, TrustFromFileDirectoryAndMemory) {
  Context ctx = Context::client();
  ASSERT_TRUE(ctx.load_verify_file(data_path("root-ca.pem")).ok());
  EXPECT_EQ(ctx.trusted_certificate_count(), 1u);
  ASSERT_TRUE(ctx.load_verify_file(data_path("root-ca.pem")).ok());
  EXPECT_EQ(ctx.trusted_certificate_count(), 1u);  // duplicates kept once
  ASSERT_TRUE(ctx.load_verify_dir(data_path("ca-dir")).ok());
  EXPECT_GT(ctx.trusted_certificate_count(), 1u);
  auto der = x509::read_file(data_path("root-ca.der"));
  ASSERT_TRUE(der.ok());
  Context other = Context::client();
  ASSERT_TRUE(other.add_trusted_certificates(*der).ok());
  EXPECT_EQ(other.trusted_certificate_count(), 1u);
  EXPECT_FALSE(other.load_verify_file(data_path("server-rsa2048.key")).ok());
}

TEST(Context, SnapshotsAreImmutableOnceTaken) {
  Context ctx = Context::client();
  auto before = ctx.config();
  EXPECT_EQ(ctx.config(), before);  // no change: the same snapshot
  ASSERT_TRUE(ctx.load_verify_file(data_path("root-ca.pem")).ok());
  auto after = ctx.config();
  EXPECT_NE(after, before);
  EXPECT_TRUE(before->trust_store->empty());  // a connection already running keeps its view
  EXPECT_EQ(after->trust_store->size(), 1u);
}

TEST(Context, OptionsValidated) {
  Context ctx = Context::client();
  EXPECT_FALSE(ctx.set_alpn_protocols(std::vector<std::string>{""}).ok());
  EXPECT_TRUE(ctx.set_alpn_protocols("h2,http/1.1").ok());
  EXPECT_EQ(ctx.config()->alpn_protocols.size(), 2u);
  EXPECT_FALSE(ctx.set_groups("x25519:nonsense").ok());
  EXPECT_TRUE(ctx.set_groups("P-256:x25519").ok());
  EXPECT_FALSE(ctx.set_max_fragment_length(1000).ok());
  EXPECT_TRUE(ctx.set_max_fragment_length(1024).ok());
  EXPECT_EQ(ctx.config()->max_fragment_length, 2);
  EXPECT_FALSE(ctx.set_min_dh_bits(100).ok());
  EXPECT_FALSE(ctx.set_dhe_group("x25519").ok());
  ctx.set_require_extended_master_secret(true);
  EXPECT_TRUE(ctx.config()->require_extended_master_secret);
}

TEST(Context, EmptyVersionRangeFailsTheHandshakeWithAReason) {
  Context ctx = client_context();
  ASSERT_TRUE(ctx.set_min_version(ProtocolVersion::tls12).ok());
  ASSERT_TRUE(ctx.set_max_version(ProtocolVersion::tls11).ok());
  Connection conn(ctx);
  EXPECT_EQ(conn.connect().code, IoCode::failed);
  EXPECT_NE(conn.error_text().find("version range"), std::string::npos) << conn.error_text();
}

TEST(CApi, ContextCallsReportFailures) {
  EXPECT_EQ(tls_ctx_new(7), nullptr);
  tls_ctx *ctx = tls_ctx_new(TLS_CLIENT);
  ASSERT_NE(ctx, nullptr);
  EXPECT_EQ(tls_ctx_set_min_version(ctx, TLS_VERSION_1_0), 1);
  EXPECT_EQ(tls_ctx_set_max_version(ctx, 0x0304), 0);
  EXPECT_NE(std::string(tls_ctx_error_string(ctx)).find("version"), std::string::npos);
  EXPECT_EQ(tls_ctx_set_cipher_list(ctx, "BOGUS"), 0);
  EXPECT_NE(std::string(tls_ctx_error_string(ctx)).find("BOGUS"), std::string::npos);
  EXPECT_EQ(tls_ctx_set_cipher_list(ctx, "HIGH"), 1);
  EXPECT_STREQ(tls_ctx_error_string(ctx), "");
  EXPECT_EQ(tls_ctx_load_verify_file(ctx, "/nonexistent.pem"), 0);
  EXPECT_EQ(tls_ctx_set_alpn_protos(ctx, "h2,http/1.1"), 1);
  EXPECT_EQ(tls_ctx_set_cipher_list(ctx, nullptr), 0);
  tls_conn *conn = tls_new(ctx);
  ASSERT_NE(conn, nullptr);
  EXPECT_STREQ(tls_get_state(conn), "SSL_ST_BEFORE");
  EXPECT_STREQ(tls_get_cipher(conn), "(NONE)");
  EXPECT_EQ(tls_get_alpn_selected(conn), nullptr);
  EXPECT_EQ(tls_set_fd(conn, -1), 0);
  EXPECT_EQ(tls_read(conn, nullptr, 4), -1);
  EXPECT_EQ(tls_accept(conn), -1);  // a client connection cannot accept
  EXPECT_EQ(tls_get_error(conn, -1), TLS_ERROR_SSL);
  EXPECT_NE(std::string(tls_error_string(conn)).find("client Context"), std::string::npos);
  tls_free(conn);
  tls_ctx_free(ctx);
  tls_free(nullptr);
  tls_ctx_free(nullptr);
}

}  // namespace
}  // namespace tls::api_test
