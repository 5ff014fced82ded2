// Real TLS peers for interop tests: `openssl s_server` / `s_client`, `gnutls-serv` / `gnutls-cli`
// and NSS `selfserv` / `tstclnt`, started on 127.0.0.1 (a server on a free port, waited for until
// it listens), fed through stdin, read through their stdout / stderr, and stopped by PID when the
// Peer goes away. Each tool's report of the session (version, cipher suite) is parsed into a
// PeerView in one spelling: OpenSSL's version and suite names.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tls/version.hpp>

#include "support/nss_db.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace tls::test {

enum class PeerTool : unsigned char { openssl, gnutls, nss };
enum class PeerRole : unsigned char { server, client };

// "openssl", "gnutls", "nss"
const char *tool_name(PeerTool tool);
// "openssl s_server", "gnutls-cli", "NSS selfserv", ...
std::string program_label(PeerTool tool, PeerRole role);

// Why the tool cannot be used here (not installed), or nullopt when it can.
std::optional<std::string> peer_unavailable(PeerTool tool);
// Whether the tool as installed speaks this version (openssl 3 and GnuTLS 3.7 have no SSL 3.0).
bool peer_supports(PeerTool tool, ProtocolVersion version);

// The path of a file in tests/data.
std::string data_file(std::string_view name);

struct PeerOptions {
  // The versions the peer allows; unset min: the tool's lowest. A peer never goes above TLS 1.2
  // unless max_version is cleared (tlspp speaks up to TLS 1.2).
  std::optional<ProtocolVersion> min_version;
  std::optional<ProtocolVersion> max_version = ProtocolVersion::tls12;

  // Suites by OpenSSL name (tlspp's table spelling); empty: the tool's defaults (for TLS 1.0/1.1
  // with openssl, its full list at security level 0).
  std::vector<std::string> ciphers;

  // Server: its certificate chain (PEM, leaf first) and key. Client: a client certificate
  // (optional). Defaults for a server: tests/data/server-rsa2048.chain.pem / .key.
  std::string cert_chain;
  std::string key;

  // The trust anchor (PEM): a client verifies the server against it, a server the client's
  // certificate.
  std::string ca_file = data_file("root-ca.pem");
  bool verify_server = true;         // client: check the chain and the name "localhost"
  bool request_client_cert = false;  // server: send CertificateRequest, verify what comes
  bool require_client_cert = false;  // server: and fail without one

  std::vector<std::string> alpn;          // offered (client) or accepted (server)
  std::string server_name = "localhost";  // client: SNI sent (empty: none)

  // openssl: run with -brief (a short report on stderr). Without it s_server takes commands on
  // stdin ("r" renegotiates) and both tools print their full report on stdout.
  bool brief = true;

  // A peer from before RFC 5746: neither renegotiation_info nor the SCSV (GnuTLS only:
  // %DISABLE_SAFE_RENEGOTIATION; OpenSSL and NSS always send one of them).
  bool legacy_renegotiation = false;

  std::vector<std::string> extra_args;  // appended to the command line

  std::uint16_t port = 0;  // client: the server's port (required); server: 0 picks a free one
};

// What the peer said about the session it negotiated.
struct PeerView {
  std::optional<ProtocolVersion> version;
  std::string cipher;  // OpenSSL name ("ECDHE-RSA-AES128-GCM-SHA256"), empty when unrecognised
  std::string raw;     // the lines it was read from
};

class Peer {
 public:
  // Starts a server and waits until it listens. nullptr (the reason in *error) when the tool is
  // missing, cannot do what the options ask, or does not come up.
  static std::unique_ptr<Peer> start_server(PeerTool tool, PeerOptions options,
                                            std::string *error = nullptr);
  // Starts a client that connects to options.port.
  static std::unique_ptr<Peer> start_client(PeerTool tool, PeerOptions options,
                                            std::string *error = nullptr);

  ~Peer() { stop(); }

  PeerTool tool() const { return tool_; }
  PeerRole role() const { return role_; }
  std::uint16_t port() const { return port_; }
  std::string label() const { return program_label(tool_, role_); }
  Process &process() { return *process_; }

  // Waits until the peer reports a finished handshake, and returns what it reported; nullopt on
  // timeout or when the peer exits first.
  std::optional<PeerView> wait_handshake(std::chrono::milliseconds timeout = 15s);

  // Whether the peer sends what the test writes (through its stdin). gnutls-serv --echo and
  // selfserv cannot: they answer with the request (echoed, or inside an HTTP page).
  bool can_send() const;
  // Sends application data through the peer's stdin.
  bool send(std::string_view data);
  // Waits until the peer shows it received `data` (what it printed or logged).
  bool wait_received(std::string_view data, std::chrono::milliseconds timeout = 10s);

  // Waits for the peer to exit by itself (e.g. after close_notify); its exit code.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    return process_->wait_exit(timeout);
  }
  void stop() {
    if (process_) process_->stop();
  }

  // The command line and what the peer printed, for failure messages.
  std::string describe() const { return process_ ? process_->describe() : label(); }

 private:
  Peer(PeerTool tool, PeerRole role) : tool_(tool), role_(role) {}
  bool prepare(std::string *error);
  std::vector<std::string> command_line() const;
  bool handshake_reported(std::string_view out, std::string_view err) const;
  PeerView parse_view(std::string_view out, std::string_view err) const;

  PeerTool tool_;
  PeerRole role_;
  PeerOptions options_;
  std::uint16_t port_ = 0;
  TempDir files_{"tlspp-peer"};        // split certificate chains, PKCS#12 files
  std::string cert_leaf_, cert_rest_;  // openssl: the chain split into -cert and -cert_chain
  std::unique_ptr<NssDb> nss_db_;
  std::string nss_nickname_;
  bool nss_ec_key_ = false;
  std::unique_ptr<Process> process_;
};

// Parsers for each tool's report (exposed for their own tests).
PeerView parse_openssl_view(std::string_view text);  // "Protocol version:" / "Ciphersuite:"
PeerView parse_gnutls_view(std::string_view text);   // "- Version:", "- Key Exchange:", ...
PeerView parse_nss_view(std::string_view text);      // "SSL version 3.3 using ..."
// The application data gnutls-cli --verbose received, from its "- Received[N]: " lines.
std::string gnutls_received_payload(std::string_view out);

// The suite spellings the tools take on their command lines.
std::string gnutls_priority(const PeerOptions &options);
std::string nss_cipher_list(const std::vector<std::string> &openssl_names);  // ":C02F:C030"

}  // namespace tls::test
