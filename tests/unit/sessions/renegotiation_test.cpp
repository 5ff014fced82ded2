// Renegotiation (RFC 5746) between our client and our server, driven as tls::Connection drives a
// machine: step it while it handshakes; once done, read the record layer, hand application data
// to the application and a post-handshake message to the machine.
#include <gtest/gtest.h>

#include <algorithm>

#include "handshake/messages/client_hello.hpp"
#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

struct Owner {
  Bytes received;  // application data, in order
  std::vector<AlertDescription> warnings;
  std::optional<Error> failure;
};

// Moves one side as far as it goes; true when it did something.
bool service(Pair &pair, bool client, Owner &o) {
  Endpoint &e = pair.side(client);
  bool progress = false;
  for (int i = 0; i < 64 && !o.failure; ++i) {
    if (!e.machine->done()) {
      const std::size_t before = e.inbox.size();
      const StepResult r = pair.advance(client);
      append(o.received, e.machine->take_application_data());
      if (r == StepResult::failed) {
        o.failure = *e.machine->error();
        return true;
      }
      progress = progress || e.inbox.size() != before;
      if (r != StepResult::done) return progress;
      progress = true;
      continue;
    }
    pair.advance(client);  // feeds the inbox (the machine is done: nothing else happens)
    auto ev = e.records->next_event();
    if (!ev) {
      o.failure = ev.error();
      return true;
    }
    switch (ev->kind) {
      case record::Event::Kind::need_more_input:
      case record::Event::Kind::closed:
        return progress;
      case record::Event::Kind::application_data:
        append(o.received, ev->application_data);
        break;
      case record::Event::Kind::alert:
        o.warnings.push_back(ev->alert_description);
        break;
      case record::Event::Kind::change_cipher_spec:
        o.failure = make_error(AlertDescription::unexpected_message, "CCS after the handshake");
        return true;
      case record::Event::Kind::handshake: {
        auto started = e.machine->handle_post_handshake(ev->handshake_message);
        if (!started) {
          o.failure = started.error();
          return true;
        }
        pair.advance(client);  // moves a warning out, or starts the new handshake
        break;
      }
    }
    progress = true;
  }
  return progress;
}

void pump(Pair &pair, Owner &client, Owner &server) {
  for (int round = 0; round < 64; ++round) {
    const bool c = service(pair, true, client);
    const bool s = service(pair, false, server);
    if (!c && !s && pair.client().inbox.empty() && pair.server().inbox.empty()) return;
  }
}

void write(Pair &pair, bool client, std::string_view text) {
  ASSERT_TRUE(pair.side(client).records->write_application_data(as_bytes(text)).ok());
  pair.advance(client);  // moves the record out
}

