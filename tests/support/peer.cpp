#include "support/peer.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <thread>

#include "cipher/suites.hpp"
#include "support/net.hpp"

namespace tls::test {
namespace {

using cipher::BulkCipher;
using cipher::CipherSuite;
using cipher::MacAlg;

constexpr int kStartAttempts = 3;  // a free port may be taken between our check and the bind

// ---- names ---------------------------------------------------------------------------------

// GnuTLS's spelling of a suite's key exchange, cipher and MAC (gnutls-cli --list).
struct GnutlsNames {
  std::string kx, cipher, mac;
};

std::optional<GnutlsNames> gnutls_names(const CipherSuite &suite) {
  GnutlsNames n;
  if (suite.kx == cipher::kRSA && suite.auth == cipher::aRSA)
    n.kx = "RSA";
  else if (suite.kx == cipher::kDHE && suite.auth == cipher::aRSA)
    n.kx = "DHE-RSA";
  else if (suite.kx == cipher::kECDHE && suite.auth == cipher::aRSA)
    n.kx = "ECDHE-RSA";
  else if (suite.kx == cipher::kECDHE && suite.auth == cipher::aECDSA)
    n.kx = "ECDHE-ECDSA";
  else
    return std::nullopt;
  switch (suite.cipher) {
    case BulkCipher::null:
      n.cipher = "NULL";
      break;
    case BulkCipher::rc4_128:
      n.cipher = "ARCFOUR-128";
      break;
    case BulkCipher::des_ede3_cbc:
      n.cipher = "3DES-CBC";
      break;
    case BulkCipher::aes128_cbc:
      n.cipher = "AES-128-CBC";
      break;
    case BulkCipher::aes256_cbc:
      n.cipher = "AES-256-CBC";
      break;
    case BulkCipher::aes128_gcm:
      n.cipher = "AES-128-GCM";
      break;
    case BulkCipher::aes256_gcm:
      n.cipher = "AES-256-GCM";
      break;
    case BulkCipher::chacha20_poly1305:
      n.cipher = "CHACHA20-POLY1305";
      break;
  }
  switch (suite.mac) {
    case MacAlg::aead:
      n.mac = "AEAD";
      break;
    case MacAlg::md5:
      n.mac = "MD5";
      break;
    case MacAlg::sha1:
      n.mac = "SHA1";
      break;
    case MacAlg::sha256:
      n.mac = "SHA256";
      break;
    case MacAlg::sha384:
      n.mac = "SHA384";
      break;
  }
  return n;
}

// NSS's spelling (lib/ssl/sslinfo.c): key exchange, authentication, cipher, MAC.
struct NssNames {
  std::string kx, auth, cipher, mac;
  int cipher_bits;
};

NssNames nss_names(const CipherSuite &suite) {
  NssNames n;
  n.kx = suite.kx == cipher::kRSA ? "RSA" : suite.kx == cipher::kDHE ? "DHE" : "ECDHE";
  n.auth = suite.auth == cipher::aECDSA ? "ECDSA" : "RSA";
  switch (suite.cipher) {
    case BulkCipher::null:
      n.cipher = "NULL";
      break;
    case BulkCipher::rc4_128:
      n.cipher = "RC4";
      break;
    case BulkCipher::des_ede3_cbc:
      n.cipher = "3DES";
      break;
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc:
      n.cipher = "AES";
      break;
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm:
      n.cipher = "AES-GCM";
      break;
    case BulkCipher::chacha20_poly1305:
      n.cipher = "CHACHA20POLY1305";
      break;
  }
  n.cipher_bits = suite.cipher == BulkCipher::des_ede3_cbc ? 112 : suite.bulk().bits;
  n.mac = suite.mac == MacAlg::aead     ? "AEAD"
          : suite.mac == MacAlg::md5    ? "MD5"
          : suite.mac == MacAlg::sha1   ? "SHA1"
          : suite.mac == MacAlg::sha256 ? "SHA256"
                                        : "SHA384";
  return n;
}

const CipherSuite *suite_by_openssl_name(std::string_view name) {
  if (const CipherSuite *s = cipher::find_suite(name)) return s;
  // OpenSSL still prints the old EDH- names for the DHE 3DES suites.
  if (name.starts_with("EDH-")) return cipher::find_suite("DHE-" + std::string(name.substr(4)));
  return nullptr;
}

// ---- text parsing -------------------------------------------------------------------------

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

// The rest of the first complete line that starts with `key` (after leading spaces and an
// optional "tool: " prefix), or nullopt.
std::optional<std::string> field(std::string_view text, std::string_view key) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) break;  // an unfinished line may still grow
    std::string_view line = text.substr(at, nl - at);
    at = nl + 1;
    const std::size_t k = line.find(key);
    if (k == std::string_view::npos) continue;
    const std::string_view before = line.substr(0, k);
    if (trim(before).empty() || before.ends_with(": ")) return trim(line.substr(k + key.size()));
  }
  return std::nullopt;
}

