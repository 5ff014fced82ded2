// tls-step: the TLS handshake, one state at a time, for learning and teaching.
//
//   tls-step [--version ssl3|tls1|tls1.1|tls1.2] [--cipher STRING] [--cert rsa|ecdsa|ed25519]
//            [--client-auth] [--resume id|ticket] [--renegotiate] [--seed N] [--interactive]
//            [--json] [--no-secrets]
//
// tlspp's client and server run in this one process over an in-memory connection, each with
// the deterministic provider (random bytes from the seed, a fixed clock), so that a run can be
// repeated byte for byte. After each state the tool prints which side moved, the state (named
// after OpenSSL's SSL3_ST_* states), each message built or parsed with every field decoded,
// the records that carried it, and every secret when it is derived; then a request and a
// response cross the connection under the new keys, and both sides close it.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cipher/provider.hpp"
#include "common/hex.hpp"

#include "duet.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace {

using namespace tls::step;

// --resume: the first connection runs to its end unseen; the client keeps its session.
tls::Result<tls::handshake::Session> run_first_connection(const Options &options,
                                                          ServerMemory &memory) {
  const auto provider = tls::cipher::deterministic_provider(options.seed * 2 + 1, kStepClock);
  if (options.resume == Resume::by_id) {
    memory.cache = std::make_shared<tls::handshake::SessionCache>();
  } else {
    memory.ticket_keys = std::make_shared<tls::handshake::TicketKeys>(provider);
  }
  auto duet = Duet::create(options, 0, memory);
  if (!duet) return duet.error();
  while ((*duet)->next()) {
  }
  if (!(*duet)->succeeded())
    return tls::make_error(tls::AlertDescription::internal_error, (*duet)->failure());
  auto session = (*duet)->client_session();
  if (!session)
    return tls::make_error(tls::AlertDescription::internal_error,
                           "the first connection left no session to resume");
  return *session;
}

std::string first_connection_story(const Options &options, const tls::handshake::Session &s) {
  std::string story =
      "A first connection ran a full handshake (run without --resume to see one), and the "
      "client\nkept what it needs to resume: the master secret, the version, the suite, and ";
  if (options.resume == Resume::by_id) {
    story += "the session id the server\ngave, " + tls::to_hex(s.session_id) +
             ".\nThe server kept the same session in its cache under that id.";
  } else {
    story += "the ticket the server\nsent (" + std::to_string(s.ticket.size()) +
             " bytes): the session state sealed under a key only the server knows, so the "
             "server\nneeds no cache (RFC 5077).";
  }
  story += "\nA minute later the client connects again.";
  return story;
}

void wait_for_enter(bool interactive) {
  if (!interactive) return;
  std::cerr << "[Enter] ";
  std::string line;
  std::getline(std::cin, line);
}

}  // namespace

int main(int argc, char **argv) {
  int exit_code = 0;
  const auto options = parse_options(argc, argv, exit_code);
  if (!options) return exit_code;

  auto printer = options->json ? make_json_printer(std::cout) : make_text_printer(std::cout);
  printer->intro(*options);

  ServerMemory memory;
  std::optional<tls::handshake::Session> offer;
  int number = 0;
  if (options->resume != Resume::none) {
    auto first = run_first_connection(*options, memory);
    if (!first) {
      std::cerr << "tls-step: the first connection failed: " << first.error().to_string() << "\n";
      return 1;
    }
    offer = std::move(*first);
    printer->part("a first connection", first_connection_story(*options, *offer));
    number = 1;
  }

  auto duet = Duet::create(*options, number, memory, offer);
  if (!duet) {
    std::cerr << "tls-step: " << duet.error().to_string() << "\n";
    return 1;
  }
  if (offer) {
    printer->part("the handshake, resumed",
                  "The client offers the session. If the server still has it (and the version, "
                  "suite and\nextended-master-secret status fit), both sides skip the "
                  "certificates and the key exchange:\nnew keys come from the old master secret "
                  "and the two new randoms.");
  } else {
    printer->part("the handshake",
                  "The client speaks first. Each side runs one state per step; a side that "
                  "needs the other's\nmessages waits, and the other side moves.");
  }
  while (auto step = (*duet)->next()) {
    printer->step(*step);
    wait_for_enter(options->interactive);
  }
  if ((*duet)->succeeded() && options->renegotiate) {
    printer->part("application data",
                  "Both sides now hold the same keys. The client sends a request under them.");
    for (const Step &s : (*duet)->send(true, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")) {
      printer->step(s);
      wait_for_enter(options->interactive);
    }
    printer->part(
        "renegotiation",
        "The server wants a new handshake on this connection (often to ask for a client "
        "certificate\nonly for some requests). It sends HelloRequest; the client answers with a "
        "new ClientHello.\nThe whole handshake runs again inside the protected connection, "
        "and renegotiation_info\ncarries the previous Finished values so that each side knows "
        "the new handshake continues\nthis connection and no other (RFC 5746).");
    const auto verify = options->client_auth
                            ? std::optional(tls::handshake::VerifyMode::require_peer_cert)
                            : std::nullopt;
    if (auto started = (*duet)->renegotiate(false, verify); !started) {
      std::cerr << "tls-step: " << started.error().to_string() << "\n";
      return 1;
    }
    while (auto step = (*duet)->next()) {
      printer->step(*step);
      wait_for_enter(options->interactive);
    }
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
