// State-machine strictness: in every read state of both machines, every handshake type the
// state does not expect, a ChangeCipherSpec, application data and a warning alert end the
// handshake with unexpected_message. The one exception is the client's HelloRequest, which
// RFC 5246 §7.4.1.1 says to ignore while a handshake is in progress.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "support/test_setup.hpp"

namespace tls::handshake::test {
namespace {

struct ReadState {
  bool client;
  State state;
  std::vector<HandshakeType> accepted;  // empty: the state reads ChangeCipherSpec
};

const std::vector<ReadState> &read_states() {
  using H = HandshakeType;
  static const std::vector<ReadState> states = {
      {true, State::cr_srvr_hello, {H::server_hello}},
      {true, State::cr_cert, {H::certificate}},
      {true, State::cr_key_exch, {H::server_key_exchange}},
      {true, State::cr_cert_req, {H::certificate_request, H::server_hello_done}},
      {true, State::cr_srvr_done, {H::server_hello_done}},
      {true, State::cr_change, {}},
      {true, State::cr_finished, {H::finished}},
      {false, State::sr_clnt_hello, {H::client_hello}},
      {false, State::sr_cert, {H::certificate}},
      {false, State::sr_key_exch, {H::client_key_exchange}},
      {false, State::sr_cert_vrfy, {H::certificate_verify}},
      {false, State::sr_change, {}},
      {false, State::sr_finished, {H::finished}},
  };
  return states;
}

const std::vector<HandshakeType> kAllTypes = {HandshakeType::hello_request,
                                              HandshakeType::client_hello,
                                              HandshakeType::server_hello,
                                              HandshakeType::new_session_ticket,
                                              HandshakeType::certificate,
                                              HandshakeType::server_key_exchange,
                                              HandshakeType::certificate_request,
                                              HandshakeType::server_hello_done,
                                              HandshakeType::certificate_verify,
                                              HandshakeType::client_key_exchange,
                                              HandshakeType::finished};

// ECDHE with client authentication reaches every read state of both machines.
const PairSetup kEveryState{"ECDHE-RSA-AES128-GCM-SHA256", ProtocolVersion::tls12, "server-rsa2048",
                            true, "client-p256"};

struct Outcome {
  StepResult result;
  std::optional<AlertDescription> alert;
  State state_after;
};

Outcome inject(const PairSetup &setup, const ReadState &rs, Inject what, HandshakeType type) {
  Pair pair;
  configure(pair, setup);
  pair.start();
  EXPECT_TRUE(pair.run_until(rs.client, rs.state)) << state_name(rs.state);
  const Bytes bytes = injected_bytes(pair, rs.client, what, type);
  const StepResult r = pair.deliver(rs.client, bytes);
  const auto &error = pair.side(rs.client).machine->error();
  return {r, error ? std::optional(error->alert) : std::nullopt,
          pair.side(rs.client).machine->state()};
}

class Strictness : public testing::TestWithParam<std::tuple<PairSetup, ReadState>> {};

TEST_P(Strictness, EveryUnexpectedMessageIsRefused) {
  const auto &[setup, rs] = GetParam();
  for (HandshakeType type : kAllTypes) {
    if (std::find(rs.accepted.begin(), rs.accepted.end(), type) != rs.accepted.end()) continue;
    SCOPED_TRACE(std::string(state_name(rs.state)) + " receives " +
                 handshake_type_text(static_cast<std::uint8_t>(type)));
    const Outcome o = inject(setup, rs, Inject::handshake, type);
    if (rs.client && type == HandshakeType::hello_request) {
      EXPECT_EQ(o.result, StepResult::need_input);  // ignored
      EXPECT_EQ(o.state_after, rs.state);
      continue;
    }
    EXPECT_EQ(o.result, StepResult::failed);
    EXPECT_EQ(o.alert, AlertDescription::unexpected_message);
    EXPECT_EQ(o.state_after, State::error);
  }
  if (!rs.accepted.empty()) {
    SCOPED_TRACE(std::string(state_name(rs.state)) + " receives ChangeCipherSpec");
    const Outcome o = inject(setup, rs, Inject::change_cipher_spec, {});
    EXPECT_EQ(o.result, StepResult::failed);
    EXPECT_EQ(o.alert, AlertDescription::unexpected_message);
  }
  for (Inject what : {Inject::application_data, Inject::alert}) {
    SCOPED_TRACE(std::string(state_name(rs.state)) + (what == Inject::alert
                                                          ? " receives a warning alert"
                                                          : " receives application data"));
    const Outcome o = inject(setup, rs, what, {});
    EXPECT_EQ(o.result, StepResult::failed);
    EXPECT_EQ(o.alert, AlertDescription::unexpected_message);
  }
}

std::string strictness_name(const testing::TestParamInfo<std::tuple<PairSetup, ReadState>> &info) {
  const auto &[setup, rs] = info.param;
  std::string name = std::string(version_name(setup.version)) + "_" + state_name(rs.state);
  for (char &c : name)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(
    EveryReadState, Strictness,
    testing::Combine(testing::Values(kEveryState,
                                     PairSetup{"ECDHE-RSA-AES128-SHA", ProtocolVersion::tls10,
                                               "server-rsa2048", true, "client-rsa2048"}),
                     testing::ValuesIn(read_states())),
    strictness_name);

}  // namespace
}  // namespace tls::handshake::test