std::string grep_lines(std::string_view text, std::initializer_list<std::string_view> keys) {
  std::string out;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line))
    for (std::string_view k : keys)
      if (line.find(k) != std::string::npos) {
        out += line + "\n";
        break;
      }
  return out;
}

std::string join(const std::vector<std::string> &words, std::string_view sep) {
  std::string out;
  for (const std::string &w : words)
    out += (out.empty() ? "" : std::string(sep)) + w;
  return out;
}

std::vector<ProtocolVersion> versions_between(ProtocolVersion lo, ProtocolVersion hi) {
  std::vector<ProtocolVersion> out;
  for (ProtocolVersion v : {ProtocolVersion::ssl3, ProtocolVersion::tls10, ProtocolVersion::tls11,
                            ProtocolVersion::tls12})
    if (to_wire(v) >= to_wire(lo) && to_wire(v) <= to_wire(hi)) out.push_back(v);
  return out;
}

const char *nss_version(ProtocolVersion v) {
  switch (v) {
    case ProtocolVersion::ssl3:
      return "ssl3";
    case ProtocolVersion::tls10:
      return "tls1.0";
    case ProtocolVersion::tls11:
      return "tls1.1";
    case ProtocolVersion::tls12:
      return "tls1.2";
  }
  return "tls1.2";
}

bool is_rsa_key(const std::string &key_pem) {
  const std::string text = read_text_file(key_pem);
  if (text.find("BEGIN RSA PRIVATE KEY") != std::string::npos) return true;
  if (text.find("BEGIN EC PRIVATE KEY") != std::string::npos) return false;
  const auto described =
      run("openssl pkey -noout -text -in " + shell_quote(key_pem) + " 2>/dev/null");
  return described && described->find("prime") != std::string::npos;
}

}  // namespace

// ---- public helpers -------------------------------------------------------------------------

const char *tool_name(PeerTool tool) {
  switch (tool) {
    case PeerTool::openssl:
      return "openssl";
    case PeerTool::gnutls:
      return "gnutls";
    case PeerTool::nss:
      return "nss";
  }
  return "?";
}

std::string program_label(PeerTool tool, PeerRole role) {
  const bool server = role == PeerRole::server;
  switch (tool) {
    case PeerTool::openssl:
      return server ? "openssl s_server" : "openssl s_client";
    case PeerTool::gnutls:
      return server ? "gnutls-serv" : "gnutls-cli";
    case PeerTool::nss:
      return server ? "NSS selfserv" : "NSS tstclnt";
  }
  return "?";
}

