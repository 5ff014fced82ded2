// tls::Context (≈ SSL_CTX): everything connections made from it share — role, versions,
// cipher suites, certificates and keys, trust, verification, ALPN, SNI, callbacks, options.
//
// A Context is a handle: copies share the same settings. Set it up, then make connections;
// once set up it is safe to share across threads (each Connection takes an immutable snapshot
// of the settings when its handshake starts; changing a Context later affects only the
// connections that start after the change).
//
// Setters that can fail return tls::Status (ok(), or error().reason saying what was wrong).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tls/certificate.hpp>
#include <tls/error.hpp>
#include <tls/handshake_state.hpp>
#include <tls/private_key_callback.hpp>
#include <tls/session.hpp>
#include <tls/trace.hpp>
#include <tls/version.hpp>

namespace tls {

namespace cipher {
class Provider;
}
namespace handshake {
struct Config;
}

enum class Role : std::uint8_t { client, server };

// OpenSSL's SSL_VERIFY_NONE / SSL_VERIFY_PEER / SSL_VERIFY_FAIL_IF_NO_PEER_CERT.
enum class VerifyMode : std::uint8_t {
  none,              // client: do not verify the server; server: do not ask for a certificate
  peer,              // client: verify the server (the default); server: ask for a certificate
  require_peer_cert  // server: ask, and fail the handshake when the client sends none
};

// OpenSSL's verify callback: called with preverify_ok = false for each error found (return
// true to override it) and with true for each certificate that passed, from the trust anchor
// down to the leaf (depth 0). `error` is the X509_V_ERR_* number (verify_error_string()).
using VerifyCallback =
    std::function<bool(bool preverify_ok, const Certificate &cert, int depth, int error)>;

// "certificate has expired", as X509_verify_cert_error_string() says it.
const char *verify_error_string(long error) noexcept;

// Server: picks one of the client's ALPN protocols, or nullopt for none of them (the handshake
// then fails with no_application_protocol).
using AlpnSelectCallback =
    std::function<std::optional<std::string>(const std::vector<std::string> &client_protocols)>;

class Context;

// Server: what to do with the name a client asked for in server_name.
struct SniAnswer {
  enum class Action : std::uint8_t { keep, switch_context, reject } action = Action::keep;
  std::shared_ptr<const Context> context;  // for switch_context: its certificates and settings

  static SniAnswer keep() { return {}; }
  static SniAnswer use(const Context &other);
  static SniAnswer reject() { return {Action::reject, nullptr}; }
};
using SniCallback = std::function<SniAnswer(std::string_view server_name)>;

// Client: what a server's CertificateRequest asked for, and which of our certificates fit it.
struct CertificateRequestInfo {
  std::vector<std::uint8_t> certificate_types;         // rsa_sign (1), ecdsa_sign (64), ...
  std::vector<std::uint16_t> signature_schemes;        // empty before TLS 1.2
  std::vector<std::vector<std::uint8_t>> authorities;  // DER DistinguishedNames it trusts
  // The configured certificates the server can take, in the order they were added (0 is the
  // first one added): key type listed, a listed scheme usable, those under a named CA first.
  struct Candidate {
    std::size_t index;
    Certificate leaf;
  };
  std::vector<Candidate> fitting;
};
// Returns the index of one of `fitting`, or nullopt to send no certificate.
using ClientCertificateCallback =
    std::function<std::optional<std::size_t>(const CertificateRequestInfo &request)>;

// Server: an application's own session store, as OpenSSL's SSL_CTX_sess_set_new_cb /
// get_cb / remove_cb (shared memory, a cluster store). Any may be left empty.
struct SessionStore {
  std::function<void(const Session &session)> on_new;  // every session a full handshake made
  // A session id the internal cache does not hold (an invalid Session: unknown).
  std::function<Session(std::span<const std::uint8_t> id)> get;
  std::function<void(std::span<const std::uint8_t> id)> on_remove;  // expired or refused
};

// NSS key log lines: "CLIENT_RANDOM <client random hex> <master secret hex>".
using KeylogCallback = std::function<void(std::string_view line)>;

// OpenSSL's message callback: every handshake message, ChangeCipherSpec and alert, with its
// content type (22, 20, 21) and bytes, and whether we sent it.
using MessageCallback =
    std::function<void(bool sent, int content_type, std::span<const std::uint8_t> bytes)>;
// Every state a handshake enters.
using StateCallback = std::function<void(bool from_client, HandshakeState state, const char *name)>;

class Context {
 public:
  explicit Context(Role role);
  static Context client() { return Context(Role::client); }
  static Context server() { return Context(Role::server); }

