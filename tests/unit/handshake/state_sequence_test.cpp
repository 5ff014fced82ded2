// The exact order of states for each handshake shape, as the trace reports them.
#include <gtest/gtest.h>

#include "cipher/suites.hpp"
#include "support/pump.hpp"

namespace tls::handshake::test {
namespace {

using S = State;

std::vector<std::string> names(const std::vector<State> &states) {
  std::vector<std::string> out;
  for (State s : states)
    out.emplace_back(state_name(s));
  return out;
}

struct Shape {
  const char *suite;
  ProtocolVersion version;
  const char *server_cert;
  bool client_auth;         // server asks for a certificate
  const char *client_cert;  // nullptr: the client has none
};

void run_shape(const Shape &shape, const std::vector<State> &client_states,
               const std::vector<State> &server_states) {
  Pair pair;
  pair.client_config().min_version = pair.client_config().max_version = shape.version;
  pair.client_config().cipher_suites = {cipher::find_suite(shape.suite)->id};
  pair.server_config().min_version = ProtocolVersion::ssl3;
  pair.server_config().cipher_suites = {cipher::find_suite(shape.suite)->id};
  pair.server_config().certificates.push_back(
      load_certified(shape.server_cert, *pair.server().provider));
  if (shape.client_auth) {
    pair.server_config().verify_mode = VerifyMode::peer;
    pair.server_config().trust_store = test_trust_store();
  }
  if (shape.client_cert)
    pair.client_config().certificates.push_back(
        load_certified(shape.client_cert, *pair.client().provider));
  pair.start();
  ASSERT_TRUE(pair.run()) << (pair.server().machine->error()
                                  ? pair.server().machine->error()->to_string()
                                  : std::string("client failed"));
  EXPECT_EQ(names(pair.client().states), names(client_states));
  EXPECT_EQ(names(pair.server().states), names(server_states));
  EXPECT_EQ(pair.client().machine->state(), State::ok);
  EXPECT_EQ(pair.server().machine->state(), State::ok);
}

TEST(StateSequence, RsaKeyExchange) {
  run_shape({"AES128-SHA256", ProtocolVersion::tls12, "server-rsa2048", false, nullptr},
            {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_cert_req, S::cr_srvr_done,
             S::cw_key_exch, S::cw_change, S::cw_finished, S::cr_change, S::cr_finished},
            {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_srvr_done, S::sw_flush,
             S::sr_key_exch, S::sr_change, S::sr_finished, S::sw_change, S::sw_finished});
}

TEST(StateSequence, EcdheKeyExchange) {
  run_shape(
      {"ECDHE-ECDSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-p256", false, nullptr},
      {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_key_exch, S::cr_cert_req,
       S::cr_srvr_done, S::cw_key_exch, S::cw_change, S::cw_finished, S::cr_change, S::cr_finished},
      {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_key_exch, S::sw_srvr_done, S::sw_flush,
       S::sr_key_exch, S::sr_change, S::sr_finished, S::sw_change, S::sw_finished});
}

TEST(StateSequence, DheWithClientCertificate) {
  run_shape(
      {"DHE-RSA-AES128-SHA", ProtocolVersion::tls10, "server-rsa2048", true, "client-rsa2048"},
      {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_key_exch, S::cr_cert_req,
       S::cr_srvr_done, S::cw_cert, S::cw_key_exch, S::cw_cert_vrfy, S::cw_change, S::cw_finished,
       S::cr_change, S::cr_finished},
      {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_key_exch, S::sw_cert_req,
       S::sw_srvr_done, S::sw_flush, S::sr_cert, S::sr_key_exch, S::sr_cert_vrfy, S::sr_change,
       S::sr_finished, S::sw_change, S::sw_finished});
}

TEST(StateSequence, CertificateRequestedButNoneSent) {
  run_shape(
      {"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048", true, nullptr},
      {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_key_exch, S::cr_cert_req,
       S::cr_srvr_done, S::cw_cert, S::cw_key_exch, S::cw_change, S::cw_finished, S::cr_change,
       S::cr_finished},
      {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_key_exch, S::sw_cert_req,
       S::sw_srvr_done, S::sw_flush, S::sr_cert, S::sr_key_exch, S::sr_change, S::sr_finished,
       S::sw_change, S::sw_finished});
}

TEST(StateSequence, Ssl3ClientCertificate) {
  run_shape(
      {"AES128-SHA", ProtocolVersion::ssl3, "server-rsa2048", true, "client-rsa2048"},
      {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_cert_req, S::cr_srvr_done, S::cw_cert,
       S::cw_key_exch, S::cw_cert_vrfy, S::cw_change, S::cw_finished, S::cr_change, S::cr_finished},
      {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_cert_req, S::sw_srvr_done, S::sw_flush,
       S::sr_cert, S::sr_key_exch, S::sr_cert_vrfy, S::sr_change, S::sr_finished, S::sw_change,
       S::sw_finished});
}

TEST(StateSequence, Ssl3NoCertificateAlert) {
  // SSL 3.0 has no empty Certificate: the client warns no_certificate instead.
  run_shape(
      {"AES128-SHA", ProtocolVersion::ssl3, "server-rsa2048", true, nullptr},
      {S::cw_clnt_hello, S::cr_srvr_hello, S::cr_cert, S::cr_cert_req, S::cr_srvr_done, S::cw_cert,
       S::cw_key_exch, S::cw_change, S::cw_finished, S::cr_change, S::cr_finished},
      {S::sr_clnt_hello, S::sw_srvr_hello, S::sw_cert, S::sw_cert_req, S::sw_srvr_done, S::sw_flush,
       S::sr_cert, S::sr_key_exch, S::sr_change, S::sr_finished, S::sw_change, S::sw_finished});
}

}  // namespace
}  // namespace tls::handshake::test
