// tls-client against openssl s_server: the page, the summary, failures, versions, sessions,
// the key log.
#include <fstream>
#include <sstream>

#include "tools_harness.hpp"

namespace tls::tools_test {
namespace {

// How many of `line_start` lines ("Reused, TLSv1.2, Cipher is") are followed by a line starting
// with `next`: tls-client's summary goes on with "Secure Renegotiation", the page s_server -www
// sends back with "SSL-Session:".
std::size_t lines_followed_by(const std::string &text, const std::string &line_start,
                              const std::string &next) {
  std::size_t n = 0;
  for (std::size_t at = text.find(line_start); at != std::string::npos;
       at = text.find(line_start, at + 1)) {
    const std::size_t eol = text.find('\n', at);
    if (eol != std::string::npos && text.compare(eol + 1, next.size(), next) == 0) ++n;
  }
  return n;
}
constexpr const char *kOurs = "Secure Renegotiation";
constexpr const char *kPage = "SSL-Session:";

class ClientVsOpenssl : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!tools_built()) GTEST_SKIP() << "tools not built (TLS_BUILD_TOOLS=OFF)";
    if (!program_exists("openssl")) GTEST_SKIP() << "openssl not installed";
  }
  // Starts openssl s_server -www with `extra` options; the port, or 0.
  int start(std::vector<std::string> extra = {}) {
    port_ = free_port();
    extra.push_back("-www");
    server_ = std::make_unique<Background>(openssl_server_args(port_, extra));
    return wait_for_port(port_) ? port_ : 0;
  }
  std::string connect_arg() const { return "127.0.0.1:" + std::to_string(port_); }
  Finished client(std::vector<std::string> args, const std::string &input = kHttpGet) {
    std::vector<std::string> argv{tool("tls-client"), "-connect", connect_arg()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, input, std::chrono::seconds(30));
  }

  int port_ = 0;
  std::unique_ptr<Background> server_;
};

