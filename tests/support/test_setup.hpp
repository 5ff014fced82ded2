// Shared set-ups for the handshake tests: a pair configured for one suite and version, and
// the bytes a misbehaving peer would send at a given point.
#pragma once

#include <string>

#include "cipher/suites.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "support/pump.hpp"

namespace tls::handshake::test {

struct PairSetup {
  const char *suite = "ECDHE-RSA-AES128-GCM-SHA256";
  ProtocolVersion version = ProtocolVersion::tls12;
  const char *server_cert = "server-rsa2048";
  bool client_auth = false;           // the server asks for a certificate
  const char *client_cert = nullptr;  // the client's certificate, if any
};

inline void configure(Pair &pair, const PairSetup &s) {
  Config &client = pair.client_config();
  Config &server = pair.server_config();
  client.min_version = client.max_version = s.version;
  client.cipher_suites = {cipher::find_suite(s.suite)->id};
  client.verify_mode = VerifyMode::peer;
  client.trust_store = test_trust_store();
  server.min_version = ProtocolVersion::ssl3;
  server.max_version = ProtocolVersion::tls12;
  server.cipher_suites = {cipher::find_suite(s.suite)->id};
  server.certificates.push_back(load_certified(s.server_cert, *pair.server().provider));
  if (s.client_auth) {
    server.verify_mode = VerifyMode::peer;
    server.trust_store = test_trust_store();
  }
  if (s.client_cert)
    client.certificates.push_back(load_certified(s.client_cert, *pair.client().provider));
}

// What an injected record carries.
enum class Inject : std::uint8_t { handshake, change_cipher_spec, application_data, alert };

// The record(s) the victim's peer would send: a handshake message of `type` with an empty body,
// a ChangeCipherSpec, one byte of application data, or a warning user_canceled alert —
// protected when the victim already reads protected records.
inline Bytes injected_bytes(Pair &pair, bool victim_is_client, Inject what,
                            HandshakeType type = HandshakeType::hello_request, ByteView body = {}) {
  Endpoint &victim = pair.side(victim_is_client);
  auto injector = make_injector(victim, victim_is_client);
  const bool protected_read = !victim.records->read_protection().is_initial();
  switch (what) {
    case Inject::handshake: {
      auto message = frame_handshake(type, body);
      EXPECT_TRUE(message.ok());
      EXPECT_TRUE(injector->write_handshake(*message).ok());
      break;
    }
    case Inject::change_cipher_spec:
      EXPECT_TRUE(injector->write_change_cipher_spec().ok());
      break;
    case Inject::application_data:
      if (!protected_read) {
        // Plaintext application data, as a peer that skipped the key exchange would send.
        const auto v = victim.records->version().value_or(ProtocolVersion::tls10);
        return Bytes{23,
                     static_cast<std::uint8_t>(to_wire(v) >> 8),
                     static_cast<std::uint8_t>(to_wire(v)),
                     0,
                     1,
                     'x'};
      }
      EXPECT_TRUE(injector->write_application_data(as_bytes("x")).ok());
      break;
    case Inject::alert:
      EXPECT_TRUE(injector->write_alert(AlertLevel::warning, AlertDescription::user_canceled).ok());
      break;
  }
  const ByteView out = injector->pending_output();
  return Bytes(out.begin(), out.end());
}

inline std::string error_text(const Endpoint &e) {
  return e.machine->error() ? e.machine->error()->to_string() : std::string("(no error)");
}

}  // namespace tls::handshake::test