std::optional<std::string> peer_unavailable(PeerTool tool) {
  switch (tool) {
    case PeerTool::openssl:
      if (!have_program("openssl")) return "openssl is not installed";
      break;
    case PeerTool::gnutls:
      if (!have_program("gnutls-serv") || !have_program("gnutls-cli"))
        return "gnutls-serv / gnutls-cli are not installed (package gnutls-bin)";
      break;
    case PeerTool::nss:
      if (!have_nss_tools())
        return "selfserv / tstclnt / certutil / pk12util (package libnss3-tools) or openssl are "
               "not "
               "installed";
      break;
  }
  return std::nullopt;
}

bool peer_supports(PeerTool tool, ProtocolVersion version) {
  // openssl 3 (Debian 12) is built without SSL 3.0 (no -ssl3 flag); GnuTLS 3.7 removed it. NSS
  // still has it, off by default, enabled with -V ssl3:.
  return version != ProtocolVersion::ssl3 || tool == PeerTool::nss;
}

std::string data_file(std::string_view name) {
  return std::string(TLS_TEST_DATA_DIR) + "/" + std::string(name);
}

std::string gnutls_priority(const PeerOptions &options) {
  std::string p = "NORMAL";
  if (options.min_version || options.max_version) {
    p += ":-VERS-ALL";
    const ProtocolVersion lo = options.min_version.value_or(ProtocolVersion::tls10);
    const ProtocolVersion hi = options.max_version.value_or(ProtocolVersion::tls12);
    for (ProtocolVersion v : versions_between(lo, hi)) {
      if (v == ProtocolVersion::ssl3) continue;  // not in GnuTLS 3.7
      p += v == ProtocolVersion::tls10   ? ":+VERS-TLS1.0"
           : v == ProtocolVersion::tls11 ? ":+VERS-TLS1.1"
                                         : ":+VERS-TLS1.2";
    }
    if (!options.max_version) p += ":+VERS-TLS1.3";
  }
  if (!options.ciphers.empty()) {
    std::vector<std::string> kx, ciphers, macs;
    auto add = [](std::vector<std::string> &list, const std::string &w) {
      if (std::find(list.begin(), list.end(), w) == list.end()) list.push_back(w);
    };
    for (const std::string &name : options.ciphers) {
      const CipherSuite *suite = suite_by_openssl_name(name);
      const auto n = suite ? gnutls_names(*suite) : std::nullopt;
      if (!n) continue;
      add(kx, n->kx);
      add(ciphers, n->cipher);
      add(macs, n->mac);
    }
    p += ":-KX-ALL";
    for (const auto &k : kx)
      p += ":+" + k;
    p += ":-CIPHER-ALL";
    for (const auto &c : ciphers)
      p += ":+" + c;
    p += ":-MAC-ALL";
    for (const auto &m : macs)
      p += ":+" + m;
  }
  if (options.legacy_renegotiation) p += ":%DISABLE_SAFE_RENEGOTIATION";
  return p;
}

std::string nss_cipher_list(const std::vector<std::string> &openssl_names) {
  std::string out;
  char code[8];
  for (const std::string &name : openssl_names)
    if (const CipherSuite *suite = suite_by_openssl_name(name)) {
      std::snprintf(code, sizeof code, ":%04X", suite->id);
      out += code;
    }
  return out;
}

PeerView parse_openssl_view(std::string_view text) {
  PeerView view;
  view.raw = grep_lines(text, {"Protocol version:", "Ciphersuite:"});
  if (auto v = field(text, "Protocol version:")) view.version = version_from_name(*v);
  std::optional<std::string> cipher = field(text, "Ciphersuite:");
  // The full report: s_client's "New, TLSv1.2, Cipher is X", s_server's "CIPHER is X".
  for (std::string_view mark : {", Cipher is ", "CIPHER is "}) {
    if (cipher) break;
    if (const std::size_t at = text.find(mark); at != std::string_view::npos) {
      const std::size_t end = text.find('\n', at);
      if (end == std::string_view::npos) break;
      cipher = trim(text.substr(at + mark.size(), end - at - mark.size()));
      view.raw += trim(text.substr(text.rfind('\n', at) + 1, end - text.rfind('\n', at) - 1));
      view.raw += "\n";
      if (mark == ", Cipher is " && !view.version) {
        // "New, TLSv1.2, Cipher is ..." / "Reused, TLSv1.2, Cipher is ..."
        const std::size_t line = text.rfind('\n', at) + 1;
        const std::string_view head = text.substr(line, at - line);
        if (const std::size_t comma = head.find(", "); comma != std::string_view::npos)
          view.version = version_from_name(std::string(head.substr(comma + 2)));
      }
    }
  }
  if (cipher) {
    const CipherSuite *suite = suite_by_openssl_name(*cipher);
    view.cipher = suite ? suite->name : *cipher;
  }
  return view;
}

