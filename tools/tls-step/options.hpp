// tls-step's command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <tls/version.hpp>

namespace tls::step {

enum class CertType : std::uint8_t { rsa, ecdsa, ed25519 };

// --resume: a first connection runs unseen, then a second one resumes its session.
enum class Resume : std::uint8_t { none, by_id, by_ticket };

struct Options {
  ProtocolVersion version = ProtocolVersion::tls12;
  std::string cipher;  // OpenSSL cipher string for the client; empty: a default for the version
  CertType cert = CertType::rsa;
  bool client_auth = false;
  Resume resume = Resume::none;
  bool renegotiate = false;  // after the first data, the server asks for a new handshake
  std::uint64_t seed = 1;
  bool interactive = false;
  bool json = false;
  bool secrets = true;   // print every derived secret (--no-secrets hides them)
  std::string data_dir;  // certificates and keys; the source tree's tests/data by default
};

// The options, or nullopt after printing the reason (or the usage, for --help) to stderr.
// `exit_code` is set to what the program should return in that case.
std::optional<Options> parse_options(int argc, char **argv, int &exit_code);

// The cipher string used when --cipher is not given: a suite that shows the version's typical
// key exchange for the certificate type.
std::string default_cipher(ProtocolVersion version, CertType cert);

}  // namespace tls::step