Bytes text(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

struct Renegotiation : ::testing::Test {
  Pair pair;
  Owner client, server;
  void SetUp() override {
    configure(pair, {"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048", false,
                     "client-rsa2048"});
    pair.server_config().trust_store = test_trust_store();
  }
  void handshake() {
    pair.start();
    ASSERT_TRUE(pair.run()) << error_text(pair.server()) << error_text(pair.client());
    ASSERT_EQ(pair.client().machine->handshakes(), 1u);
  }
  std::vector<State> states_after(bool side, std::size_t from) {
    const auto &all = pair.side(side).states;
    return std::vector<State>(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
  }
};

TEST_F(Renegotiation, ClientInitiatedIsRefusedByDefault) {
  handshake();
  const SecureBuffer &secret = pair.client().machine->negotiated().master_secret;
  const Bytes master(secret.begin(), secret.end());
  ASSERT_TRUE(pair.client().machine->renegotiate().ok());
  pump(pair, client, server);
  EXPECT_FALSE(client.failure) << client.failure->to_string();
  EXPECT_FALSE(server.failure) << server.failure->to_string();
  EXPECT_EQ(std::count(pair.server().events.begin(), pair.server().events.end(),
                       TraceEvent::Kind::alert_sent),
            1);
  EXPECT_TRUE(pair.client().machine->done());
  EXPECT_TRUE(pair.server().machine->done());
  EXPECT_EQ(pair.client().machine->handshakes(), 1u);
  EXPECT_EQ(pair.server().machine->handshakes(), 1u);
  // Declined: the connection goes on under the first handshake's keys and parameters.
  EXPECT_EQ(Bytes(pair.client().machine->negotiated().master_secret.begin(),
                  pair.client().machine->negotiated().master_secret.end()),
            master);
  write(pair, true, "still here");
  write(pair, false, "and here");
  pump(pair, client, server);
  EXPECT_EQ(server.received, text("still here"));
  EXPECT_EQ(client.received, text("and here"));
}

TEST_F(Renegotiation, ClientInitiatedWhenAllowed) {
  pair.server_config().allow_client_renegotiation = true;
  handshake();
  const Bytes first_finished = pair.client().machine->negotiated().client_verify_data;
  const std::size_t c0 = pair.client().states.size(), s0 = pair.server().states.size();
  ASSERT_TRUE(pair.client().machine->renegotiate().ok());
  pump(pair, client, server);
  ASSERT_FALSE(client.failure) << client.failure->to_string();
  ASSERT_FALSE(server.failure) << server.failure->to_string();
  EXPECT_EQ(pair.client().machine->handshakes(), 2u);
  EXPECT_EQ(pair.server().machine->handshakes(), 2u);
  EXPECT_NE(pair.client().machine->negotiated().client_verify_data, first_finished);
  EXPECT_TRUE(pair.client().machine->negotiated().secure_renegotiation);
  EXPECT_EQ(states_after(true, c0).front(), State::cw_clnt_hello);
  EXPECT_EQ(states_after(false, s0).front(), State::sr_clnt_hello);
  EXPECT_EQ(states_after(false, s0).back(), State::sw_finished);
  write(pair, true, "after");
  pump(pair, client, server);
  EXPECT_EQ(server.received, text("after"));
}

TEST_F(Renegotiation, ServerAsksForAClientCertificateMidConnection) {
  handshake();
  EXPECT_TRUE(pair.server().machine->negotiated().peer_chain.empty());
  const std::size_t s0 = pair.server().states.size();
  ASSERT_TRUE(pair.server().machine->renegotiate(VerifyMode::require_peer_cert).ok());
  pump(pair, client, server);
  ASSERT_FALSE(client.failure) << client.failure->to_string();
  ASSERT_FALSE(server.failure) << server.failure->to_string();
  EXPECT_EQ(pair.server().machine->handshakes(), 2u);
  EXPECT_EQ(pair.server().machine->negotiated().peer_chain.size(), 2u);
  const auto states = states_after(false, s0);
  ASSERT_FALSE(states.empty());
  EXPECT_EQ(states.front(), State::sw_hello_req);
  EXPECT_NE(std::find(states.begin(), states.end(), State::sw_cert_req), states.end());
  EXPECT_NE(std::find(states.begin(), states.end(), State::sr_cert_vrfy), states.end());
}

TEST_F(Renegotiation, ClientDeclinesAHelloRequestWhenRenegotiationIsOff) {
  pair.client_config().allow_renegotiation = false;
  handshake();
  ASSERT_TRUE(pair.server().machine->renegotiate().ok());
  pump(pair, client, server);
  EXPECT_FALSE(client.failure);
  EXPECT_FALSE(server.failure);
  EXPECT_TRUE(pair.server().machine->done());
  EXPECT_FALSE(pair.server().machine->renegotiating());
  EXPECT_EQ(pair.server().machine->handshakes(), 1u);
  write(pair, false, "fine");
  pump(pair, client, server);
  EXPECT_EQ(client.received, text("fine"));
}

TEST_F(Renegotiation, ApplicationDataAcrossItIsNeitherLostNorReordered) {
  handshake();
  ASSERT_TRUE(pair.server().machine->renegotiate().ok());
  pair.advance(false);         // HelloRequest on its way
  write(pair, false, "two;");  // the server writes on, under the old keys
  write(pair, true, "one;");   // the client writes before it sees the HelloRequest
  pump(pair, client, server);  // renegotiation runs; data arrives inside it
  ASSERT_FALSE(client.failure) << client.failure->to_string();
  ASSERT_FALSE(server.failure) << server.failure->to_string();
  EXPECT_EQ(pair.client().machine->handshakes(), 2u);
  write(pair, false, "three;");
  write(pair, true, "four;");
  pump(pair, client, server);
  EXPECT_EQ(client.received, text("two;three;"));
  EXPECT_EQ(server.received, text("one;four;"));
}

TEST_F(Renegotiation, PeerCertificateMustNotChange) {
  pair.server_config().verify_mode = VerifyMode::require_peer_cert;
  pair.server_config().allow_client_renegotiation = true;
  handshake();
  // The client now presents another certificate (triple handshake).
  pair.client_config().certificates = {load_certified("client-p256", *pair.client().provider)};
  ASSERT_TRUE(pair.client().machine->renegotiate().ok());
  pump(pair, client, server);
  ASSERT_TRUE(server.failure);
  EXPECT_EQ(server.failure->alert, AlertDescription::illegal_parameter);
}

TEST_F(Renegotiation, OnlyAfterTheHandshake) {
  pair.start();
  EXPECT_FALSE(pair.client().machine->renegotiate().ok());
  EXPECT_FALSE(pair.server().machine->renegotiate().ok());
}

TEST_F(Renegotiation, UnexpectedPostHandshakeMessage) {
  handshake();
  auto finished = frame_handshake(HandshakeType::finished, Bytes(12, 0));
  ASSERT_TRUE(finished.ok());
  auto r = pair.client().machine->handle_post_handshake(*finished);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::unexpected_message);
  auto hello_request = frame_handshake(HandshakeType::hello_request, {});
  ASSERT_TRUE(hello_request.ok());
  auto s = pair.server().machine->handle_post_handshake(*hello_request);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().alert, AlertDescription::unexpected_message);
}

