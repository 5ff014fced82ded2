// Shared set-ups for the public API tests: test certificates, contexts, and a loop that runs
// two connections joined in memory until both are done.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <tls/tls.hpp>

namespace tls::api_test {

inline std::string data_path(const std::string &name) {
  return std::string(TLS_TEST_DATA_DIR) + "/" + name;
}

inline Context server_context(const char *cert = "server-rsa2048") {
  Context ctx = Context::server();
  auto status = ctx.add_certificate_files(data_path(std::string(cert) + ".chain.pem"),
                                          data_path(std::string(cert) + ".key"));
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().reason);
  return ctx;
}

inline Context client_context() {
  Context ctx = Context::client();
  auto status = ctx.load_verify_file(data_path("root-ca.pem"));
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().reason);
  return ctx;
}

// Runs both handshakes until both finish or one fails; true when both finished.
inline bool run_pair(Connection &client, Connection &server, int max_rounds = 1000) {
  for (int i = 0; i < max_rounds; ++i) {
    const IoResult c = client.handshake();
    const IoResult s = server.handshake();
    if (c.ok() && s.ok()) return true;
    if ((!c.ok() && !c.would_block()) || (!s.ok() && !s.would_block())) return false;
  }
  return false;
}

inline std::span<const std::uint8_t> bytes_of(const std::string &text) {
  return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

}  // namespace tls::api_test
