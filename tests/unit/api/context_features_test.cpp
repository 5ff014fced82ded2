// Context features seen through whole handshakes: the SNI callback switching to another
// Context, a private key behind the key callback, and one Context shared by many threads.
#include <atomic>
#include <thread>

#include "api_test_util.hpp"
#include "cipher/provider.hpp"
#include "x509/load.hpp"

namespace tls::api_test {
namespace {

TEST(ContextFeatures, SniCallbackSwitchesToAnotherContext) {
  Context rsa_ctx = server_context("server-rsa2048");
  Context ec_ctx = server_context("server-p256");
  std::string asked;
  rsa_ctx.set_sni_callback([&](std::string_view name) {
    asked = std::string(name);
    return name == "localhost" ? SniAnswer::use(ec_ctx) : SniAnswer::keep();
  });
  Context client_ctx = client_context();
  Connection server(rsa_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  ASSERT_TRUE(run_pair(client, server)) << client.error_text() << " / " << server.error_text();
  EXPECT_EQ(asked, "localhost");
  ASSERT_FALSE(client.peer_certificates().empty());
  EXPECT_EQ(client.peer_certificates()[0].public_key_description().rfind("EC P-256", 0), 0u);
  EXPECT_NE(std::string(client.cipher()).find("ECDSA"), std::string::npos) << client.cipher();

  // Rejecting the name ends the handshake with unrecognized_name.
  rsa_ctx.set_sni_callback([](std::string_view) { return SniAnswer::reject(); });
  Connection server2(rsa_ctx);
  Connection client2(client_ctx);
  ASSERT_TRUE(client2.set_hostname("localhost").ok());
  connect_in_memory(client2, server2);
  EXPECT_FALSE(run_pair(client2, server2));
  ASSERT_TRUE(server2.last_alert().has_value());
  EXPECT_EQ(server2.last_alert()->description, AlertDescription::unrecognized_name);
}

TEST(ContextFeatures, PrivateKeyCallbackSignsForTheServer) {
  auto provider = cipher::default_provider();
  auto key = x509::load_private_key_file(data_path("server-p256.key"));
  ASSERT_TRUE(key.ok());
  auto ops = provider->private_key_operations(*key);
  ASSERT_TRUE(ops.ok());
  std::shared_ptr<cipher::PrivateKeyOperations> signer(std::move(*ops));
  auto chain = x509::read_file(data_path("server-p256.chain.pem"));
  ASSERT_TRUE(chain.ok());

  std::atomic<int> calls{0};
  bool fail = false;
  Context server_ctx = Context::server();
  ASSERT_TRUE(server_ctx
                  .add_certificate_with_key_callback(
                      *chain,
                      [&](const PrivateKeyRequest &request) -> Result<std::vector<std::uint8_t>> {
                        ++calls;
                        if (fail) return Error{AlertDescription::internal_error, "HSM offline"};
                        EXPECT_EQ(request.operation, PrivateKeyRequest::Operation::sign);
                        EXPECT_EQ(request.signature, PrivateKeyRequest::Signature::ecdsa);
                        cipher::SignatureParams params;
                        params.alg = cipher::SignatureAlg::ecdsa;
                        params.hash = request.hash == "SHA384" ? cipher::HashAlg::sha384
                                                               : cipher::HashAlg::sha256;
                        return signer->sign(params, request.input);
                      })
                  .ok());
  Context client_ctx = client_context();
  {
    Connection server(server_ctx);
    Connection client(client_ctx);
    ASSERT_TRUE(client.set_hostname("localhost").ok());
    connect_in_memory(client, server);
    ASSERT_TRUE(run_pair(client, server)) << client.error_text() << " / " << server.error_text();
    EXPECT_EQ(calls.load(), 1);  // one ServerKeyExchange signature
  }
  fail = true;
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  connect_in_memory(client, server);
  EXPECT_FALSE(run_pair(client, server));
  EXPECT_NE(server.error_text().find("HSM offline"), std::string::npos) << server.error_text();
}

TEST(ContextFeatures, OneContextSharedByManyThreads) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 3; ++i) {
        Connection server(server_ctx);
        Connection client(client_ctx);
        if (!client.set_hostname("localhost").ok()) return;
        connect_in_memory(client, server);
        if (run_pair(client, server)) ++done;
      }
    });
  }
  for (auto &t : threads)
    t.join();
  EXPECT_EQ(done.load(), 12);
}

}  // namespace
}  // namespace tls::api_test
