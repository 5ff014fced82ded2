// tls::Context: setting up a handshake::Config through the public API.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>

#include "api/context_impl.hpp"
#include "api/key_callback_operations.hpp"
#include "api/session_impl.hpp"
#include "api/trace_adapter.hpp"
#include "cipher/cipher_string.hpp"
#include "cipher/provider.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/ticket.hpp"
#include "x509/load.hpp"
#include "x509/private_key.hpp"

namespace tls {
namespace {

Error config_error(std::string reason) {
  return make_error(AlertDescription::internal_error, std::move(reason));
}

std::optional<cipher::NamedGroup> group_from_name(std::string_view name) {
  using G = cipher::NamedGroup;
  if (name == "x25519" || name == "X25519") return G::x25519;
  if (name == "P-256" || name == "secp256r1" || name == "prime256v1") return G::secp256r1;
  if (name == "P-384" || name == "secp384r1") return G::secp384r1;
  if (name == "ffdhe2048") return G::ffdhe2048;
  if (name == "ffdhe3072") return G::ffdhe3072;
  if (name == "ffdhe4096") return G::ffdhe4096;
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto end = text.find_first_of(separators);
    const auto word = text.substr(0, end);
    if (!word.empty()) out.push_back(word);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

Context::Impl::Impl(Role role) {
  config.role = static_cast<handshake::Role>(role);
  config.provider = cipher::default_provider();
  for (const auto *suite : cipher::default_cipher_list())
    config.cipher_suites.push_back(suite->id);
  // Clients check the server by default; servers ask for no certificate unless told to.
  config.verify_mode =
      role == Role::client ? handshake::VerifyMode::peer : handshake::VerifyMode::none;
  config.trust_store = trust;
  // Servers resume by session id (the cache) and by ticket (keys drawn now) out of the box.
  if (role == Role::server) {
    config.session_cache = std::make_shared<handshake::SessionCache>(
        session_cache_size, static_cast<std::uint32_t>(session_timeout));
    config.ticket_keys = std::make_shared<handshake::TicketKeys>(config.provider);
  }
}

std::shared_ptr<const handshake::Config> Context::Impl::snapshot() {
  if (frozen) return frozen;
  auto copy = std::make_shared<handshake::Config>(config);
  copy->trust_store = trust;
  copy->trace = make_trace_dispatch(trace_callback, state_callback, message_callback);
  // tls::Connection writes the key log itself (from what the handshake negotiated), so that
  // every handshake of every connection gives exactly one line.
  copy->keylog = {};
  if (verify_callback) {
    copy->verify_callback = [callback = verify_callback](bool ok, const x509::Certificate &cert,
                                                         int depth, x509::VerifyError error) {
      return callback(ok, Certificate(cert), depth, static_cast<int>(error));
    };
  }
  if (client_certificate_callback) {
    // Leaves for the callback's view, by the index the handshake uses.
    std::vector<x509::Certificate> leaves;
    for (const auto &pair : copy->certificates)
      leaves.push_back(pair.chain.front());
    copy->client_certificate_callback =
        [callback = client_certificate_callback, leaves = std::move(leaves)](
            const handshake::ClientCertificateRequestView &request) -> std::optional<std::size_t> {
      CertificateRequestInfo info;
      info.certificate_types = request.certificate_types;
      info.signature_schemes = request.signature_schemes;
      for (const auto &name : request.certificate_authorities)
        info.authorities.emplace_back(name.begin(), name.end());
      for (std::size_t index : request.fitting)
        if (index < leaves.size()) info.fitting.push_back({index, Certificate(leaves[index])});
      return callback(info);
    };
  }
  if (sni_callback) {
    copy->sni_callback = [callback = sni_callback](std::string_view name) {
      handshake::SniDecision decision;
      const SniAnswer answer = callback(name);
      switch (answer.action) {
        case SniAnswer::Action::keep:
          break;
        case SniAnswer::Action::switch_context:
          if (answer.context) {
            decision.action = handshake::SniDecision::Action::switch_config;
            decision.config = answer.context->config();
          }
          break;
        case SniAnswer::Action::reject:
          decision.action = handshake::SniDecision::Action::reject;
          break;
      }
      return decision;
    };
  }
  frozen = std::move(copy);
  return frozen;
}

x509::TrustStore &Context::Impl::writable_trust_store() {
  // Connections hold the current store through their snapshot: change a copy.
  trust = std::make_shared<x509::TrustStore>(*trust);
  config.trust_store = trust;
  changed();
  return *trust;
}

Status Context::Impl::add_certified_key(std::vector<x509::Certificate> chain,
                                        std::shared_ptr<cipher::PrivateKeyOperations> key) {
  if (chain.empty()) return config_error("certificate chain is empty");
  handshake::CertifiedKey pair{std::move(chain), std::move(key)};
  for (auto &existing : config.certificates) {
    if (existing.key_type() == pair.key_type()) {
      existing = std::move(pair);
      changed();
      return {};
    }
  }
  config.certificates.push_back(std::move(pair));
  changed();
  return {};
}

Status Context::Impl::try_complete_pending_pair() {
  if (!pending_chain || !pending_key) return {};
  const auto &leaf = pending_chain->front();
  if (auto match = x509::check_key_matches_certificate(*pending_key, leaf, *config.provider);
      !match)
    return match.error();
  auto ops = config.provider->private_key_operations(*pending_key);
  if (!ops) return ops.error();
  auto chain = std::move(*pending_chain);
  pending_chain.reset();
  pending_key.reset();
  return add_certified_key(std::move(chain),
                           std::shared_ptr<cipher::PrivateKeyOperations>(std::move(ops.value())));
}

// ---- Context -------------------------------------------------------------------------------

Context::Context(Role role) : impl_(std::make_shared<Impl>(role)) {}

SniAnswer SniAnswer::use(const Context &other) {
  return {Action::switch_context, std::make_shared<const Context>(other)};
}

Role Context::role() const {
  return static_cast<Role>(impl_->config.role);
}

#define TLS_LOCKED std::lock_guard<std::mutex> lock(impl_->mutex)

Status Context::set_min_version(ProtocolVersion version) {
  TLS_LOCKED;
  impl_->config.min_version = version;
  impl_->changed();
  return {};
}

Status Context::set_max_version(ProtocolVersion version) {
  TLS_LOCKED;
  impl_->config.max_version = version;
  impl_->changed();
  return {};
}

ProtocolVersion Context::min_version() const {
  return impl_->config.min_version;
}
ProtocolVersion Context::max_version() const {
  return impl_->config.max_version;
}

Status Context::set_cipher_list(std::string_view openssl_style) {
  auto list = cipher::parse_cipher_string(openssl_style);
  if (!list) return list.error();
  TLS_LOCKED;
  impl_->config.cipher_suites.clear();
  for (const auto *suite : list->suites)
    impl_->config.cipher_suites.push_back(suite->id);
  impl_->changed();
  return {};
}

std::string Context::cipher_list() const {
  TLS_LOCKED;
  std::vector<const cipher::CipherSuite *> suites;
  for (auto id : impl_->config.cipher_suites) {
    if (const auto *suite = cipher::find_suite(id)) suites.push_back(suite);
  }
  return cipher::join_names(suites);
}

void Context::set_server_preference(bool ours) {
  TLS_LOCKED;
  impl_->config.server_preference = ours;
  impl_->changed();
}

Status Context::set_groups(std::string_view colon_separated) {
  std::vector<cipher::NamedGroup> groups;
  for (auto word : split(colon_separated, ":,")) {
    auto group = group_from_name(word);
    if (!group || cipher::is_ffdhe(*group))
      return config_error("unknown ECDHE group '" + std::string(word) + "'");
    groups.push_back(*group);
  }
  if (groups.empty()) return config_error("no group given");
  TLS_LOCKED;
  impl_->config.groups = std::move(groups);
  impl_->changed();
  return {};
}

// ---- Certificates --------------------------------------------------------------------------

Status Context::use_certificate_chain_file(const std::string &pem_path) {
  auto chain = x509::load_certificates_file(pem_path);
  if (!chain) return chain.error();
  TLS_LOCKED;
  impl_->pending_chain = std::move(*chain);
  return impl_->try_complete_pending_pair();
}

Status Context::use_private_key_file(const std::string &pem_path) {
  auto key = x509::load_private_key_file(pem_path);
  if (!key) return key.error();
  TLS_LOCKED;
  impl_->pending_key = std::move(*key);
  auto status = impl_->try_complete_pending_pair();
  if (!status) impl_->pending_key.reset();  // a wrong key is not kept for the next chain
  return status;
}

Status Context::add_certificate_files(const std::string &chain_path, const std::string &key_path) {
  auto pair = x509::load_certified_key_files(chain_path, key_path, *provider());
  if (!pair) return pair.error();
  auto ops = provider()->private_key_operations(pair->key);
  if (!ops) return ops.error();
  TLS_LOCKED;
  return impl_->add_certified_key(std::move(pair->chain),
                                  std::shared_ptr<cipher::PrivateKeyOperations>(std::move(*ops)));
}

Status Context::add_certificate(std::span<const std::uint8_t> chain_pem_or_der,
                                std::span<const std::uint8_t> key_pem_or_der) {
  auto pair = x509::load_certified_key(chain_pem_or_der, key_pem_or_der, *provider());
  if (!pair) return pair.error();
  auto ops = provider()->private_key_operations(pair->key);
  if (!ops) return ops.error();
  TLS_LOCKED;
  return impl_->add_certified_key(std::move(pair->chain),
                                  std::shared_ptr<cipher::PrivateKeyOperations>(std::move(*ops)));
}

Status Context::add_certificate_with_key_callback(std::span<const std::uint8_t> chain_pem_or_der,
                                                  PrivateKeyCallback callback) {
  if (!callback) return config_error("private key callback is empty");
  auto chain = x509::load_certificates(chain_pem_or_der);
  if (!chain) return chain.error();
  auto ops = make_key_callback_operations(chain->front().public_key(), std::move(callback));
  TLS_LOCKED;
  return impl_->add_certified_key(std::move(*chain), std::move(ops));
}

std::size_t Context::certificate_count() const {
  TLS_LOCKED;
  return impl_->config.certificates.size();
}

// ---- Trust ---------------------------------------------------------------------------------

Status Context::load_verify_file(const std::string &pem_path) {
  x509::TrustStore loaded;
  TLS_TRY(loaded.add_file(pem_path));
  TLS_LOCKED;
  auto &store = impl_->writable_trust_store();
  for (const auto &cert : loaded.certificates())
    store.add(cert);
  return {};
}

Status Context::load_verify_dir(const std::string &dir_path) {
  x509::TrustStore loaded;
  auto used = loaded.add_directory(dir_path);
  if (!used) return used.error();
  TLS_LOCKED;
  auto &store = impl_->writable_trust_store();
  for (const auto &cert : loaded.certificates())
    store.add(cert);
  return {};
}

Status Context::add_trusted_certificates(std::span<const std::uint8_t> pem_or_der) {
  x509::TrustStore loaded;
  TLS_TRY(loaded.add_pem_or_der(pem_or_der));
  TLS_LOCKED;
  auto &store = impl_->writable_trust_store();
  for (const auto &cert : loaded.certificates())
    store.add(cert);
  return {};
}

Status Context::set_default_verify_paths() {
  std::vector<std::string> candidates;
  if (const char *env = std::getenv("SSL_CERT_FILE"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
  candidates.insert(candidates.end(),
                    {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
                     "/etc/ssl/cert.pem", "/etc/ssl/ca-bundle.pem"});
  std::error_code ec;
  for (const auto &path : candidates) {
    if (std::filesystem::is_regular_file(path, ec)) return load_verify_file(path);
  }
  return config_error("no system CA bundle found (tried $SSL_CERT_FILE and the usual places)");
}

std::size_t Context::trusted_certificate_count() const {
  TLS_LOCKED;
  return impl_->trust->size();
}

void Context::set_verify(VerifyMode mode, VerifyCallback callback) {
  TLS_LOCKED;
  impl_->config.verify_mode = static_cast<handshake::VerifyMode>(mode);
  impl_->verify_callback = std::move(callback);
  impl_->changed();
}

VerifyMode Context::verify_mode() const {
  TLS_LOCKED;
  return static_cast<VerifyMode>(impl_->config.verify_mode);
}

void Context::set_verify_depth(int max_intermediates) {
  TLS_LOCKED;
  impl_->config.verify_depth = max_intermediates;
  impl_->changed();
}

void Context::set_check_hostname(bool check) {
  TLS_LOCKED;
  impl_->config.check_hostname = check;
  impl_->changed();
}

void Context::set_verify_time(std::optional<std::int64_t> unix_time) {
  TLS_LOCKED;
  impl_->config.verify_time = unix_time;
  impl_->changed();
}

void Context::set_allow_sha1_signatures(bool allow) {
  TLS_LOCKED;
  impl_->config.allow_sha1_signatures = allow;
  impl_->changed();
}

// ---- ALPN and SNI --------------------------------------------------------------------------

Status Context::set_alpn_protocols(const std::vector<std::string> &protocols) {
  for (const auto &protocol : protocols) {
    if (protocol.empty() || protocol.size() > 255)
      return config_error("ALPN protocol names are 1 to 255 bytes: '" + protocol + "'");
  }
  TLS_LOCKED;
  impl_->config.alpn_protocols = protocols;
  impl_->changed();
  return {};
}

Status Context::set_alpn_protocols(std::string_view comma_separated) {
  std::vector<std::string> protocols;
  for (auto word : split(comma_separated, ","))
    protocols.emplace_back(word);
  return set_alpn_protocols(protocols);
}

void Context::set_alpn_select_callback(AlpnSelectCallback callback) {
  TLS_LOCKED;
  impl_->config.alpn_select = std::move(callback);
  impl_->changed();
}

void Context::set_sni_callback(SniCallback callback) {
  TLS_LOCKED;
  impl_->sni_callback = std::move(callback);
  impl_->changed();
}

void Context::set_reject_unknown_server_name(bool reject) {
  TLS_LOCKED;
  impl_->config.reject_unknown_server_name = reject;
  impl_->changed();
}

// ---- Sessions ------------------------------------------------------------------------------

void Context::set_session_cache_size(std::size_t entries) {
  TLS_LOCKED;
  impl_->session_cache_size = entries;
  if (impl_->config.session_cache) impl_->config.session_cache->set_capacity(entries);
}
void Context::set_session_timeout(std::int64_t seconds) {
  TLS_LOCKED;
  impl_->session_timeout = seconds;
  if (impl_->config.session_cache)
    impl_->config.session_cache->set_timeout(static_cast<std::uint32_t>(std::max<std::int64_t>(
        0, std::min<std::int64_t>(seconds, std::numeric_limits<std::uint32_t>::max()))));
}
std::size_t Context::session_cache_size() const {
  TLS_LOCKED;
  return impl_->session_cache_size;
}
std::int64_t Context::session_timeout() const {
  TLS_LOCKED;
  return impl_->session_timeout;
}

void Context::set_session_store(SessionStore store) {
  TLS_LOCKED;
  if (!impl_->config.session_cache) return;  // a client keeps no sessions
  handshake::ExternalSessionStore external;
  if (store.on_new)
    external.store = [callback = std::move(store.on_new)](const handshake::Session &session) {
      callback(make_session(session));
    };
  if (store.get)
    external.retrieve =
        [callback = std::move(store.get)](ByteView id) -> std::optional<handshake::Session> {
      const Session found = callback(id);
      if (!found.valid() || !found.internal()->state) return std::nullopt;
      return *found.internal()->state;
    };
  if (store.on_remove)
    external.remove = [callback = std::move(store.on_remove)](ByteView id) { callback(id); };
  impl_->config.session_cache->set_external(std::move(external));
}

void Context::set_session_tickets(bool enable) {
  TLS_LOCKED;
  impl_->config.session_tickets = enable;
  impl_->changed();
}

Status Context::set_ticket_lifetime(std::uint32_t seconds) {
  if (seconds == 0) return config_error("ticket lifetime must be at least one second");
  TLS_LOCKED;
  if (impl_->config.ticket_keys) impl_->config.ticket_keys->set_lifetime(seconds);
  return {};
}

void Context::rotate_ticket_keys() {
  TLS_LOCKED;
  if (impl_->config.ticket_keys) impl_->config.ticket_keys->rotate();
}

namespace {

constexpr std::size_t kTicketKeyBytes = 48;  // name[16] || AES-256-GCM key[32]

handshake::TicketKey ticket_key_from(std::span<const std::uint8_t> bytes, std::int64_t now) {
  handshake::TicketKey key;
  std::copy_n(bytes.begin(), key.name.size(), key.name.begin());
  key.key = to_secure(bytes.subspan(key.name.size()));
  key.created = now;
  return key;
}

}  // namespace

Status Context::set_ticket_keys(std::span<const std::uint8_t> current,
                                std::span<const std::uint8_t> previous) {
  if (current.size() != kTicketKeyBytes ||
      (!previous.empty() && previous.size() != kTicketKeyBytes))
    return config_error("a ticket key is 48 bytes: a 16-byte name and a 32-byte key");
  TLS_LOCKED;
  if (!impl_->config.ticket_keys) return config_error("only a server has ticket keys");
  const std::int64_t now = impl_->config.provider->now();
  std::optional<handshake::TicketKey> old;
  if (!previous.empty()) old = ticket_key_from(previous, now);
  impl_->config.ticket_keys->set_keys(ticket_key_from(current, now), std::move(old));
  return {};
}

void Context::share_ticket_keys(const Context &other) {
  if (other.impl_ == impl_) return;
  std::shared_ptr<handshake::TicketKeys> keys;
  {
    std::lock_guard<std::mutex> other_lock(other.impl_->mutex);
    keys = other.impl_->config.ticket_keys;
  }
  if (!keys) return;  // `other` is a client: it has no keys to share
  TLS_LOCKED;
  impl_->config.ticket_keys = std::move(keys);
  impl_->changed();
}

// ---- Client certificates -------------------------------------------------------------------

void Context::set_client_certificate_callback(ClientCertificateCallback callback) {
  TLS_LOCKED;
  impl_->client_certificate_callback = std::move(callback);
  impl_->changed();
}

// ---- Observation ---------------------------------------------------------------------------

void Context::set_keylog_callback(KeylogCallback callback) {
  TLS_LOCKED;
  impl_->keylog_callback = std::move(callback);
}
KeylogCallback Context::keylog_callback() const {
  TLS_LOCKED;
  return impl_->keylog_callback;
}
void Context::set_trace_callback(TraceCallback callback) {
  TLS_LOCKED;
  impl_->trace_callback = std::move(callback);
  impl_->changed();
}
void Context::set_state_callback(StateCallback callback) {
  TLS_LOCKED;
  impl_->state_callback = std::move(callback);
  impl_->changed();
}
void Context::set_message_callback(MessageCallback callback) {
  TLS_LOCKED;
  impl_->message_callback = std::move(callback);
  impl_->changed();
}
void Context::set_trace_secrets(bool include) {
  TLS_LOCKED;
  impl_->config.trace_secrets = include;
  impl_->changed();
}
void Context::set_trace_fields(bool include) {
  TLS_LOCKED;
  impl_->config.trace_fields = include;
  impl_->changed();
}

// ---- Crypto --------------------------------------------------------------------------------

void Context::set_provider(std::shared_ptr<const cipher::Provider> provider) {
  TLS_LOCKED;
  impl_->config.provider = provider ? std::move(provider) : cipher::default_provider();
  impl_->changed();
}

void Context::use_deterministic_crypto(std::uint64_t seed, std::int64_t fixed_time) {
  set_provider(cipher::deterministic_provider(seed, fixed_time));
}

std::shared_ptr<const cipher::Provider> Context::provider() const {
  TLS_LOCKED;
  return impl_->config.provider;
}

std::shared_ptr<const handshake::Config> Context::config() const {
  TLS_LOCKED;
  return impl_->snapshot();
}

// ---- Options -------------------------------------------------------------------------------

void Context::set_allow_client_renegotiation(bool allow) {
  TLS_LOCKED;
  impl_->config.allow_client_renegotiation = allow;
  impl_->changed();
}
void Context::set_allow_renegotiation(bool allow) {
  TLS_LOCKED;
  impl_->config.allow_renegotiation = allow;
  impl_->changed();
}
void Context::set_allow_legacy_renegotiation_peer(bool allow) {
  TLS_LOCKED;
  impl_->config.allow_legacy_renegotiation_peer = allow;
  impl_->changed();
}
Status Context::set_min_dh_bits(std::size_t bits) {
  if (bits < 512 || bits > 8192) return config_error("minimum DH size must be 512 to 8192 bits");
  TLS_LOCKED;
  impl_->config.min_dh_bits = bits;
  impl_->changed();
  return {};
}
Status Context::set_dhe_group(std::string_view name) {
  auto group = group_from_name(name);
  if (!group || !cipher::is_ffdhe(*group))
    return config_error("unknown DHE group '" + std::string(name) + "' (ffdhe2048/3072/4096)");
  TLS_LOCKED;
  impl_->config.dhe_group = *group;
  impl_->changed();
  return {};
}
void Context::set_extended_master_secret(bool offer) {
  TLS_LOCKED;
  impl_->config.extended_master_secret = offer;
  impl_->changed();
}
void Context::set_require_extended_master_secret(bool require) {
  TLS_LOCKED;
  impl_->config.require_extended_master_secret = require;
  if (require) impl_->config.extended_master_secret = true;
  impl_->changed();
}
void Context::set_encrypt_then_mac(bool offer) {
  TLS_LOCKED;
  impl_->config.encrypt_then_mac = offer;
  impl_->changed();
}
void Context::set_send_fallback_scsv(bool send) {
  TLS_LOCKED;
  impl_->config.send_fallback_scsv = send;
  impl_->changed();
}
Status Context::set_max_fragment_length(std::size_t bytes) {
  std::uint8_t code = 0;
  switch (bytes) {
    case 0:
      code = 0;
      break;
    case 512:
      code = 1;
      break;
    case 1024:
      code = 2;
      break;
    case 2048:
      code = 3;
      break;
    case 4096:
      code = 4;
      break;
    default:
      return config_error("max_fragment_length must be 512, 1024, 2048, 4096 or 0");
  }
  TLS_LOCKED;
  impl_->config.max_fragment_length = code;
  impl_->changed();
  return {};
}

Status Context::set_record_size_limit(std::size_t bytes) {
  if (bytes != 0 && (bytes < 64 || bytes > 16384))
    return config_error("record_size_limit must be 64 to 16384, or 0 for none");
  TLS_LOCKED;
  impl_->config.record_size_limit = static_cast<std::uint16_t>(bytes);
  impl_->changed();
  return {};
}

#undef TLS_LOCKED

}  // namespace tls
