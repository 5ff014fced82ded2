// tls-step: the TLS handshake, one state at a time, for learning and teaching.
//
//   tls-step [--version ssl3|tls1|tls1.1|tls1.2] [--cipher STRING] [--cert rsa|ecdsa|ed25519]
//            [--client-auth] [--seed N] [--interactive] [--json] [--no-secrets]
//
// tlspp's client and server run in this one process over an in-memory connection, each with
// the deterministic provider (random bytes from the seed, a fixed clock), so that a run can be
// repeated byte for byte. After each state the tool prints which side moved, the state (named
// after OpenSSL's SSL3_ST_* states), each message built or parsed with every field decoded,
// the records that carried it, and every secret when it is derived; then a request and a
// response cross the connection under the new keys, and both sides close it.
#include <iostream>
#include <string>

#include "duet.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace {

void wait_for_enter(bool interactive) {
  if (!interactive) return;
  std::cerr << "[Enter] ";
  std::string line;
  std::getline(std::cin, line);
}

}  // namespace

int main(int argc, char **argv) {
  using namespace tls::step;
  int exit_code = 0;
  const auto options = parse_options(argc, argv, exit_code);
  if (!options) return exit_code;

  auto duet = Duet::create(*options);
  if (!duet) {
    std::cerr << "tls-step: " << duet.error().to_string() << "\n";
    return 1;
  }
  auto printer = options->json ? make_json_printer(std::cout) : make_text_printer(std::cout);
  printer->intro(*options);

  printer->part("the handshake",
                "The client speaks first. Each side runs one state per step; a side that needs "
                "the other's\nmessages waits, and the other side moves.");
  while (auto step = (*duet)->next()) {
    printer->step(*step);
    wait_for_enter(options->interactive);
  }
  if ((*duet)->succeeded()) {
    printer->part("application data",
                  "Both sides now hold the same keys. A request and its answer cross the "
                  "connection:\nthe writer protects each record, the reader checks and "
                  "decrypts it.");
    const char *request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    const char *response = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n";
    for (const auto &[from_client, text] : {std::pair{true, request}, std::pair{false, response}}) {
      for (const Step &s : (*duet)->send(from_client, text)) {
        printer->step(s);
        wait_for_enter(options->interactive);
      }
    }
    printer->part("closing",
                  "Each side says close_notify, a warning alert, so that the other knows that no "
                  "data was cut off.");
    for (bool from_client : {true, false}) {
      for (const Step &s : (*duet)->close(from_client))
        printer->step(s);
    }
  }
  printer->summary(**duet);
  return (*duet)->succeeded() ? 0 : 1;
}
