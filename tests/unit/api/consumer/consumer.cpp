// Connects to HOST PORT with an installed tlspp, verifies the server against CA_FILE, sends a
// GET and prints the answer.
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include <tls/tls.hpp>

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *ai = nullptr;
  if (getaddrinfo(argv[1], argv[2], &hints, &ai) != 0) return 1;
  const int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) return 1;
  freeaddrinfo(ai);

  tls::Context ctx = tls::Context::client();
  if (auto s = ctx.load_verify_file(argv[3]); !s) {
    std::cerr << s.error().reason << "\n";
    return 1;
  }
  tls::Connection conn(ctx);
  (void)conn.set_fd(fd);
  (void)conn.set_hostname(argv[1]);
  if (!conn.connect()) {
    std::cerr << "handshake failed: " << conn.error_text() << "\n";
    return 1;
  }
  std::cout << "consumer connected: " << conn.version_name() << " " << conn.cipher() << "\n";
  const std::string request = "GET / HTTP/1.0\r\n\r\n";
  if (!conn.write({reinterpret_cast<const std::uint8_t *>(request.data()), request.size()}))
    return 1;
  std::uint8_t buffer[4096];
  for (;;) {
    const tls::IoResult r = conn.read(buffer);
    if (!r) return r.code == tls::IoCode::zero_return ? 0 : 1;
    std::cout.write(reinterpret_cast<const char *>(buffer), static_cast<std::streamsize>(r.bytes));
  }
}
