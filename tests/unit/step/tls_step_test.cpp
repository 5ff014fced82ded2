// tools/tls-step: every version and key exchange completes, the same seed prints the same
// bytes, the text names every state a handshake goes through, and --json is one object a line.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct ToolRun {
  int status = -1;
  std::string out;
};

// tls-step is built next to the test program.
std::string tool() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (self.parent_path() / "tls-step").string();
}

ToolRun run(const std::string &args, const std::string &stdin_from = "/dev/null") {
  ToolRun r;
  const std::string command = "'" + tool() + "' " + args + " <" + stdin_from + " 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class TlsStep : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(tool())) GTEST_SKIP() << "tls-step not built";
  }
};

struct Shape {
  const char *args;
  const char *version;
  const char *suite;
};

TEST_F(TlsStep, EveryVersionAndKeyExchangeCompletesWithTheSameMasterSecret) {
  const Shape shapes[] = {
      {"--version ssl3", "SSLv3", "AES128-SHA"},
      {"--version ssl3 --cipher DES-CBC3-SHA --client-auth", "SSLv3", "DES-CBC3-SHA"},
      {"--version tls1", "TLSv1", "ECDHE-RSA-AES128-SHA"},
      {"--version tls1.1 --cipher DHE-RSA-AES256-SHA", "TLSv1.1", "DHE-RSA-AES256-SHA"},
      {"", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"},
      {"--cert ecdsa --cipher ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2",
       "ECDHE-ECDSA-CHACHA20-POLY1305"},
      {"--cert ed25519 --client-auth", "TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256"},
      {"--cipher AES256-SHA256", "TLSv1.2", "AES256-SHA256"},
  };
  for (const Shape &s : shapes) {
    SCOPED_TRACE(s.args);
    const ToolRun r = run(s.args);
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find(std::string("version:                 ") + s.version + "\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(std::string("cipher suite:            ") + s.suite + " "),
              std::string::npos);
    EXPECT_NE(r.out.find("same master secret:      yes"), std::string::npos);
    // The request crossed under the new keys and was read back as it was written.
    EXPECT_NE(r.out.find("reads \"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n\""),
              std::string::npos);
  }
}

TEST_F(TlsStep, TheSameSeedPrintsTheSameBytesAndAnotherSeedOthers) {
  const ToolRun a = run("--seed 7");
  const ToolRun b = run("--seed 7");
  const ToolRun c = run("--seed 8");
  ASSERT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
}

TEST_F(TlsStep, TheTextShowsEveryStateFieldsSecretsAndProtectedRecords) {
  const ToolRun r = run("--cipher ECDHE-RSA-AES128-GCM-SHA256");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char *state : {"client, SSL3_ST_CW_CLNT_HELLO", "server, SSL3_ST_SR_CLNT_HELLO",
                            "server, SSL3_ST_SW_SRVR_HELLO", "server, SSL3_ST_SW_CERT",
                            "server, SSL3_ST_SW_KEY_EXCH",   "server, SSL3_ST_SW_SRVR_DONE",
                            "client, SSL3_ST_CR_SRVR_HELLO", "client, SSL3_ST_CR_CERT",
                            "client, SSL3_ST_CR_KEY_EXCH",   "client, SSL3_ST_CR_SRVR_DONE",
                            "client, SSL3_ST_CW_KEY_EXCH",   "client, SSL3_ST_CW_CHANGE",
                            "client, SSL3_ST_CW_FINISHED",   "server, SSL3_ST_SR_KEY_EXCH",
                            "server, SSL3_ST_SR_CHANGE",     "server, SSL3_ST_SR_FINISHED",
                            "server, SSL3_ST_SW_CHANGE",     "server, SSL3_ST_SW_FINISHED",
                            "client, SSL3_ST_CR_CHANGE",     "client, SSL3_ST_CR_FINISHED"})
    EXPECT_NE(r.out.find(state), std::string::npos) << state;
  for (const char *field : {"random.random_bytes", "cipher_suites[0]", "certificate_list[0]",
                            "extensions[0].server_name"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  for (const char *secret : {"* pre_master_secret (32 bytes)", "* master_secret (48 bytes)",
                             "* client_write_key (16 bytes)", "* server_write_iv (4 bytes)"})
    EXPECT_NE(r.out.find(secret), std::string::npos) << secret;
  EXPECT_NE(r.out.find("record out: application_data, TLSv1.2"), std::string::npos);

  const ToolRun quiet = run("--no-secrets");
  EXPECT_EQ(quiet.out.find("* master_secret"), std::string::npos);
  EXPECT_EQ(quiet.out.find("* pre_master_secret"), std::string::npos);
}

TEST_F(TlsStep, JsonIsOneObjectPerLine) {
  const ToolRun r = run("--json --version tls1.1");
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  int steps = 0;
  while (std::getline(lines, line)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.front(), '{');
    EXPECT_EQ(line.back(), '}');
    if (line.rfind("{\"step\":", 0) == 0) ++steps;
  }
  EXPECT_GE(steps, 20);
  EXPECT_NE(r.out.find("{\"summary\":{\"ok\":true,\"version\":\"TLSv1.1\""), std::string::npos);
}

TEST_F(TlsStep, InteractiveWaitsForEnterBetweenSteps) {
  const ToolRun r = run("--interactive", "/dev/null");  // end of input answers every prompt
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("[Enter] "), std::string::npos);
}

