// tls-client's command line, in the manner of openssl s_client.
#pragma once

#include <optional>
#include <string>

#include "../common/observer_flags.hpp"
#include "../common/version_flags.hpp"

namespace tls::tools {

struct ClientOptions {
  std::string host = "localhost";
  std::string port = "4433";
  std::optional<std::string> servername;  // -servername (default: the -connect host)
  bool no_servername = false;             // -noservername
  std::optional<std::string> verify_hostname;
  std::string ca_file;
  std::string ca_path;
  bool no_verify = false;  // -noverify: report verification errors but go on
  std::string cert_file;
  std::string key_file;
  std::string cipher;
  VersionFlags versions;
  ObserverFlags observe;  // -msg, -state, -trace, -showkeys, -keylogfile
  std::string alpn;
  std::string sess_out;
  std::string sess_in;
  bool reconnect = false;
  bool quiet = false;
  bool ign_eof = false;
  bool show_certs = false;
};

extern const char *const kClientUsage;

// The options, or nullopt with `error` set (empty error: -help was asked for).
std::optional<ClientOptions> parse_client_options(int argc, char **argv, std::string &error);

}  // namespace tls::tools
