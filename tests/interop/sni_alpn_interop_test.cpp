// One server, many names and protocols, against OpenSSL through the public API:
//   - SNI: one port of tlspp's server, whose callback switches to a second Context for b.test,
//     gives `openssl s_client -servername a.test` and `-servername b.test` different
//     certificates (each verified for its name), and refuses an unknown name with
//     unrecognized_name when told to;
//   - ALPN both ways (our client with `s_server -alpn`, `s_client -alpn` with our server), and
//     no protocol in common: our server's no_application_protocol, as s_client reports it.
#if __has_include(<tls/tls.hpp>)

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <tls/tls.hpp>

#include "support/net.hpp"
#include "support/our_end.hpp"
#include "support/peer.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace tls::test {
namespace {

// A leaf for `name` (subject CN and subjectAltName DNS), issued by tests/data/root-ca, made with
// the openssl command line into `dir`: <name>.pem and <name>.key. False when openssl failed.
bool make_leaf(const TempDir &dir, const std::string &name) {
  const std::string key = dir.file(name + ".key"), csr = dir.file(name + ".csr"),
                    cert = dir.file(name + ".pem"),
                    ext = dir.write(name + ".ext", "subjectAltName=DNS:" + name +
                                                       "\nextendedKeyUsage="
                                                       "serverAuth\n");
  int status = 0;
  (void)run("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj " +
                shell_quote("/O=tlspp test/CN=" + name) + " -keyout " + shell_quote(key) +
                " -out " + shell_quote(csr) + " 2>&1",
            &status);
  if (status != 0) return false;
  (void)run("openssl x509 -req -in " + shell_quote(csr) + " -CA " +
                shell_quote(data_file("root-ca.pem")) + " -CAkey " +
                shell_quote(data_file("root-ca.key")) + " -set_serial 7 -days 30 -extfile " +
                shell_quote(ext) + " -out " + shell_quote(cert) + " 2>&1",
            &status);
  return status == 0;
}

struct SniServer {
  TempDir dir{"tlspp-sni"};
  Context a = Context(Role::server);
  Context b = Context(Role::server);
};

// Context a serves a.test (and every name it does not switch for); b.test switches to b.
bool set_up_sni(SniServer &s, bool reject_unknown, std::string *why) {
  if (!s.dir.valid() || !make_leaf(s.dir, "a.test") || !make_leaf(s.dir, "b.test")) {
    *why = "could not make the a.test / b.test certificates with openssl";
    return false;
  }
  for (auto [context, name] : {std::pair{&s.a, "a.test"}, std::pair{&s.b, "b.test"}}) {
    const Status added = context->add_certificate_files(s.dir.file(std::string(name) + ".pem"),
                                                        s.dir.file(std::string(name) + ".key"));
    if (!added) {
      *why = added.error().reason;
      return false;
    }
  }
  s.a.set_reject_unknown_server_name(reject_unknown);
  s.a.set_sni_callback([other = s.b](std::string_view name) {
    return name == "b.test" ? SniAnswer::use(other) : SniAnswer::keep();
  });
  return true;
}

// s_client -servername `name`, verifying the server for that name; our server accepts on one
// port. Returns s_client's report and our connection's outcome.
struct SniRun {
  bool accepted = false;
  std::string server_error;
  std::string server_name;
  std::unique_ptr<Peer> client;
};

SniRun connect_with_name(Context &server_context, const std::string &name) {
  SniRun run;
  PeerOptions options;
  options.server_name = name;
  options.verify_server = false;  // verified below for `name`, not "localhost"
  options.extra_args = {"-CAfile", data_file("root-ca.pem"), "-verify_return_error",
                        "-verify_hostname", name};
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::openssl, options, run.client, error);
  EXPECT_TRUE(fd) << error;
  if (!fd) return run;
  Connection conn(server_context);
  EXPECT_TRUE(conn.set_fd(fd.get()).ok());
  run.accepted = conn.accept().ok();
  run.server_error = conn.error_text();
  run.server_name = conn.server_name();
  if (run.accepted) {
    (void)run.client->wait_handshake();
    (void)conn.shutdown();
  }
  return run;
}

TEST(SniInterop, TwoNamesOnOnePortGetTheirOwnCertificates) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  SniServer server;
  std::string why;
  ASSERT_TRUE(set_up_sni(server, false, &why)) << why;
  for (const std::string name : {"a.test", "b.test"}) {
    SniRun run = connect_with_name(server.a, name);
    ASSERT_TRUE(run.client);
    ASSERT_TRUE(run.accepted) << name << ": " << run.server_error << "\n" << run.client->describe();
    EXPECT_EQ(run.server_name, name);
    // s_client -brief prints the subject of the certificate it got and verified for `name`.
    EXPECT_TRUE(run.client->process().wait_for("Peer certificate: O = tlspp test, CN = " + name, 5s,
                                               Stream::err))
        << run.client->describe();
    EXPECT_TRUE(run.client->process().wait_for("Verification: OK", 5s, Stream::err))
        << run.client->describe();
  }
}

