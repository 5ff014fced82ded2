// Handshake configuration: everything a client or server machine needs to decide, set up once
// (by tls::Context) and then shared, read-only, by every connection made from it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "handshake/trace.hpp"
#include "x509/certificate.hpp"
#include "x509/trust_store.hpp"
#include "x509/verify.hpp"

namespace tls::handshake {

enum class Role : std::uint8_t { client, server };

const char *role_name(Role role) noexcept;  // "client", "server"

// A certificate chain (leaf first) with the operations of its leaf's private key. The key may be
// held in memory (cipher::Provider::private_key_operations) or anywhere else (an HSM, an
// enclave) behind the same interface.
struct CertifiedKey {
  std::vector<x509::Certificate> chain;
  std::shared_ptr<cipher::PrivateKeyOperations> key;

  cipher::KeyType key_type() const { return key->public_key().type; }
};

// Whether, and how strictly, the peer's certificate is checked (OpenSSL's SSL_VERIFY_* flags).
enum class VerifyMode : std::uint8_t {
  none,              // client: do not verify the server; server: do not ask for a certificate
  peer,              // client: verify the server; server: ask for a certificate, verify one if sent
  require_peer_cert  // server: as `peer`, and fail when the client sends none
};

// The server's choice among the client's ALPN protocols: the chosen one, or nullopt for none
// (which ends the handshake with no_application_protocol).
using AlpnSelectCallback =
    std::function<std::optional<std::string>(const std::vector<std::string> &client_protocols)>;

struct Config;
class SessionCache;
class TicketKeys;

// What the server's SNI callback decides for a requested name: go on with this configuration,
// switch to another (its certificates and settings), or refuse with unrecognized_name.
struct SniDecision {
  enum class Action : std::uint8_t { keep, switch_config, reject } action = Action::keep;
  std::shared_ptr<const Config> config;  // for switch_config
};
using SniCallback = std::function<SniDecision(std::string_view server_name)>;

// The client's choice of certificate for a CertificateRequest: `fitting` lists the indexes of
// Config::certificates whose key type the server accepts and, in TLS 1.2, that can sign with a
// scheme it listed (those issued under one of its CA names first). Return one of them, or
// nullopt to send no certificate.
struct ClientCertificateRequestView {
  const std::vector<std::uint8_t> &certificate_types;
  const std::vector<std::uint16_t> &signature_schemes;  // empty before TLS 1.2
  const std::vector<Bytes> &certificate_authorities;    // DER DistinguishedNames
  const std::vector<std::size_t> &fitting;
};
using ClientCertificateCallback =
    std::function<std::optional<std::size_t>(const ClientCertificateRequestView &request)>;

// NSS key log lines ("CLIENT_RANDOM <client random hex> <master secret hex>").
using KeylogCallback = std::function<void(std::string_view line)>;

struct Config {
  Role role = Role::client;

  // Versions; SSL 3.0 ... TLS 1.2. TLS 1.2 only by default.
  ProtocolVersion min_version = ProtocolVersion::tls12;
  ProtocolVersion max_version = ProtocolVersion::tls12;

  // Suite ids in preference order (cipher::parse_cipher_string / default_cipher_list).
  std::vector<std::uint16_t> cipher_suites;
  // The server picks by its own order (true) or the client's (false).
  bool server_preference = true;

  // ECDHE groups in preference order, and the TLS 1.2 signature schemes offered / accepted.
  std::vector<cipher::NamedGroup> groups = {
      cipher::NamedGroup::x25519, cipher::NamedGroup::secp256r1, cipher::NamedGroup::secp384r1};
  std::vector<std::uint16_t> signature_schemes;  // empty: default_signature_algorithms()
  bool allow_sha1_signatures = false;            // in handshakes and certificates

  // DHE: the server's group; the client's smallest acceptable prime.
  cipher::NamedGroup dhe_group = cipher::NamedGroup::ffdhe2048;
  std::optional<cipher::DhGroup> dhe_custom_group;  // a configured (p, g) instead
  std::size_t min_dh_bits = 2048;

  // Our certificates: a server may have several (RSA, ECDSA, Ed25519) and the handshake picks
  // one the client can use; a client presents one when asked.
  std::vector<CertifiedKey> certificates;

  // Client: picks among `certificates` for a CertificateRequest; unset: the first fitting one.
  ClientCertificateCallback client_certificate_callback;

  // Verification of the peer.
  std::shared_ptr<const x509::TrustStore> trust_store;
  VerifyMode verify_mode = VerifyMode::none;  // tls::Context makes clients default to peer
  int verify_depth = 10;
  x509::VerifyCallback verify_callback;
  bool check_hostname = true;  // a client checks the name it connects to (set_hostname)
  std::optional<std::int64_t> verify_time;  // the provider's clock when unset

  // Extensions and options.
  std::vector<std::string> alpn_protocols;  // client: offered; server: its preference
  AlpnSelectCallback alpn_select;
  SniCallback sni_callback;
  bool reject_unknown_server_name = false;  // server: unrecognized_name for an unknown name
  bool extended_master_secret = true;       // offer (client) / accept (server) RFC 7627
  bool require_extended_master_secret = false;
  bool encrypt_then_mac = true;                 // RFC 7366, for CBC suites
  std::uint8_t max_fragment_length = 0;         // client: RFC 6066 code 1..4 to ask for; 0: none
  std::uint16_t record_size_limit = 0;          // RFC 8449 limit to announce; 0: none
  bool send_fallback_scsv = false;              // client: RFC 7507 (a deliberately lowered max)
  bool allow_legacy_renegotiation_peer = true;  // connect to peers without RFC 5746 (no
                                                // renegotiation with them ever)
  bool allow_client_renegotiation = false;      // server: CVE-2011-1473
  bool allow_renegotiation = true;              // client: follow a server's HelloRequest

  // Sessions. A server resumes by id from `session_cache` (null: no cache, no session ids
  // given out) and issues / accepts RFC 5077 tickets under `ticket_keys` (null: none) when
  // `session_tickets` is on; a client offers a ticket extension when `session_tickets` is on.
  std::shared_ptr<SessionCache> session_cache;
  std::shared_ptr<TicketKeys> ticket_keys;
  bool session_tickets = true;

  // Everything crypto, and the clock.
  std::shared_ptr<const cipher::Provider> provider;

  // Observation.
  TraceCallback trace;         // every state, message, alert and (when asked) secret
  bool trace_secrets = false;  // include derived secrets in trace events
  bool trace_fields = false;   // decode every message field by field in trace events
  KeylogCallback keylog;
};

}  // namespace tls::handshake