TEST_F(TlsStep, AFailedHandshakeSaysWhereAndWhy) {
  // SSL 3.0 has no elliptic-curve suites; an ECDSA-only server has nothing to offer.
  const ToolRun r = run("--version ssl3 --cert ecdsa --cipher ECDHE-ECDSA-AES128-SHA");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("The handshake failed: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("alert fatal"), std::string::npos) << r.out;
}

// docs/teaching.md holds a whole run made by the tool (tools/tls-step/make-teaching-doc.sh); it
// must still be what the tool prints, or the document teaches something the code no longer does.
TEST_F(TlsStep, TheRunInDocsTeachingIsWhatTheToolPrintsToday) {
  std::ifstream in(std::string(TLS_SOURCE_DIR) + "/docs/teaching.md");
  ASSERT_TRUE(in) << "docs/teaching.md is missing";
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string marker = "## The run: `tls-step ";
  const std::size_t at = doc.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::size_t args_end = doc.find('`', at + marker.size());
  const std::string args = doc.substr(at + marker.size(), args_end - at - marker.size());
  const std::size_t open = doc.find("```text\n", args_end);
  const std::size_t close = doc.rfind("```\n");
  ASSERT_NE(open, std::string::npos);
  ASSERT_GT(close, open);
  const std::string shown = doc.substr(open + 8, close - open - 8);
  const ToolRun r = run(args);
  ASSERT_EQ(r.status, 0);
  EXPECT_TRUE(shown == r.out)
      << "docs/teaching.md is out of date: run tools/tls-step/make-teaching-doc.sh";
}

// The "=== step N: side, STATE" lines after `from`, in order, as "side STATE".
std::vector<std::string> states_after(const std::string &out, const std::string &from) {
  std::vector<std::string> states;
  std::istringstream lines(out.substr(out.find(from)));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("=== step ", 0) != 0) continue;
    const std::size_t colon = line.find(": ");
    const std::size_t paren = line.find(" (", colon);
    std::string who_state = line.substr(colon + 2, paren - colon - 2);  // "client, SSL3_ST_..."
    who_state.erase(who_state.find(','), 1);
    if (who_state.find("SSL_ST_OK") != std::string::npos) break;  // application data
    states.push_back(who_state);
  }
  return states;
}