TEST_F(ClientVsOpenssl, FetchesTheWwwPageAndPrintsTheSummary) {
  // -no_ticket: OpenSSL gives no session id with a ticket (RFC 5077 §3.4 lets it), and the
  // summary's id is checked below.
  ASSERT_NE(start({"-no_ticket"}), 0);
  const auto r =
      client({"-CAfile", data_path("root-ca.pem"), "-servername", "localhost", "-ign_eof"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // The page openssl s_server -www writes.
  EXPECT_TRUE(contains(r.output, "HTTP/1.0 200 ok")) << r.output;
  EXPECT_TRUE(contains(r.output, "Ciphers supported in s_server binary")) << r.output;
  // The summary: chain, protocol, cipher, verify result, session id, ALPN, EMS, renegotiation.
  EXPECT_TRUE(contains(r.output, "CONNECTED(")) << r.output;
  EXPECT_TRUE(contains(r.output, " 0 s:C = US, O = tlspp test, CN = localhost\n   i:")) << r.output;
  EXPECT_TRUE(contains(r.output, " 1 s:")) << r.output;  // the intermediate came too
  EXPECT_TRUE(contains(r.output, "New, TLSv1.2, Cipher is ECDHE-RSA-")) << r.output;
  EXPECT_TRUE(contains(r.output, "Secure Renegotiation IS supported")) << r.output;
  EXPECT_TRUE(contains(r.output, "No ALPN negotiated")) << r.output;
  EXPECT_TRUE(contains(r.output, "Extended master secret: yes")) << r.output;
  EXPECT_TRUE(contains(r.output, "Verify return code: 0 (")) << r.output;
  const auto id = r.output.find("Session-ID: ");
  ASSERT_NE(id, std::string::npos) << r.output;
  EXPECT_EQ(r.output.find('\n', id) - (id + 12), 64u) << "a 32-byte session id in hex";
  // openssl's page names our suite as the one in use.
  EXPECT_TRUE(contains(r.output, "Protocol  : TLSv1.2")) << r.output;
}

TEST_F(ClientVsOpenssl, WrongCaFailsWithStateAlertAndReason) {
  ASSERT_NE(start(), 0);
  const auto r = client({"-CAfile", data_path("untrusted-root-ca.pem")});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(contains(r.output, "handshake failed in SSL3_ST_CR_CERT")) << r.output;
  EXPECT_TRUE(contains(r.output, "alert: unknown_ca (fatal, sent)")) << r.output;
  EXPECT_TRUE(contains(r.output, "reason: ")) << r.output;
  EXPECT_TRUE(contains(r.output, "unable to get local issuer certificate")) << r.output;
  EXPECT_FALSE(contains(r.output, "HTTP/1.0 200 ok")) << r.output;
}

TEST_F(ClientVsOpenssl, NoVerifyGoesOnAndReportsTheVerifyError) {
  ASSERT_NE(start(), 0);
  const auto r = client({"-CAfile", data_path("untrusted-root-ca.pem"), "-noverify", "-ign_eof"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(contains(r.output, "HTTP/1.0 200 ok")) << r.output;
  EXPECT_TRUE(contains(r.output, "Verify return code: 20 (unable to get local issuer certificate)"))
      << r.output;
}

TEST_F(ClientVsOpenssl, VerifyHostnameRefusesAnotherName) {
  ASSERT_NE(start(), 0);
  const auto ok =
      client({"-CAfile", data_path("root-ca.pem"), "-verify_hostname", "localhost", "-ign_eof"});
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  const auto bad =
      client({"-CAfile", data_path("root-ca.pem"), "-verify_hostname", "other.example"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_TRUE(contains(bad.output, "handshake failed in SSL3_ST_CR_CERT")) << bad.output;
  EXPECT_TRUE(contains(bad.output, "other.example")) << bad.output;
}

TEST_F(ClientVsOpenssl, OneVersionFlagAndRangeFlags) {
  ASSERT_NE(start({"-cipher", "ALL:@SECLEVEL=0"}), 0);
  const auto tls1 = client({"-CAfile", data_path("root-ca.pem"), "-tls1", "-ign_eof"});
  EXPECT_EQ(tls1.exit_code, 0) << tls1.output;
  EXPECT_TRUE(contains(tls1.output, "New, TLSv1, Cipher is")) << tls1.output;
  const auto tls11 = client({"-CAfile", data_path("root-ca.pem"), "-min_protocol", "TLSv1",
                             "-max_protocol", "TLSv1.1", "-ign_eof"});
  EXPECT_EQ(tls11.exit_code, 0) << tls11.output;
  EXPECT_TRUE(contains(tls11.output, "New, TLSv1.1, Cipher is")) << tls11.output;
}

TEST_F(ClientVsOpenssl, CipherAndAlpnReachTheServer) {
  ASSERT_NE(start({"-alpn", "h2,http/1.1"}), 0);
  const auto r = client({"-CAfile", data_path("root-ca.pem"), "-cipher",
                         "ECDHE-RSA-CHACHA20-POLY1305", "-alpn", "http/1.1", "-ign_eof"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(contains(r.output, "Cipher is ECDHE-RSA-CHACHA20-POLY1305")) << r.output;
  EXPECT_TRUE(contains(r.output, "ALPN protocol: http/1.1")) << r.output;
}

TEST_F(ClientVsOpenssl, KeylogLineEqualsOpensslsOwn) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string ours = (dir / ("tlspp-tools-keylog-" + std::to_string(getpid()))).string();
  const std::string theirs = ours + "-openssl";
  std::filesystem::remove(ours);
  std::filesystem::remove(theirs);
  ASSERT_NE(start({"-keylogfile", theirs}), 0);
  const auto r = client({"-CAfile", data_path("root-ca.pem"), "-keylogfile", ours, "-ign_eof"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  server_->stop();
  std::ifstream a(ours), b(theirs);
  std::stringstream ours_text, theirs_text;
  ours_text << a.rdbuf();
  theirs_text << b.rdbuf();
  EXPECT_TRUE(ours_text.str().starts_with("CLIENT_RANDOM ")) << ours_text.str();
  EXPECT_EQ(ours_text.str().size(), std::string("CLIENT_RANDOM ").size() + 64 + 1 + 96 + 1);
  // openssl writes comment lines too; our line must be among its lines.
  EXPECT_TRUE(contains(theirs_text.str(), ours_text.str())) << ours_text.str() << "\nvs\n"
                                                            << theirs_text.str();
  std::filesystem::remove(ours);
  std::filesystem::remove(theirs);
}

TEST_F(ClientVsOpenssl, SslKeylogFileEnvironmentIsHonoured) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tlspp-tools-env-keylog-" + std::to_string(getpid())))
                               .string();
  std::filesystem::remove(path);
  ASSERT_NE(start(), 0);
  const auto r = run({tool("tls-client"), "-connect", connect_arg(), "-CAfile",
                      data_path("root-ca.pem"), "-quiet"},
                     kHttpGet, std::chrono::seconds(30), {"SSLKEYLOGFILE=" + path});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_TRUE(line.starts_with("CLIENT_RANDOM ")) << line;
  std::filesystem::remove(path);
}

TEST_F(ClientVsOpenssl, QuietPrintsOnlyTheData) {
  ASSERT_NE(start(), 0);
  const auto r = client({"-CAfile", data_path("root-ca.pem"), "-quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(r.output.starts_with("HTTP/1.0 200 ok")) << r.output;
  EXPECT_FALSE(contains(r.output, "CONNECTED(")) << r.output;
  EXPECT_FALSE(contains(r.output, "Certificate chain")) << r.output;
}

TEST_F(ClientVsOpenssl, SessionFileAndReconnect) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("tlspp-tools-session-" + std::to_string(getpid())))
          .string();
  ASSERT_NE(start(), 0);
  const auto first = client({"-CAfile", data_path("root-ca.pem"), "-sess_out", path, "-ign_eof"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(contains(first.output, "New, TLSv1.2, Cipher is")) << first.output;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(contains(text.str(), "-----BEGIN TLSPP SESSION PARAMETERS-----")) << text.str();
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);

  // A second process offers the saved session and resumes it; openssl's page agrees.
  const auto again = client({"-CAfile", data_path("root-ca.pem"), "-sess_in", path, "-ign_eof"});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(contains(again.output, "HTTP/1.0 200 ok")) << again.output;
  EXPECT_EQ(lines_followed_by(again.output, "Reused, TLSv1.2, Cipher is", kOurs), 1u)
      << again.output;
  // s_server's page says so too.
  EXPECT_EQ(lines_followed_by(again.output, "Reused, TLSv1.2, Cipher is", kPage), 1u)
      << again.output;

  const auto reconnect = client({"-CAfile", data_path("root-ca.pem"), "-reconnect", "-ign_eof"});
  EXPECT_EQ(reconnect.exit_code, 0) << reconnect.output;
  EXPECT_EQ(count_of(reconnect.output, "drop connection and then reconnect"), 5u)
      << reconnect.output;
  EXPECT_EQ(count_of(reconnect.output, "CONNECTED("), 6u) << reconnect.output;
  // The first connection is new, the five after it resume.
  EXPECT_EQ(lines_followed_by(reconnect.output, "New, TLSv1.2, Cipher is", kOurs), 1u)
      << reconnect.output;
  EXPECT_EQ(lines_followed_by(reconnect.output, "Reused, TLSv1.2, Cipher is", kOurs), 5u)
      << reconnect.output;
  EXPECT_EQ(lines_followed_by(reconnect.output, "Reused, TLSv1.2, Cipher is", kPage), 1u)
      << reconnect.output;

  // A damaged session file is refused with a reason, before connecting.
  {
    std::ofstream out(path, std::ios::trunc);
    out << "-----BEGIN TLSPP SESSION PARAMETERS-----\nAAEDAw==\n"
           "-----END TLSPP SESSION PARAMETERS-----\n";
  }
  const auto bad = client({"-CAfile", data_path("root-ca.pem"), "-sess_in", path});
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_TRUE(contains(bad.output, "-sess_in: ")) << bad.output;
  EXPECT_FALSE(contains(bad.output, "CONNECTED")) << bad.output;
  std::filesystem::remove(path);
}

// s_server without tickets: the reconnections resume by session id (and -quiet prints only
// "Reused" / "New" for each, on stderr).
TEST_F(ClientVsOpenssl, ReconnectResumesBySessionIdWithoutTickets) {
  ASSERT_NE(start({"-no_ticket"}), 0);
  const auto r = client({"-CAfile", data_path("root-ca.pem"), "-reconnect", "-ign_eof"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(lines_followed_by(r.output, "Reused, TLSv1.2, Cipher is", kOurs), 5u) << r.output;
  // The same 32-byte id each time (and on s_server's page): resumed by id, not by a ticket.
  std::vector<std::string> ids;
  for (std::size_t at = r.output.find("Session-ID: "); at != std::string::npos;
       at = r.output.find("Session-ID: ", at + 1))
    ids.push_back(r.output.substr(at + 12, 64));
  ASSERT_EQ(ids.size(), 7u) << r.output;
  for (const std::string &id : ids)
    EXPECT_EQ(id, ids[0]);
  const auto quiet = client({"-CAfile", data_path("root-ca.pem"), "-reconnect", "-quiet"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(count_of(quiet.output, "Reused\n"), 5u) << quiet.output;
}

TEST(ClientOptions, UnknownOptionAndMissingValuesAreRefused) {
  if (!tools_built()) GTEST_SKIP() << "tools not built";
  const auto unknown = run({tool("tls-client"), "-bogus"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.output, "unknown option -bogus")) << unknown.output;
  const auto missing = run({tool("tls-client"), "-connect"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.output, "-connect needs a value")) << missing.output;
  const auto version = run({tool("tls-client"), "-min_protocol", "TLSv1.3"});
  EXPECT_EQ(version.exit_code, 2);
  EXPECT_TRUE(contains(version.output, "unknown version 'TLSv1.3'")) << version.output;
  const auto cipher = run({tool("tls-client"), "-cipher", "NOPE-SUITE"});
  EXPECT_EQ(cipher.exit_code, 2);
  EXPECT_TRUE(contains(cipher.output, "-cipher: ")) << cipher.output;
  const auto help = run({tool("tls-client"), "-help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.output, "-keylogfile")) << help.output;
}

TEST(ClientOptions, NothingListeningIsAConnectError) {
  if (!tools_built()) GTEST_SKIP() << "tools not built";
  const auto r = run({tool("tls-client"), "-connect", "127.0.0.1:" + std::to_string(free_port())});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.output, "Connection refused")) << r.output;
}

}  // namespace
}  // namespace tls::tools_test
