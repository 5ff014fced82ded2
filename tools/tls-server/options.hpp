// tls-server's command line, in the manner of openssl s_server.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../common/observer_flags.hpp"
#include "../common/version_flags.hpp"

namespace tls::tools {

struct CertificatePair {
  std::string cert;
  std::string key;  // empty: the key is in the -cert file
};

struct ServerOptions {
  std::string host;  // empty: every address
  std::string port = "4433";
  std::vector<CertificatePair> certificates;  // repeatable -cert / -key: one per key type
  std::string ca_file;
  enum class Verify { none, request, require } verify = Verify::none;
  int verify_depth = -1;
  std::string cipher;
  bool server_preference = true;  // -client_pref: the client's order instead
  VersionFlags versions;
  ObserverFlags observe;  // -msg, -state, -trace, -showkeys, -keylogfile
  std::string alpn;
  std::optional<std::string> servername;  // -servername: the name -cert2 / -key2 serve
  CertificatePair certificate2;
  bool www = false;
  bool echo = false;
  int naccept = -1;  // -1: no limit
  bool quiet = false;
};

extern const char *const kServerUsage;

// The options, or nullopt with `error` set (empty error: -help was asked for).
std::optional<ServerOptions> parse_server_options(int argc, char **argv, std::string &error);

}  // namespace tls::tools