PeerView parse_gnutls_view(std::string_view text) {
  PeerView view;
  view.raw =
      grep_lines(text, {"- Description:", "- Version:", "- Key Exchange:", "- Cipher:", "- MAC:"});
  const auto version = field(text, "- Version:");
  if (version == "TLS1.0") view.version = ProtocolVersion::tls10;
  if (version == "TLS1.1") view.version = ProtocolVersion::tls11;
  if (version == "TLS1.2") view.version = ProtocolVersion::tls12;
  if (version == "SSL3.0") view.version = ProtocolVersion::ssl3;
  const auto kx = field(text, "- Key Exchange:");
  const auto ciph = field(text, "- Cipher:");
  const auto mac = field(text, "- MAC:");
  if (!kx || !ciph || !mac) return view;
  for (const CipherSuite &suite : cipher::all_suites()) {
    const auto n = gnutls_names(suite);
    if (n && n->kx == *kx && n->cipher == *ciph && n->mac == *mac &&
        (!view.version || suite.allows(*view.version))) {
      // Several suites can share a triple only across versions (none in the table today).
      view.cipher = suite.name;
      break;
    }
  }
  return view;
}

PeerView parse_nss_view(std::string_view text) {
  PeerView view;
  view.raw = grep_lines(text, {"SSL version", "Key Exchange:"});
  // "SSL version 3.3 using 128-bit AES-GCM with 128-bit AEAD MAC"
  // "Server Auth: 2048-bit RSA, Key Exchange: 255-bit ECDHE"
  const auto line = field(text, "SSL version ");
  const auto auth_line = field(text, "Server Auth: ");
  if (!line) return view;
  int major = 0, minor = 0, bits = 0, mac_bits = 0;
  char cipher_name[64] = {}, mac_name[32] = {};
  if (std::sscanf(line->c_str(), "%d.%d using %d-bit %63s with %d-bit %31s", &major, &minor, &bits,
                  cipher_name, &mac_bits, mac_name) != 6)
    return view;
  view.version = version_from_wire(static_cast<std::uint16_t>(major << 8 | minor));
  if (!auth_line) return view;
  int auth_bits = 0, kx_bits = 0;
  char auth_name[32] = {}, kx_name[32] = {};
  if (std::sscanf(auth_line->c_str(), "%d-bit %31[^,], Key Exchange: %d-bit %31s", &auth_bits,
                  auth_name, &kx_bits, kx_name) != 4)
    return view;
  for (const CipherSuite &suite : cipher::all_suites()) {
    const NssNames n = nss_names(suite);
    if (n.kx == kx_name && n.auth == auth_name && n.cipher == cipher_name &&
        n.cipher_bits == bits && n.mac == mac_name &&
        (!view.version || suite.allows(*view.version))) {
      view.cipher = suite.name;
      break;
    }
  }
  return view;
}

// ---- Peer -----------------------------------------------------------------------------------

