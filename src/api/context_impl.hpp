// The state behind a tls::Context: the handshake::Config being set up, the public callbacks,
// and the frozen snapshot that connections share.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <tls/context.hpp>

#include "handshake/config.hpp"
#include "x509/certificate.hpp"
#include "x509/trust_store.hpp"

namespace tls {

struct Context::Impl {
  explicit Impl(Role role);

  // Called by every setter under the lock: the next snapshot() builds a new Config.
  void changed() { frozen.reset(); }
  // The settings as connections see them (built once per change).
  std::shared_ptr<const handshake::Config> snapshot();
  // A trust store the caller may modify (copied when connections share the current one).
  x509::TrustStore &writable_trust_store();
  // Adds a chain + key, replacing a pair of the same key type (as OpenSSL keeps one per type).
  Status add_certified_key(std::vector<x509::Certificate> chain,
                           std::shared_ptr<cipher::PrivateKeyOperations> key);
  Status try_complete_pending_pair();

  std::mutex mutex;
  handshake::Config config;
  std::shared_ptr<x509::TrustStore> trust = std::make_shared<x509::TrustStore>();
  std::shared_ptr<const handshake::Config> frozen;

  // use_certificate_chain_file / use_private_key_file, waiting for each other.
  std::optional<std::vector<x509::Certificate>> pending_chain;
  std::optional<cipher::PrivateKey> pending_key;

  VerifyCallback verify_callback;
  SniCallback sni_callback;
  ClientCertificateCallback client_certificate_callback;
  TraceCallback trace_callback;
  StateCallback state_callback;
  MessageCallback message_callback;
  KeylogCallback keylog_callback;

  std::size_t session_cache_size = 20480;  // OpenSSL's SSL_SESSION_CACHE_MAX_SIZE_DEFAULT
  std::int64_t session_timeout = 7200;
};

}  // namespace tls