  Role role() const;

  // ---- Versions and cipher suites -------------------------------------------------------------
  // TLS 1.2 only by default; SSL 3.0 and TLS 1.0 / 1.1 only when asked for.
  Status set_min_version(ProtocolVersion version);
  Status set_max_version(ProtocolVersion version);
  ProtocolVersion min_version() const;
  ProtocolVersion max_version() const;
  // OpenSSL syntax: "ECDHE+AESGCM:!aNULL:@STRENGTH". An unknown word is an error naming it.
  Status set_cipher_list(std::string_view openssl_style);
  // The suites now configured, most preferred first, ':'-separated OpenSSL names.
  std::string cipher_list() const;
  // Server: choose by our order (the default) or the client's.
  void set_server_preference(bool ours);
  // ECDHE groups in preference order: "x25519:P-256:P-384" (also "secp256r1", "X25519", ...).
  Status set_groups(std::string_view colon_separated);

  // ---- Our certificates ---------------------------------------------------------------------
  // OpenSSL's pair: a chain file (leaf first) and the leaf's key file, in either order; the
  // pair is added when both are there and the key matches the leaf. Several pairs of different
  // key types (RSA, ECDSA, Ed25519) may be added; the handshake picks one the peer can use.
  Status use_certificate_chain_file(const std::string &pem_path);
  Status use_private_key_file(const std::string &pem_path);
  // A chain and its key in one call, from files or from memory (PEM or DER).
  Status add_certificate_files(const std::string &chain_path, const std::string &key_path);
  Status add_certificate(std::span<const std::uint8_t> chain_pem_or_der,
                         std::span<const std::uint8_t> key_pem_or_der);
  // A chain whose private key lives elsewhere: every sign / decrypt goes to `callback`.
  Status add_certificate_with_key_callback(std::span<const std::uint8_t> chain_pem_or_der,
                                           PrivateKeyCallback callback);
  std::size_t certificate_count() const;

  // ---- Trust and verification ---------------------------------------------------------------
  Status load_verify_file(const std::string &pem_path);
  Status load_verify_dir(const std::string &dir_path);
  Status add_trusted_certificates(std::span<const std::uint8_t> pem_or_der);
  // The system's CA bundle (/etc/ssl/certs/ca-certificates.crt or the first that exists of the
  // usual places; $SSL_CERT_FILE first when set).
  Status set_default_verify_paths();
  std::size_t trusted_certificate_count() const;
  // Clients verify the server by default (VerifyMode::peer); servers ask for no certificate.
  void set_verify(VerifyMode mode, VerifyCallback callback = {});
  VerifyMode verify_mode() const;
  void set_verify_depth(int max_intermediates);
  // Client: check the name given to Connection::set_hostname against the certificate (on by
  // default).
  void set_check_hostname(bool check);
  // Verify certificates as at this time (seconds since the epoch) instead of now.
  void set_verify_time(std::optional<std::int64_t> unix_time);
  // Accept SHA-1 in handshake signatures and certificates (refused by default).
  void set_allow_sha1_signatures(bool allow);

  // ---- ALPN and SNI -------------------------------------------------------------------------
  // Client: the protocols offered; server: its preference (used when no select callback).
  Status set_alpn_protocols(const std::vector<std::string> &protocols);
  Status set_alpn_protocols(std::string_view comma_separated);  // "h2,http/1.1"
  void set_alpn_select_callback(AlpnSelectCallback callback);
  void set_sni_callback(SniCallback callback);
  // Server: refuse a name the SNI callback did not accept, with unrecognized_name.
  void set_reject_unknown_server_name(bool reject);