bool Peer::prepare(std::string *error) {
  auto fail = [&](const std::string &why) {
    if (error) *error = label() + ": " + why;
    return false;
  };
  if (auto why = peer_unavailable(tool_)) return fail(*why);
  if (!files_.valid()) return fail("cannot make a temporary directory");
  for (auto v : {options_.min_version, options_.max_version})
    if (v && !peer_supports(tool_, *v) && options_.min_version == options_.max_version)
      return fail(std::string(version_name(*v)) + " is not available in this build of " +
                  tool_name(tool_));
  if (options_.legacy_renegotiation && tool_ != PeerTool::gnutls)
    return fail("only gnutls can leave out RFC 5746 (renegotiation_info and its SCSV)");
  if (role_ == PeerRole::server && options_.cert_chain.empty()) {
    options_.cert_chain = data_file("server-rsa2048.chain.pem");
    options_.key = data_file("server-rsa2048.key");
  }
  if (!options_.cert_chain.empty() && tool_ == PeerTool::openssl) {
    // s_server -cert takes the leaf; the rest goes to -cert_chain (given the whole chain there,
    // it would send the leaf twice).
    const auto blocks = pem_blocks(read_text_file(options_.cert_chain));
    if (blocks.empty()) return fail("no certificate in " + options_.cert_chain);
    cert_leaf_ = files_.write("leaf.pem", blocks.front());
    std::string rest;
    for (std::size_t i = 1; i < blocks.size(); ++i)
      rest += blocks[i];
    if (!rest.empty()) cert_rest_ = files_.write("chain.pem", rest);
  }
  if (tool_ == PeerTool::nss) {
    nss_db_ = NssDb::create(error);
    if (!nss_db_) return false;
    if (!options_.ca_file.empty() &&
        !nss_db_->add_trust_anchor(options_.ca_file, "tlspp-ca", error))
      return false;
    if (!options_.cert_chain.empty()) {
      nss_nickname_ = role_ == PeerRole::server ? "tlspp-server" : "tlspp-client";
      nss_ec_key_ = !is_rsa_key(options_.key);
      if (!nss_db_->add_key(options_.cert_chain, options_.key, nss_nickname_, error)) return false;
    }
  }
  return true;
}

