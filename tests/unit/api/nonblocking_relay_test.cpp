// Non-blocking sockets with a relay between the two ends that passes one byte at a time in each
// direction: every call stops at want_read / want_write over and over — mid-record, mid-flush,
// mid-handshake — and must resume exactly where it stopped. The handshake completes and 1 MB
// goes each way intact.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <vector>

#include "api_test_util.hpp"

namespace tls::api_test {
namespace {

struct SocketPair {
  int fds[2] = {-1, -1};
  SocketPair() {
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    for (int fd : fds) {
      EXPECT_EQ(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK), 0);
      // Small send buffers: a flight or a 16 KiB record leaves in several partial writes, so
      // flushing stops and resumes mid-record.
      const int size = 4096;
      EXPECT_EQ(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size), 0);
    }
  }
  ~SocketPair() {
    close(fds[0]);
    close(fds[1]);
  }
};

// Moves at most one byte from `from` to `to`; a byte that could not be written waits in `held`.
void relay_one_byte(int from, int to, std::optional<std::uint8_t> &held) {
  if (!held) {
    std::uint8_t byte;
    if (::read(from, &byte, 1) == 1) held = byte;
  }
  if (held && ::write(to, &*held, 1) == 1) held.reset();
}

std::vector<std::uint8_t> pattern(std::size_t n, std::uint8_t seed) {
  std::vector<std::uint8_t> out(n);
  std::uint32_t x = seed;
  for (auto &b : out) {
    x = x * 1103515245u + 12345u;
    b = static_cast<std::uint8_t>(x >> 16);
  }
  return out;
}

// One end: finish the handshake, then send `out` and collect what arrives.
struct End {
  Connection &conn;
  const std::vector<std::uint8_t> &out;
  std::size_t sent = 0;
  std::vector<std::uint8_t> in;
  int want_reads = 0;
  int want_writes = 0;

  bool turn(std::size_t expect) {
    std::uint8_t buffer[4096];
    if (!conn.handshake_done()) {
      const IoResult r = conn.handshake();
      if (r.code == IoCode::want_read) ++want_reads;
      if (r.code == IoCode::want_write) ++want_writes;
      return r.ok() || r.would_block();
    }
    if (sent < out.size()) {
      const auto chunk =
          std::span(out).subspan(sent, std::min<std::size_t>(10000, out.size() - sent));
      const IoResult w = conn.write(chunk);
      if (w.ok())
        sent += w.bytes;
      else if (w.code == IoCode::want_write)
        ++want_writes;
      else if (w.code != IoCode::want_read)
        return false;
    }
    if (in.size() < expect) {
      const IoResult r = conn.read(buffer);
      if (r.ok())
        in.insert(in.end(), buffer, buffer + r.bytes);
      else if (r.code == IoCode::want_read)
        ++want_reads;
      else if (r.code != IoCode::want_write)
        return false;
    }
    return true;
  }
};

TEST(NonBlockingRelay, OneByteAtATimeHandshakeAndOneMegabyteEachWay) {
  constexpr std::size_t kSize = 1 << 20;
  SocketPair client_side;  // client <-> relay
  SocketPair server_side;  // relay <-> server
  Context server_ctx = server_context();
  Context client_ctx = client_context();
  Connection server(server_ctx);
  Connection client(client_ctx);
  ASSERT_TRUE(client.set_fd(client_side.fds[0]).ok());
  ASSERT_TRUE(server.set_fd(server_side.fds[1]).ok());
  ASSERT_TRUE(client.set_hostname("localhost").ok());

  const auto to_server = pattern(kSize, 1);
  const auto to_client = pattern(kSize, 2);
  End c{client, to_server, 0, {}, 0, 0};
  End s{server, to_client, 0, {}, 0, 0};
  std::optional<std::uint8_t> held_up, held_down;
  for (long i = 0; i < 50'000'000L; ++i) {
    ASSERT_TRUE(c.turn(kSize)) << "client: " << client.error_text();
    ASSERT_TRUE(s.turn(kSize)) << "server: " << server.error_text();
    relay_one_byte(client_side.fds[1], server_side.fds[0], held_up);
    relay_one_byte(server_side.fds[0], client_side.fds[1], held_down);
    if (c.in.size() == kSize && s.in.size() == kSize && c.sent == kSize && s.sent == kSize) break;
  }
  EXPECT_TRUE(client.handshake_done());
  EXPECT_TRUE(server.handshake_done());
  EXPECT_EQ(s.in.size(), kSize);
  EXPECT_EQ(c.in.size(), kSize);
  EXPECT_TRUE(s.in == to_server) << "client to server bytes differ";
  EXPECT_TRUE(c.in == to_client) << "server to client bytes differ";
  // The relay made both ends stop and resume many times in both directions.
  EXPECT_GT(c.want_reads, 1000);
  EXPECT_GT(s.want_reads, 1000);
  EXPECT_GT(c.want_writes + s.want_writes, 10);
}

}  // namespace
}  // namespace tls::api_test