// A renegotiating ClientHello as the server would decrypt it, carrying `info` as its
// renegotiation_info (none when nullopt) and the SCSV when asked.
Bytes renegotiating_hello(std::optional<Bytes> info, bool scsv) {
  ClientHello hello;
  hello.random.fill(0x42);
  hello.cipher_suites = {cipher::find_suite("ECDHE-RSA-AES128-GCM-SHA256")->id};
  if (scsv) hello.cipher_suites.push_back(cipher::kEmptyRenegotiationInfoScsv);
  hello.has_extensions_block = true;
  hello.extensions = {{0x000a, {0x00, 0x02, 0x00, 0x1d}},  // supported_groups: x25519
                      {0x000b, {0x01, 0x00}},              // ec_point_formats: uncompressed
                      {0x000d, {0x00, 0x02, 0x04, 0x01}},  // signature_algorithms
                      {0x0017, {}}};                       // extended_master_secret
  if (info) {
    Bytes data{static_cast<std::uint8_t>(info->size())};
    append(data, *info);
    hello.extensions.push_back({0xff01, data});
  }
  auto message = serialize_message(hello);
  EXPECT_TRUE(message.ok());
  return *message;
}

// RFC 5746 §3.7: the server's checks on a client's renegotiating ClientHello. Only a hello that
// carries the client's Finished value from the previous handshake goes on.
struct RenegotiatingHello : Renegotiation {
  std::optional<Error> offer(std::optional<Bytes> info, bool scsv = false) {
    pair.server_config().allow_client_renegotiation = true;
    handshake();
    auto started =
        pair.server().machine->handle_post_handshake(renegotiating_hello(std::move(info), scsv));
    EXPECT_TRUE(started.ok() && *started);
    pair.advance(false);
    return pair.server().machine->error();
  }
  Bytes previous_finished() { return pair.client().machine->negotiated().client_verify_data; }
};

TEST_F(RenegotiatingHello, WithThePreviousClientFinishedGoesOn) {
  pair.server_config().allow_client_renegotiation = true;
  handshake();
  const Bytes finished = previous_finished();
  ASSERT_EQ(finished.size(), 12u);
  auto started = pair.server().machine->handle_post_handshake(renegotiating_hello(finished, false));
  ASSERT_TRUE(started.ok() && *started);
  pair.advance(false);
  EXPECT_FALSE(pair.server().machine->error()) << error_text(pair.server());
  EXPECT_TRUE(pair.server().machine->renegotiating());
}

TEST_F(RenegotiatingHello, WithAnotherValueIsRefused) {
  const auto error = offer(Bytes(12, 0));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->alert, AlertDescription::handshake_failure);
  EXPECT_NE(error->reason.find("previous Finished"), std::string::npos) << error->to_string();
}

TEST_F(RenegotiatingHello, WithAnEmptyValueIsRefused) {
  const auto error = offer(Bytes{});
  ASSERT_TRUE(error);
  EXPECT_EQ(error->alert, AlertDescription::handshake_failure);
}

TEST_F(RenegotiatingHello, WithoutTheExtensionIsRefused) {
  const auto error = offer(std::nullopt);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->alert, AlertDescription::handshake_failure);
}

TEST_F(RenegotiatingHello, WithTheScsvIsRefused) {
  // Even next to the right value: the SCSV belongs to initial handshakes only.
  pair.server_config().allow_client_renegotiation = true;
  handshake();
  const Bytes finished = previous_finished();
  auto started = pair.server().machine->handle_post_handshake(renegotiating_hello(finished, true));
  ASSERT_TRUE(started.ok() && *started);
  pair.advance(false);
  const auto &error = pair.server().machine->error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->alert, AlertDescription::handshake_failure);
  EXPECT_NE(error->reason.find("SCSV"), std::string::npos) << error->to_string();
}

}  // namespace
}  // namespace tls::handshake::test