std::vector<std::string> Peer::command_line() const {
  const PeerOptions &o = options_;
  const bool server = role_ == PeerRole::server;
  const std::string port = std::to_string(port_);
  std::vector<std::string> a;
  switch (tool_) {
    case PeerTool::openssl: {
      if (server)
        a = {"openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1"};
      else
        a = {"openssl", "s_client", "-connect", "127.0.0.1:" + port};
      if (o.brief) a.push_back("-brief");
      if (o.min_version) a.insert(a.end(), {"-min_protocol", version_name(*o.min_version)});
      if (o.max_version) a.insert(a.end(), {"-max_protocol", version_name(*o.max_version)});
      bool legacy = (o.min_version && to_wire(*o.min_version) < to_wire(ProtocolVersion::tls12)) ||
                    (o.max_version && to_wire(*o.max_version) < to_wire(ProtocolVersion::tls12));
      for (const std::string &name : o.ciphers)
        if (const CipherSuite *s = suite_by_openssl_name(name);
            s && (s->flags & cipher::kFlagLegacy))
          legacy = true;
      // TLS 1.0/1.1 (SHA-1 and MD5 signatures) and 3DES need OpenSSL's security level 0.
      std::string list = o.ciphers.empty() ? (legacy ? "ALL" : "") : join(o.ciphers, ":");
      if (legacy) list += ":@SECLEVEL=0";
      if (!list.empty()) a.insert(a.end(), {"-cipher", list});
      if (!cert_leaf_.empty()) {
        a.insert(a.end(), {"-cert", cert_leaf_, "-key", o.key});
        if (!cert_rest_.empty()) a.insert(a.end(), {"-cert_chain", cert_rest_});
      }
      if (server && (o.request_client_cert || o.require_client_cert))
        a.insert(a.end(), {"-CAfile", o.ca_file, "-verify_return_error",
                           o.require_client_cert ? "-Verify" : "-verify", "9"});
      if (!server && o.verify_server)
        a.insert(a.end(), {"-CAfile", o.ca_file, "-verify_return_error", "-verify", "9",
                           "-verify_hostname", "localhost"});
      if (!server) {
        if (o.server_name.empty())
          a.push_back("-noservername");
        else
          a.insert(a.end(), {"-servername", o.server_name});
      }
      if (!o.alpn.empty()) a.insert(a.end(), {"-alpn", join(o.alpn, ",")});
      break;
    }
    case PeerTool::gnutls: {
      if (server) {
        // gnutls-serv writes its session report through stdio: line-buffer it through a pipe.
        if (have_program("stdbuf")) a = {"stdbuf", "-oL", "-eL"};
        a.insert(a.end(), {"gnutls-serv", "--port=" + port, "--echo"});
        if (o.require_client_cert)
          a.push_back("--require-client-cert");
        else if (o.request_client_cert)
          a.push_back("--verify-client-cert");
        else
          a.push_back("--disable-client-cert");
      } else {
        a = {"gnutls-cli", "--verbose", "--port=" + port, "127.0.0.1"};
        if (o.verify_server)
          a.push_back("--verify-hostname=localhost");
        else
          a.push_back("--insecure");
        if (o.server_name.empty())
          a.push_back("--disable-sni");
        else
          a.push_back("--sni-hostname=" + o.server_name);
      }
      a.push_back("--priority=" + gnutls_priority(o));
      if (!o.cert_chain.empty())
        a.insert(a.end(), {"--x509certfile=" + o.cert_chain, "--x509keyfile=" + o.key});
      const bool verifies =
          server ? o.request_client_cert || o.require_client_cert : o.verify_server;
      if (verifies && !o.ca_file.empty()) a.push_back("--x509cafile=" + o.ca_file);
      for (const std::string &p : o.alpn)
        a.push_back("--alpn=" + p);
      break;
    }
    case PeerTool::nss: {
      std::string range = std::string(nss_version(o.min_version.value_or(ProtocolVersion::tls10))) +
                          ":" + nss_version(o.max_version.value_or(ProtocolVersion::tls12));
      if (server) {
        if (have_program("stdbuf")) a = {"stdbuf", "-oL", "-eL"};
        a.insert(a.end(), {"selfserv", "-d", nss_db_->spec(), "-p", port, "-V", range, "-v", "-H",
                           "1"});  // -H 1: DHE suites on
        a.insert(a.end(), {nss_ec_key_ ? "-e" : "-n", nss_nickname_});
        if (o.request_client_cert || o.require_client_cert) a.push_back("-r");
        if (o.require_client_cert) a.push_back("-r");
        if (!o.alpn.empty()) a.push_back("-Q");  // selfserv knows only http/1.1
      } else {
        a = {"tstclnt", "-h", "127.0.0.1", "-p", port, "-d", nss_db_->spec(), "-V", range, "-v"};
        if (!o.server_name.empty()) a.insert(a.end(), {"-a", o.server_name});
        if (!o.verify_server) a.push_back("-o");
        if (!nss_nickname_.empty()) a.insert(a.end(), {"-n", nss_nickname_});
      }
      if (!o.ciphers.empty()) a.insert(a.end(), {"-c", nss_cipher_list(o.ciphers)});
      break;
    }
  }
  a.insert(a.end(), o.extra_args.begin(), o.extra_args.end());
  return a;
}

std::unique_ptr<Peer> Peer::start_server(PeerTool tool, PeerOptions options, std::string *error) {
  std::unique_ptr<Peer> peer(new Peer(tool, PeerRole::server));
  peer->options_ = std::move(options);
  if (!peer->prepare(error)) return nullptr;
  std::string why;
  for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
    peer->port_ = peer->options_.port ? peer->options_.port : free_port();
    peer->process_ = Process::start(peer->command_line(), {}, &why);
    if (!peer->process_) break;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline && peer->process_->running() &&
           !port_listening(peer->port_))
      std::this_thread::sleep_for(20ms);
    if (port_listening(peer->port_) && peer->process_->running()) return peer;
    why = peer->label() + " did not start listening on port " + std::to_string(peer->port_) + "\n" +
          peer->describe();
    peer->process_->stop();
    if (peer->options_.port) break;  // a fixed port: no point in retrying
  }
  if (error) *error = why;
  return nullptr;
}

