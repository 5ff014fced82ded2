// tls-client's flags: openssl s_client's names and meanings where tlspp has the feature.
#include "options.hpp"

#include <string_view>

#include "../common/net.hpp"

namespace tls::tools {

const char *const kClientUsage =
    "usage: tls-client [options]\n"
    "Connects to a TLS server, prints what the handshake settled, then copies stdin to the\n"
    "connection and the connection to stdout.\n"
    "  -connect host:port      server to connect to (default localhost:4433)\n"
    "  -servername name        server_name (SNI) to send (default: the -connect host)\n"
    "  -noservername           send no server_name\n"
    "  -verify_hostname name   check that the certificate is valid for this name\n"
    "  -CAfile file            trusted CA certificates (PEM); default: the system's\n"
    "  -CApath dir             a directory of trusted CA certificates\n"
    "  -noverify               report a verification failure but go on\n"
    "  -cert file, -key file   client certificate chain and its key (key defaults to -cert)\n"
    "  -cipher list            cipher suites, OpenSSL syntax (ECDHE+AESGCM:!aNULL)\n"
    "%s"
    "  -alpn list              protocols to offer, comma-separated (h2,http/1.1)\n"
    "  -sess_out file          write the session to this file after the handshake\n"
    "  -sess_in file           offer the session in this file for resumption\n"
    "  -reconnect              connect five more times offering the first session\n"
    "  -msg                    print every message: direction, type, length, hex\n"
    "  -state                  print every handshake state (on stderr)\n"
    "  -trace                  print every message decoded field by field\n"
    "  -showkeys               print every secret as the handshake derives it\n"
    "  -keylogfile file        append NSS key log lines (default: $SSLKEYLOGFILE)\n"
    "  -showcerts              print the peer's certificates as PEM too\n"
    "  -quiet                  no summary; implies -ign_eof\n"
    "  -ign_eof                at the end of stdin, keep reading the connection\n";

std::optional<ClientOptions> parse_client_options(int argc, char **argv, std::string &error) {
  ClientOptions o;
  const auto value = [&](int &i, std::string &into) {
    if (i + 1 >= argc) {
      error = std::string(argv[i]) + " needs a value";
      return false;
    }
    into = argv[++i];
    return true;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string text;
    if (o.versions.parse(argc, argv, i, error) || o.observe.parse(argc, argv, i, error)) {
      if (!error.empty()) return std::nullopt;
    } else if (arg == "-connect") {
      if (!value(i, text)) return std::nullopt;
      if (!split_host_port(text, "localhost", o.host, o.port)) {
        error = "-connect: expected host:port, got '" + text + "'";
        return std::nullopt;
      }
    } else if (arg == "-servername") {
      if (!value(i, text)) return std::nullopt;
      o.servername = text;
    } else if (arg == "-noservername") {
      o.no_servername = true;
    } else if (arg == "-verify_hostname") {
      if (!value(i, text)) return std::nullopt;
      o.verify_hostname = text;
    } else if (arg == "-CAfile") {
      if (!value(i, o.ca_file)) return std::nullopt;
    } else if (arg == "-CApath") {
      if (!value(i, o.ca_path)) return std::nullopt;
    } else if (arg == "-noverify") {
      o.no_verify = true;
    } else if (arg == "-verify_return_error") {
      o.no_verify = false;  // already the default
    } else if (arg == "-cert") {
      if (!value(i, o.cert_file)) return std::nullopt;
    } else if (arg == "-key") {
      if (!value(i, o.key_file)) return std::nullopt;
    } else if (arg == "-cipher") {
      if (!value(i, o.cipher)) return std::nullopt;
    } else if (arg == "-alpn") {
      if (!value(i, o.alpn)) return std::nullopt;
    } else if (arg == "-sess_out") {
      if (!value(i, o.sess_out)) return std::nullopt;
    } else if (arg == "-sess_in") {
      if (!value(i, o.sess_in)) return std::nullopt;
    } else if (arg == "-reconnect") {
      o.reconnect = true;
    } else if (arg == "-showcerts") {
      o.show_certs = true;
    } else if (arg == "-quiet") {
      o.quiet = true;
      o.ign_eof = true;
    } else if (arg == "-ign_eof") {
      o.ign_eof = true;
    } else if (arg == "-no_ign_eof") {
      o.ign_eof = false;
    } else if (arg == "-help" || arg == "--help" || arg == "-h") {
      error.clear();
      return std::nullopt;
    } else {
      error = "unknown option " + std::string(arg) + " (tls-client -help lists them)";
      return std::nullopt;
    }
  }
  if (!o.key_file.empty() && o.cert_file.empty()) {
    error = "-key needs -cert";
    return std::nullopt;
  }
  if (o.servername && o.no_servername) {
    error = "-servername and -noservername contradict each other";
    return std::nullopt;
  }
  // The library checks the certificate against the name it sends in server_name.
  if (o.verify_hostname && o.servername && *o.verify_hostname != *o.servername) {
    error =
        "-verify_hostname and -servername name different hosts; tls-client checks the "
        "certificate against the name it sends";
    return std::nullopt;
  }
  return o;
}

}  // namespace tls::tools
