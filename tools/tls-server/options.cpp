// tls-server's flags: openssl s_server's names and meanings where tlspp has the feature.
#include "options.hpp"

#include <string_view>

#include "../common/net.hpp"

namespace tls::tools {

const char *const kServerUsage =
    "usage: tls-server -cert file [-key file] [options]\n"
    "Serves TLS on a port, many clients at once; prints each connection.\n"
    "  -accept [host:]port     where to listen (default 4433; 0 picks a free port)\n"
    "  -cert file, -key file   certificate chain (leaf first) and its key; repeat the pair\n"
    "                          for another key type (RSA and ECDSA side by side)\n"
    "  -servername name        the SNI name that -cert2 / -key2 serve\n"
    "  -cert2 file, -key2 file certificate chain and key for -servername\n"
    "  -CAfile file            CA certificates that client certificates must chain to\n"
    "  -verify n               ask for a client certificate (chain depth n)\n"
    "  -Verify n               require a client certificate (chain depth n)\n"
    "  -cipher list            cipher suites, OpenSSL syntax\n"
    "  -client_pref            choose the suite by the client's order\n"
    "%s"
    "  -alpn list              protocols we accept, in our preference, comma-separated\n"
    "  -www                    answer any request with an HTML page about the connection\n"
    "  -echo                   send back what each client sends\n"
    "                          (otherwise: print it, and send stdin to every client)\n"
    "  -naccept n              stop after n connections\n"
    "  -msg, -state, -trace    print messages (hex), states, messages field by field\n"
    "  -showkeys               print every secret as the handshake derives it\n"
    "  -keylogfile file        append NSS key log lines (default: $SSLKEYLOGFILE)\n"
    "  -quiet                  print no connection summaries\n";

std::optional<ServerOptions> parse_server_options(int argc, char **argv, std::string &error) {
  ServerOptions o;
  const auto value = [&](int &i, std::string &into) {
    if (i + 1 >= argc) {
      error = std::string(argv[i]) + " needs a value";
      return false;
    }
    into = argv[++i];
    return true;
  };
  const auto number = [&](int &i, int &into) {
    std::string text;
    if (!value(i, text)) return false;
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      error = std::string(argv[i - 1]) + ": expected a number, got '" + text + "'";
      return false;
    }
    into = std::stoi(text);
    return true;
  };
  bool key_pending = false;  // a -key after its -cert
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string text;
    if (o.versions.parse(argc, argv, i, error) || o.observe.parse(argc, argv, i, error)) {
      if (!error.empty()) return std::nullopt;
    } else if (arg == "-accept" || arg == "-port") {
      if (!value(i, text)) return std::nullopt;
      if (!split_host_port(text, "", o.host, o.port)) {
        error = "-accept: expected [host:]port, got '" + text + "'";
        return std::nullopt;
      }
    } else if (arg == "-cert") {
      if (!value(i, text)) return std::nullopt;
      o.certificates.push_back({text, {}});
      key_pending = true;
    } else if (arg == "-key") {
      if (!value(i, text)) return std::nullopt;
      if (!key_pending) {
        error = "-key " + text + " must follow its -cert";
        return std::nullopt;
      }
      o.certificates.back().key = text;
      key_pending = false;
    } else if (arg == "-cert2") {
      if (!value(i, o.certificate2.cert)) return std::nullopt;
    } else if (arg == "-key2") {
      if (!value(i, o.certificate2.key)) return std::nullopt;
    } else if (arg == "-servername") {
      if (!value(i, text)) return std::nullopt;
      o.servername = text;
    } else if (arg == "-CAfile") {
      if (!value(i, o.ca_file)) return std::nullopt;
    } else if (arg == "-verify" || arg == "-Verify") {
      if (!number(i, o.verify_depth)) return std::nullopt;
      o.verify = arg == "-verify" ? ServerOptions::Verify::request : ServerOptions::Verify::require;
    } else if (arg == "-cipher") {
      if (!value(i, o.cipher)) return std::nullopt;
    } else if (arg == "-client_pref") {
      o.server_preference = false;
    } else if (arg == "-alpn") {
      if (!value(i, o.alpn)) return std::nullopt;
    } else if (arg == "-www") {
      o.www = true;
    } else if (arg == "-echo") {
      o.echo = true;
    } else if (arg == "-naccept") {
      if (!number(i, o.naccept)) return std::nullopt;
    } else if (arg == "-quiet") {
      o.quiet = true;
    } else if (arg == "-help" || arg == "--help" || arg == "-h") {
      error.clear();
      return std::nullopt;
    } else {
      error = "unknown option " + std::string(arg) + " (tls-server -help lists them)";
      return std::nullopt;
    }
  }
  if (o.certificates.empty()) {
    error = "a certificate is needed: -cert file [-key file]";
    return std::nullopt;
  }
  if (o.servername.has_value() != !o.certificate2.cert.empty()) {
    error = "-servername and -cert2 go together";
    return std::nullopt;
  }
  if (o.www && o.echo) {
    error = "-www and -echo exclude each other";
    return std::nullopt;
  }
  return o;
}

}  // namespace tls::tools