// --resume id / ticket: the second connection is the abbreviated handshake, in the order of
// RFC 5246 §7.3 (figure 2): the server sends ChangeCipherSpec and Finished first.
TEST_F(TlsStep, ResumptionShowsTheAbbreviatedHandshake) {
  const std::vector<std::string> abbreviated = {
      "client SSL3_ST_CW_CLNT_HELLO", "client SSL3_ST_CR_SRVR_HELLO",
      "server SSL3_ST_SR_CLNT_HELLO", "server SSL3_ST_SW_SRVR_HELLO",
      "server SSL3_ST_SW_CHANGE",     "server SSL3_ST_SW_FINISHED",
      "server SSL3_ST_SR_CHANGE",     "client SSL3_ST_CR_SRVR_HELLO",
      "client SSL3_ST_CR_CHANGE",     "client SSL3_ST_CR_FINISHED",
      "client SSL3_ST_CW_CHANGE",     "client SSL3_ST_CW_FINISHED",
      "server SSL3_ST_SR_CHANGE",     "server SSL3_ST_SR_FINISHED"};
  for (const char *args : {"--resume id", "--resume ticket", "--resume id --version ssl3",
                           "--resume ticket --version tls1.1 --cert ecdsa"}) {
    SCOPED_TRACE(args);
    const ToolRun r = run(args);
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(states_after(r.out, "##### the handshake, resumed"), abbreviated);
    EXPECT_NE(r.out.find("session:                 resumed (abbreviated handshake)"),
              std::string::npos);
    EXPECT_NE(r.out.find("reads \"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n\""),
              std::string::npos);
    EXPECT_EQ(run(args).out, r.out);  // the same seed, the same bytes
  }
  // What the client offered: its session id, or its ticket.
  EXPECT_NE(run("--resume id").out.find("the session id the server\ngave, "), std::string::npos);
  EXPECT_NE(run("--resume ticket").out.find("extensions[3].session_ticket.ticket"), std::string::npos);
}

// --renegotiate: after a request, the server sends HelloRequest and a whole new handshake runs
// under the first one's keys; data flows after it.
TEST_F(TlsStep, RenegotiationRunsASecondFullHandshake) {
  const ToolRun r = run("--renegotiate --client-auth");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto states = states_after(r.out, "##### renegotiation");
  ASSERT_FALSE(states.empty()) << r.out;
  EXPECT_EQ(states.front(), "server SSL3_ST_SW_HELLO_REQ");
  for (const char *state :
       {"client SSL3_ST_CW_CLNT_HELLO", "server SSL3_ST_SW_CERT", "server SSL3_ST_SW_CERT_REQ",
        "client SSL3_ST_CW_CERT", "client SSL3_ST_CW_CERT_VRFY", "server SSL3_ST_SR_CERT_VRFY",
        "server SSL3_ST_SW_FINISHED", "client SSL3_ST_CR_FINISHED"})
    EXPECT_NE(std::find(states.begin(), states.end(), state), states.end()) << state;
  EXPECT_NE(r.out.find("handshakes:              2 (renegotiated)"), std::string::npos);
  // The renegotiating hellos carry the previous Finished values (RFC 5746).
  const std::string after = r.out.substr(r.out.find("##### renegotiation"));
  EXPECT_NE(after.find("renegotiation_info"), std::string::npos);
  EXPECT_EQ(run("--renegotiate --version ssl3").status, 2);
  EXPECT_EQ(run("--resume ticket --version ssl3").status, 2);
  EXPECT_EQ(run("--resume sometimes").status, 2);
}

TEST_F(TlsStep, BadOptionsAreRefusedWithTheReason) {
  EXPECT_EQ(run("--version tls9").status, 2);
  EXPECT_NE(run("--version tls9").out.find("unknown version 'tls9'"), std::string::npos);
  EXPECT_EQ(run("--cipher NO-SUCH-SUITE").status, 1);
  EXPECT_EQ(run("--help").status, 0);
}

}  // namespace
