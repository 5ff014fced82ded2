// tlspp's end of an interop test's loopback connection, through the public API: a socket that
// fails the test instead of hanging it when the peer goes silent, and text in and out of a
// tls::Connection; the Contexts most tests start from.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/peer.hpp"

namespace tls::test {

inline constexpr std::chrono::seconds kSocketTimeout{15};

// A server Context serving tests/data/server-rsa2048 (its chain verifies for "localhost" under
// tests/data/root-ca.pem, which the peers' clients are given).
inline Context rsa_server_context() {
  Context context(Role::server);
  EXPECT_TRUE(context
                  .add_certificate_files(data_file("server-rsa2048.chain.pem"),
                                         data_file("server-rsa2048.key"))
                  .ok());
  return context;
}

// A client Context that verifies servers against tests/data/root-ca.pem.
inline Context verifying_client_context() {
  Context context(Role::client);
  EXPECT_TRUE(context.load_verify_file(data_file("root-ca.pem")).ok());
  return context;
}

// A connection to 127.0.0.1:port with kSocketTimeout on reads and writes; invalid on failure.
inline UniqueFd dial(std::uint16_t port) {
  UniqueFd fd = connect_loopback(port);
  if (fd) set_io_timeout(fd.get(), kSocketTimeout);
  return fd;
}

// The listener's next connection (waited for up to kSocketTimeout), with the same timeouts.
inline UniqueFd accept_one(Listener &listener) {
  UniqueFd fd = listener.accept(kSocketTimeout);
  if (fd) set_io_timeout(fd.get(), kSocketTimeout);
  return fd;
}

// A peer's client connected to a tlspp server: `tool`'s client started against a fresh listener
// (options.port is set here) and its connection accepted with accept_one(). Invalid, with the
// reason in `error`, when the client did not start or never connected; `client` is set whenever
// it started.
inline UniqueFd accept_peer_client(PeerTool tool, PeerOptions options,
                                   std::unique_ptr<Peer> &client, std::string &error) {
  Listener listener;
  if (!listener.valid()) {
    error = "cannot listen on 127.0.0.1";
    return UniqueFd();
  }
  options.port = listener.port();
  client = Peer::start_client(tool, std::move(options), &error);
  if (!client) return UniqueFd();
  UniqueFd fd = accept_one(listener);
  if (!fd) error = "the client did not connect\n" + client->describe();
  return fd;
}

// Reads until `needle` has arrived, the peer closes or the socket times out; all that was read.
inline std::string read_until(Connection &conn, std::string_view needle) {
  std::string got;
  std::uint8_t buf[4096];
  while (got.find(needle) == std::string::npos) {
    const IoResult r = conn.read(buf);
    if (!r.ok()) break;
    got.append(reinterpret_cast<const char *>(buf), r.bytes);
  }
  return got;
}

inline bool write_text(Connection &conn, std::string_view text) {
  return conn.write({reinterpret_cast<const std::uint8_t *>(text.data()), text.size()}).ok();
}

}  // namespace tls::test
