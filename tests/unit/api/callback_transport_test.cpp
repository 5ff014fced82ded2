// set_transport: the application's own read / write functions, like an OpenSSL BIO.
#include <deque>
#include <stdexcept>

#include "api_test_util.hpp"

namespace tls::api_test {
namespace {

struct Pipe {
  std::deque<std::uint8_t> bytes;
};

void use_pipes(Connection &conn, Pipe &in, Pipe &out, int *reads = nullptr) {
  conn.set_transport(
      [&in, reads](std::span<std::uint8_t> buffer) -> IoResult {
        if (reads) ++*reads;
        if (in.bytes.empty()) return {IoCode::want_read, 0};
        // Hand out at most 3 bytes at a time: records arrive in pieces.
        std::size_t n = std::min<std::size_t>({buffer.size(), in.bytes.size(), 3});
        for (std::size_t i = 0; i < n; ++i) {
          buffer[i] = in.bytes.front();
          in.bytes.pop_front();
        }
        return {IoCode::ok, n};
      },
      [&out](std::span<const std::uint8_t> data) -> IoResult {
        out.bytes.insert(out.bytes.end(), data.begin(), data.end());
        return {IoCode::ok, data.size()};
      });
}

TEST(CallbackTransport, HandshakeAndDataOverTheApplicationsFunctions) {
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_hostname("localhost").ok());
  Pipe c2s, s2c;
  int client_reads = 0;
  use_pipes(client, s2c, c2s, &client_reads);
  use_pipes(server, c2s, s2c);
  ASSERT_TRUE(run_pair(client, server, 100000)) << client.error_text();
  EXPECT_GT(client_reads, 100);  // three bytes at a time
  ASSERT_TRUE(client.write(bytes_of("over callbacks")).ok());
  std::vector<std::uint8_t> buffer(64);
  IoResult r;
  do {
    r = server.read(buffer);
  } while (r.code == IoCode::want_read);
  ASSERT_TRUE(r.ok()) << server.error_text();
  EXPECT_EQ(std::string(buffer.begin(), buffer.begin() + r.bytes), "over callbacks");
}

TEST(CallbackTransport, AThrowingTransportIsASyscallErrorNotAnException) {
  Context client_ctx = client_context();
  Connection client(client_ctx);
  client.set_transport(
      [](std::span<std::uint8_t>) -> IoResult { throw std::runtime_error("socket gone"); },
      [](std::span<const std::uint8_t>) -> IoResult { throw std::runtime_error("socket gone"); });
  const IoResult r = client.connect();
  EXPECT_EQ(r.code, IoCode::syscall);
  EXPECT_NE(client.error_text().find("socket gone"), std::string::npos) << client.error_text();
}

}  // namespace
}  // namespace tls::api_test
