#include "options.hpp"

#include <charconv>
#include <cstring>
#include <iostream>
#include <string_view>

namespace tls::step {
namespace {

constexpr const char *kUsage =
    R"(tls-step: a TLS handshake between tlspp's client and server in one process,
one state at a time, with every message decoded and every secret shown.

  tls-step [options]

  --version V      ssl3, tls1, tls1.1, tls1.2 (or SSLv3, TLSv1, TLSv1.1, TLSv1.2); default tls1.2
  --cipher STR     the client's cipher list, OpenSSL syntax (e.g. DHE-RSA-AES128-SHA)
  --cert TYPE      the server's certificate: rsa (RSA-2048), ecdsa (P-256), ed25519
  --client-auth    the server asks for a certificate and the client sends one
  --resume HOW     id or ticket: a first connection runs unseen, then a second one resumes
                   its session (the abbreviated handshake) by session id or by RFC 5077 ticket
  --renegotiate    after the first request, the server asks for a new handshake (HelloRequest)
                   and both sides run one under the current keys (RFC 5746)
  --seed N         seeds every random value: the same seed gives the same output, byte for byte
  --interactive    wait for Enter after each step
  --json           one JSON object per step instead of text
  --no-secrets     do not print derived secrets
  --data-dir DIR   where the certificates and keys are (default: the source tree's tests/data)
)";

std::optional<ProtocolVersion> parse_version(std::string_view v) {
  if (v == "ssl3") return ProtocolVersion::ssl3;
  if (v == "tls1" || v == "tls1.0") return ProtocolVersion::tls10;
  if (v == "tls1.1") return ProtocolVersion::tls11;
  if (v == "tls1.2") return ProtocolVersion::tls12;
  return version_from_name(v);
}

std::optional<CertType> parse_cert(std::string_view v) {
  if (v == "rsa") return CertType::rsa;
  if (v == "ecdsa" || v == "p256") return CertType::ecdsa;
  if (v == "ed25519") return CertType::ed25519;
  return std::nullopt;
}

}  // namespace

std::string default_cipher(ProtocolVersion version, CertType cert) {
  const bool rsa = cert == CertType::rsa;
  // SSL 3.0 has no extensions, so no elliptic-curve groups: RSA key exchange.
  if (version == ProtocolVersion::ssl3) return "AES128-SHA";
  if (version == ProtocolVersion::tls12)
    return rsa ? "ECDHE-RSA-AES128-GCM-SHA256" : "ECDHE-ECDSA-AES128-GCM-SHA256";
  return rsa ? "ECDHE-RSA-AES128-SHA" : "ECDHE-ECDSA-AES128-SHA";
}

std::optional<Options> parse_options(int argc, char **argv, int &exit_code) {
  Options o;
  o.data_dir = TLS_TEST_DATA_DIR;
  exit_code = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) {
        std::cerr << "tls-step: " << arg << " needs a value\n";
        return std::nullopt;
      }
      return std::string_view(argv[++i]);
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      exit_code = 0;
      return std::nullopt;
    } else if (arg == "--version") {
      const auto v = value();
      if (!v) return std::nullopt;
      const auto parsed = parse_version(*v);
      if (!parsed) {
        std::cerr << "tls-step: unknown version '" << *v << "'\n";
        return std::nullopt;
      }
      o.version = *parsed;
    } else if (arg == "--cipher") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.cipher = *v;
    } else if (arg == "--cert") {
      const auto v = value();
      if (!v) return std::nullopt;
      const auto parsed = parse_cert(*v);
      if (!parsed) {
        std::cerr << "tls-step: unknown certificate type '" << *v << "' (rsa, ecdsa, ed25519)\n";
        return std::nullopt;
      }
      o.cert = *parsed;
    } else if (arg == "--seed") {
      const auto v = value();
      if (!v) return std::nullopt;
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), o.seed);
      if (ec != std::errc() || end != v->data() + v->size()) {
        std::cerr << "tls-step: --seed needs a number\n";
        return std::nullopt;
      }
    } else if (arg == "--data-dir") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.data_dir = *v;
    } else if (arg == "--resume") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (*v == "id") {
        o.resume = Resume::by_id;
      } else if (*v == "ticket") {
        o.resume = Resume::by_ticket;
      } else {
        std::cerr << "tls-step: --resume takes id or ticket, not '" << *v << "'\n";
        return std::nullopt;
      }
    } else if (arg == "--renegotiate") {
      o.renegotiate = true;
    } else if (arg == "--client-auth") {
      o.client_auth = true;
    } else if (arg == "--interactive") {
      o.interactive = true;
    } else if (arg == "--json") {
      o.json = true;
    } else if (arg == "--no-secrets") {
      o.secrets = false;
    } else {
      std::cerr << "tls-step: unknown option '" << arg << "'\n\n" << kUsage;
      return std::nullopt;
    }
  }
  if (o.cipher.empty()) o.cipher = default_cipher(o.version, o.cert);
  // SSL 3.0 has no hello extensions: no ticket extension, no renegotiation_info.
  if (o.version == ProtocolVersion::ssl3 && o.resume == Resume::by_ticket) {
    std::cerr << "tls-step: SSL 3.0 has no extensions, so no session tickets; try --resume id\n";
    return std::nullopt;
  }
  if (o.version == ProtocolVersion::ssl3 && o.renegotiate) {
    std::cerr << "tls-step: SSL 3.0 has no renegotiation_info extension; tlspp renegotiates only "
                 "securely (RFC 5746), from TLS 1.0 on\n";
    return std::nullopt;
  }
  exit_code = 0;
  return o;
}

}  // namespace tls::step