std::unique_ptr<Peer> Peer::start_client(PeerTool tool, PeerOptions options, std::string *error) {
  std::unique_ptr<Peer> peer(new Peer(tool, PeerRole::client));
  peer->options_ = std::move(options);
  peer->port_ = peer->options_.port;
  if (peer->port_ == 0) {
    if (error) *error = "start_client: no port to connect to";
    return nullptr;
  }
  if (!peer->prepare(error)) return nullptr;
  peer->process_ = Process::start(peer->command_line(), {}, error);
  if (!peer->process_) return nullptr;
  return peer;
}

bool Peer::handshake_reported(std::string_view out, std::string_view err) const {
  switch (tool_) {
    case PeerTool::openssl:
      // -brief: "Ciphersuite: X" on stderr; otherwise s_server's "CIPHER is X" and s_client's
      // "New, TLSv1.2, Cipher is X" on stdout.
      if (options_.brief) return field(err, "Ciphersuite:").has_value();
      return out.find("CIPHER is ") != std::string_view::npos ||
             out.find(", Cipher is ") != std::string_view::npos;
    case PeerTool::gnutls:
      return field(out, "- MAC:").has_value() || field(err, "- MAC:").has_value();
    case PeerTool::nss:
      return field(out, "Server Auth: ").has_value() || field(err, "Server Auth: ").has_value();
  }
  return false;
}

PeerView Peer::parse_view(std::string_view out, std::string_view err) const {
  const std::string both = std::string(out) + "\n" + std::string(err);
  switch (tool_) {
    case PeerTool::openssl:
      return parse_openssl_view(options_.brief ? err : out);
    case PeerTool::gnutls:
      return parse_gnutls_view(both);
    case PeerTool::nss:
      return parse_nss_view(both);
  }
  return {};
}

std::optional<PeerView> Peer::wait_handshake(std::chrono::milliseconds timeout) {
  if (!process_->wait_until(
          [&](std::string_view out, std::string_view err) { return handshake_reported(out, err); },
          timeout))
    return std::nullopt;
  const std::string out = process_->out(), err = process_->err();
  return parse_view(out, err);
}

bool Peer::can_send() const {
  return !(role_ == PeerRole::server && (tool_ == PeerTool::gnutls || tool_ == PeerTool::nss));
}

bool Peer::send(std::string_view data) {
  return can_send() && process_->write_stdin(data);
}

// gnutls-cli --verbose prints each record it receives as "- Received[N]: " and N bytes: the
// application data is those bytes joined (a TLS 1.0 1/n-1 split would otherwise cut the text).
std::string gnutls_received_payload(std::string_view out) {
  std::string payload;
  constexpr std::string_view kMark = "- Received[";
  std::size_t at = 0;
  while ((at = out.find(kMark, at)) != std::string_view::npos) {
    at += kMark.size();
    std::size_t n = 0;
    while (at < out.size() && out[at] >= '0' && out[at] <= '9')
      n = n * 10 + static_cast<std::size_t>(out[at++] - '0');
    if (out.substr(at, 3) != "]: ") continue;
    at += 3;
    payload += out.substr(at, n);
    at += std::min(n, out.size() - at);
  }
  return payload;
}

bool Peer::wait_received(std::string_view data, std::chrono::milliseconds timeout) {
  if (tool_ == PeerTool::gnutls && role_ == PeerRole::client)
    return process_->wait_until(
        [&](std::string_view out, std::string_view) {
          return gnutls_received_payload(out).find(data) != std::string::npos;
        },
        timeout);
  return process_->wait_for(data, timeout);
}

}  // namespace tls::test