TEST(SniInterop, UnknownNameRefusedWithUnrecognizedName) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  SniServer server;
  std::string why;
  ASSERT_TRUE(set_up_sni(server, true, &why)) << why;
  // Known names still work with the refusal on.
  SniRun known = connect_with_name(server.a, "b.test");
  ASSERT_TRUE(known.client);
  EXPECT_TRUE(known.accepted) << known.server_error << "\n" << known.client->describe();

  SniRun run = connect_with_name(server.a, "c.test");
  ASSERT_TRUE(run.client);
  EXPECT_FALSE(run.accepted);
  EXPECT_NE(run.server_error.find("unrecognized_name"), std::string::npos) << run.server_error;
  EXPECT_NE(run.server_error.find("c.test"), std::string::npos) << run.server_error;
  // OpenSSL: "tlsv1 unrecognized name ... SSL alert number 112".
  EXPECT_TRUE(run.client->process().wait_for("unrecognized name", 10s)) << run.client->describe();
}

// ---- ALPN ------------------------------------------------------------------------------------

TEST(AlpnInterop, OurClientWithOpenSslServer) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  PeerOptions options;
  options.alpn = {"http/1.1", "h2"};  // h2 is the only one in common
  options.brief = false;              // s_server prints the ALPN it chose only in full
  std::string error;
  auto server = Peer::start_server(PeerTool::openssl, options, &error);
  ASSERT_TRUE(server) << error;
  Context context = verifying_client_context();
  ASSERT_TRUE(context.set_alpn_protocols("h2,spdy/1").ok());
  UniqueFd fd = dial(server->port());
  ASSERT_TRUE(fd);
  Connection conn(context);
  ASSERT_TRUE(conn.set_fd(fd.get()).ok());
  ASSERT_TRUE(conn.set_hostname("localhost").ok());
  ASSERT_TRUE(conn.connect().ok()) << conn.error_text() << "\n" << server->describe();
  EXPECT_EQ(conn.alpn_selected(), "h2");
  ASSERT_TRUE(server->wait_handshake()) << server->describe();
  EXPECT_TRUE(server->process().wait_for("ALPN protocols advertised by the client: h2, spdy/1", 5s))
      << server->describe();
  (void)conn.shutdown();
}

// s_client -alpn `offered` against our server preferring `ours`; our server's outcome and
// s_client's report.
struct AlpnRun {
  bool accepted = false;
  std::string selected;
  std::string server_error;
  std::optional<AlertRecord> alert;
  std::unique_ptr<Peer> client;
};

AlpnRun openssl_client_alpn(const std::string &ours, const std::vector<std::string> &offered) {
  AlpnRun run;
  Context context(Role::server);
  EXPECT_TRUE(context
                  .add_certificate_files(data_file("server-rsa2048.chain.pem"),
                                         data_file("server-rsa2048.key"))
                  .ok());
  EXPECT_TRUE(context.set_alpn_protocols(ours).ok());
  PeerOptions options;
  options.alpn = offered;
  options.brief = false;  // s_client prints "ALPN protocol: X" only in its full report
  std::string error;
  UniqueFd fd = accept_peer_client(PeerTool::openssl, options, run.client, error);
  EXPECT_TRUE(fd) << error;
  if (!fd) return run;
  Connection conn(context);
  EXPECT_TRUE(conn.set_fd(fd.get()).ok());
  run.accepted = conn.accept().ok();
  run.selected = conn.alpn_selected();
  run.server_error = conn.error_text();
  run.alert = conn.last_alert();
  if (run.accepted) {
    (void)run.client->wait_handshake();
    (void)conn.shutdown();
  }
  return run;
}

TEST(AlpnInterop, OpenSslClientWithOurServerByServerPreference) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  // The client lists http/1.1 first; our server prefers h2, which the client also offers.
  AlpnRun run = openssl_client_alpn("h2,http/1.1", {"http/1.1", "h2"});
  ASSERT_TRUE(run.client);
  ASSERT_TRUE(run.accepted) << run.server_error << "\n" << run.client->describe();
  EXPECT_EQ(run.selected, "h2");
  EXPECT_TRUE(run.client->process().wait_for("ALPN protocol: h2", 5s, Stream::out))
      << run.client->describe();
}

TEST(AlpnInterop, NoOverlapIsNoApplicationProtocol) {
  if (auto why = peer_unavailable(PeerTool::openssl)) GTEST_SKIP() << *why;
  AlpnRun run = openssl_client_alpn("h2", {"spdy/3", "http/1.1"});
  ASSERT_TRUE(run.client);
  EXPECT_FALSE(run.accepted);
  EXPECT_EQ(run.selected, "");
  ASSERT_TRUE(run.alert);
  EXPECT_TRUE(run.alert->sent);
  EXPECT_EQ(run.alert->description, AlertDescription::no_application_protocol);
  EXPECT_NE(run.server_error.find("no_application_protocol"), std::string::npos)
      << run.server_error;
  // OpenSSL: "tlsv1 alert no application protocol ... SSL alert number 120".
  EXPECT_TRUE(run.client->process().wait_for("no application protocol", 10s))
      << run.client->describe();
}

}  // namespace
}  // namespace tls::test

#endif