  // ---- Sessions -----------------------------------------------------------------------------
  // Server-side session cache: how many sessions and for how long (seconds). 0 entries turns
  // the cache off.
  void set_session_cache_size(std::size_t entries);
  void set_session_timeout(std::int64_t seconds);
  std::int64_t session_timeout() const;
  // Server: sessions also kept (or only kept, with a cache size of 0) by the application.
  void set_session_store(SessionStore store);
  // RFC 5077 tickets: a server issues and accepts them, a client asks for one (on by default).
  void set_session_tickets(bool enable);
  // Server: ticket keys are drawn when the Context is made and replaced every `seconds`
  // (also the lifetime hint sent; default 7200), the previous key still opening tickets.
  Status set_ticket_lifetime(std::uint32_t seconds);
  // Replaces the current key now (the current one becomes the previous).
  void rotate_ticket_keys();
  // Keys shared by several servers behind one name: 48 bytes each, a 16-byte key name then a
  // 32-byte AES-256-GCM key (OpenSSL's 48-byte SSL_CTX_set_tlsext_ticket_keys size). `previous`
  // (may be empty) still opens tickets, which are then renewed under `current`.
  Status set_ticket_keys(std::span<const std::uint8_t> current,
                         std::span<const std::uint8_t> previous = {});
  // Uses the very same ticket keys as `other` (servers in one process), rotation included;
  // nothing changes when `other` is a client.
  void share_ticket_keys(const Context &other);

  // ---- Client certificates ------------------------------------------------------------------
  // Client: chooses which certificate answers a CertificateRequest (OpenSSL's
  // client_cert_cb); without one the first fitting certificate is sent.
  void set_client_certificate_callback(ClientCertificateCallback callback);

  // ---- Observation --------------------------------------------------------------------------
  void set_keylog_callback(KeylogCallback callback);
  void set_trace_callback(TraceCallback callback);
  void set_state_callback(StateCallback callback);
  void set_message_callback(MessageCallback callback);
  void set_trace_secrets(bool include);  // derived secrets in trace events
  void set_trace_fields(bool include);   // messages decoded field by field in trace events

  // ---- Crypto -------------------------------------------------------------------------------
  // The provider of every primitive, random bytes and the clock. Certificates added before the
  // change keep the key operations they were added with.
  void set_provider(std::shared_ptr<const cipher::Provider> provider);
  // A deterministic provider (seeded random, fixed clock): every handshake is reproducible byte
  // for byte. For tests and teaching, never for real traffic.
  void use_deterministic_crypto(std::uint64_t seed, std::int64_t fixed_time = 1700000000);

  // ---- Options ------------------------------------------------------------------------------
  void set_allow_client_renegotiation(bool allow);       // server; off by default (CVE-2011-1473)
  void set_allow_renegotiation(bool allow);              // client: follow a HelloRequest
  void set_allow_legacy_renegotiation_peer(bool allow);  // peers without RFC 5746
  Status set_min_dh_bits(std::size_t bits);              // client: smallest DHE prime (2048)
  Status set_dhe_group(std::string_view name);           // server: "ffdhe2048", ...
  void set_extended_master_secret(bool offer);           // RFC 7627, on by default
  void set_require_extended_master_secret(bool require);
  void set_encrypt_then_mac(bool offer);   // RFC 7366, on by default
  void set_send_fallback_scsv(bool send);  // client: RFC 7507
  // Client: ask for a smaller record size (RFC 6066 max_fragment_length: 512, 1024, 2048, 4096;
  // 0 for none).
  Status set_max_fragment_length(std::size_t bytes);
  // The largest record plaintext we accept (RFC 8449 record_size_limit, 64..16384; 0: do not
  // send the extension). Client and server; preferred over max_fragment_length by both.
  Status set_record_size_limit(std::size_t bytes);

  // For code inside tlspp: the settings as the handshake reads them, frozen.
  std::shared_ptr<const handshake::Config> config() const;
  std::shared_ptr<const cipher::Provider> provider() const;
  KeylogCallback keylog_callback() const;
  std::size_t session_cache_size() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace tls
