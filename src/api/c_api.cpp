// The C API (include/tls/ssl.h) over tls::Context and tls::Connection. Every entry point
// catches everything: no C++ exception crosses into C (an allocation failure becomes the
// function's failure value).
#include <tls/ssl.h>

#include <algorithm>
#include <climits>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tls/tls.hpp>

struct tls_x509 {
  explicit tls_x509(tls::Certificate c) : cert(std::move(c)) {}
  tls::Certificate cert;
  mutable std::string subject;
  mutable std::string issuer;
};

struct tls_session {
  explicit tls_session(tls::Session s) : session(std::move(s)) {}
  tls::Session session;
};

struct tls_ctx {
  explicit tls_ctx(tls::Role role) : context(role) {}
  tls::Context context;
  std::string error;
};

struct tls_conn {
  explicit tls_conn(const tls::Context &context) : connection(context) {}
  tls::Connection connection;
  tls::IoCode last = tls::IoCode::ok;
  mutable std::string alpn;
  mutable std::string server_name;
  mutable std::string error;
  mutable std::deque<tls_x509> peer_chain;  // built on first request; stable addresses
  mutable bool peer_chain_built = false;
};

namespace {

template <class R, class F>
R guarded(R on_exception, F &&f) noexcept {
  try {
    return f();
  } catch (...) {
    return on_exception;
  }
}

int ctx_status(tls_ctx *ctx, const tls::Status &status) {
  if (status.ok()) {
    ctx->error.clear();
    return 1;
  }
  ctx->error = status.error().reason;
  return 0;
}

std::optional<tls::ProtocolVersion> version_of(int v) {
  return tls::version_from_wire(static_cast<std::uint16_t>(v));
}

// OpenSSL's convention: > 0 success, 0 for a clean close (and shutdown's "sent"), -1 otherwise.
int io_return(tls_conn *conn, const tls::IoResult &result, int success) {
  conn->last = result.code;
  if (result.ok()) return success;
  return result.code == tls::IoCode::zero_return ? 0 : -1;
}

}  // namespace

extern "C" {

tls_ctx *tls_ctx_new(int role) {
  if (role != TLS_CLIENT && role != TLS_SERVER) return nullptr;
  return guarded<tls_ctx *>(nullptr, [&] {
    return new tls_ctx(role == TLS_CLIENT ? tls::Role::client : tls::Role::server);
  });
}

void tls_ctx_free(tls_ctx *ctx) {
  delete ctx;
}

const char *tls_ctx_error_string(const tls_ctx *ctx) {
  return ctx ? ctx->error.c_str() : "";
}

int tls_ctx_set_min_version(tls_ctx *ctx, int v) {
  return guarded(0, [&] {
    auto version = version_of(v);
    if (!version)
      return ctx_status(ctx, tls::Error{tls::AlertDescription::internal_error,
                                        "unknown version " + std::to_string(v)});
    return ctx_status(ctx, ctx->context.set_min_version(*version));
  });
}

int tls_ctx_set_max_version(tls_ctx *ctx, int v) {
  return guarded(0, [&] {
    auto version = version_of(v);
    if (!version)
      return ctx_status(ctx, tls::Error{tls::AlertDescription::internal_error,
                                        "unknown version " + std::to_string(v)});
    return ctx_status(ctx, ctx->context.set_max_version(*version));
  });
}

int tls_ctx_set_cipher_list(tls_ctx *ctx, const char *list) {
  if (!ctx || !list) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.set_cipher_list(list)); });
}

int tls_ctx_set_groups(tls_ctx *ctx, const char *groups) {
  if (!ctx || !groups) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.set_groups(groups)); });
}

int tls_ctx_use_certificate_chain_file(tls_ctx *ctx, const char *path) {
  if (!ctx || !path) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.use_certificate_chain_file(path)); });
}

int tls_ctx_use_private_key_file(tls_ctx *ctx, const char *path) {
  if (!ctx || !path) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.use_private_key_file(path)); });
}

int tls_ctx_load_verify_file(tls_ctx *ctx, const char *path) {
  if (!ctx || !path) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.load_verify_file(path)); });
}

int tls_ctx_load_verify_dir(tls_ctx *ctx, const char *path) {
  if (!ctx || !path) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.load_verify_dir(path)); });
}

int tls_ctx_set_default_verify_paths(tls_ctx *ctx) {
  if (!ctx) return 0;
  return guarded(0, [&] { return ctx_status(ctx, ctx->context.set_default_verify_paths()); });
}

void tls_ctx_set_verify(tls_ctx *ctx, int mode, int (*cb)(int, const tls_x509 *, int, int, void *),
                        void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::VerifyMode m = tls::VerifyMode::none;
    if (mode & TLS_VERIFY_PEER)
      m = (mode & TLS_VERIFY_FAIL_IF_NO_PEER_CERT) ? tls::VerifyMode::require_peer_cert
                                                   : tls::VerifyMode::peer;
    tls::VerifyCallback callback;
    if (cb) {
      callback = [cb, arg](bool ok, const tls::Certificate &cert, int depth, int error) {
        const tls_x509 wrapped(cert);
        return cb(ok ? 1 : 0, &wrapped, depth, error, arg) != 0;
      };
    }
    ctx->context.set_verify(m, std::move(callback));
    return 0;
  });
}

void tls_ctx_set_verify_depth(tls_ctx *ctx, int depth) {
  if (ctx) ctx->context.set_verify_depth(depth);
}

void tls_ctx_set_check_hostname(tls_ctx *ctx, int check) {
  if (ctx) ctx->context.set_check_hostname(check != 0);
}

int tls_ctx_set_alpn_protos(tls_ctx *ctx, const char *protos) {
  if (!ctx || !protos) return 0;
  return guarded(0, [&] {
    return ctx_status(ctx, ctx->context.set_alpn_protocols(std::string_view(protos)));
  });
}

void tls_ctx_set_keylog_callback(tls_ctx *ctx, void (*cb)(const char *, void *), void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::KeylogCallback callback;
    if (cb) callback = [cb, arg](std::string_view line) { cb(std::string(line).c_str(), arg); };
    ctx->context.set_keylog_callback(std::move(callback));
    return 0;
  });
}

void tls_ctx_set_state_callback(tls_ctx *ctx, void (*cb)(int, const char *, void *), void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::StateCallback callback;
    if (cb)
      callback = [cb, arg](bool from_client, tls::HandshakeState, const char *name) {
        cb(from_client ? 1 : 0, name, arg);
      };
    ctx->context.set_state_callback(std::move(callback));
    return 0;
  });
}

void tls_ctx_set_alpn_select_callback(tls_ctx *ctx, int (*cb)(const char *const *, int, void *),
                                      void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::AlpnSelectCallback callback;
    if (cb)
      callback = [cb, arg](const std::vector<std::string> &offered) -> std::optional<std::string> {
        std::vector<const char *> names;
        for (const std::string &p : offered)
          names.push_back(p.c_str());
        const int chosen = cb(names.data(), static_cast<int>(names.size()), arg);
        if (chosen < 0 || static_cast<std::size_t>(chosen) >= offered.size()) return std::nullopt;
        return offered[static_cast<std::size_t>(chosen)];
      };
    ctx->context.set_alpn_select_callback(std::move(callback));
    return 0;
  });
}

void tls_ctx_set_sni_callback(tls_ctx *ctx, int (*cb)(const char *, tls_ctx **, void *),
                              void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::SniCallback callback;
    if (cb)
      callback = [cb, arg](std::string_view name) {
        tls_ctx *use = nullptr;
        if (cb(std::string(name).c_str(), &use, arg) != TLS_SNI_OK) return tls::SniAnswer::reject();
        return use ? tls::SniAnswer::use(use->context) : tls::SniAnswer::keep();
      };
    ctx->context.set_sni_callback(std::move(callback));
    return 0;
  });
}

void tls_ctx_set_reject_unknown_server_name(tls_ctx *ctx, int reject) {
  if (ctx) ctx->context.set_reject_unknown_server_name(reject != 0);
}

void tls_ctx_set_client_cert_callback(tls_ctx *ctx, int (*cb)(const int *, int, void *),
                                      void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::ClientCertificateCallback callback;
    if (cb)
      callback = [cb,
                  arg](const tls::CertificateRequestInfo &request) -> std::optional<std::size_t> {
        std::vector<int> fitting;
        for (const auto &candidate : request.fitting)
          fitting.push_back(static_cast<int>(candidate.index));
        const int chosen = cb(fitting.data(), static_cast<int>(fitting.size()), arg);
        if (chosen < 0) return std::nullopt;
        return static_cast<std::size_t>(chosen);
      };
    ctx->context.set_client_certificate_callback(std::move(callback));
    return 0;
  });
}

int tls_ctx_set_max_fragment_length(tls_ctx *ctx, int bytes) {
  if (!ctx || bytes < 0) return 0;
  return guarded(0, [&] {
    return ctx_status(ctx, ctx->context.set_max_fragment_length(static_cast<std::size_t>(bytes)));
  });
}

int tls_ctx_set_record_size_limit(tls_ctx *ctx, int bytes) {
  if (!ctx || bytes < 0) return 0;
  return guarded(0, [&] {
    return ctx_status(ctx, ctx->context.set_record_size_limit(static_cast<std::size_t>(bytes)));
  });
}

// ---- Sessions and renegotiation ------------------------------------------------------------

void tls_ctx_set_session_cache_size(tls_ctx *ctx, long entries) {
  if (ctx) ctx->context.set_session_cache_size(entries < 0 ? 0 : static_cast<std::size_t>(entries));
}

void tls_ctx_set_session_timeout(tls_ctx *ctx, long seconds) {
  if (ctx) ctx->context.set_session_timeout(seconds);
}

long tls_ctx_get_session_timeout(const tls_ctx *ctx) {
  return ctx ? static_cast<long>(ctx->context.session_timeout()) : 0;
}

void tls_ctx_set_session_store(tls_ctx *ctx, void (*new_cb)(const tls_session *, void *),
                               tls_session *(*get_cb)(const unsigned char *, size_t, void *),
                               void (*remove_cb)(const unsigned char *, size_t, void *),
                               void *arg) {
  if (!ctx) return;
  guarded(0, [&] {
    tls::SessionStore store;
    if (new_cb)
      store.on_new = [new_cb, arg](const tls::Session &session) {
        const tls_session wrapped(session);
        new_cb(&wrapped, arg);
      };
    if (get_cb)
      store.get = [get_cb, arg](std::span<const std::uint8_t> id) {
        std::unique_ptr<tls_session> found(get_cb(id.data(), id.size(), arg));
        return found ? found->session : tls::Session();
      };
    if (remove_cb)
      store.on_remove = [remove_cb, arg](std::span<const std::uint8_t> id) {
        remove_cb(id.data(), id.size(), arg);
      };
    ctx->context.set_session_store(std::move(store));
    return 0;
  });
}

void tls_ctx_set_session_tickets(tls_ctx *ctx, int enable) {
  if (ctx) ctx->context.set_session_tickets(enable != 0);
}

int tls_ctx_set_ticket_keys(tls_ctx *ctx, const unsigned char *current,
                            const unsigned char *previous) {
  if (!ctx || !current) return 0;
  return guarded(0, [&] {
    constexpr std::size_t kKeyBytes = 48;
    return ctx_status(
        ctx, ctx->context.set_ticket_keys(
                 {current, kKeyBytes}, previous ? std::span<const std::uint8_t>(previous, kKeyBytes)
                                                : std::span<const std::uint8_t>()));
  });
}

int tls_ctx_set_ticket_lifetime(tls_ctx *ctx, unsigned long seconds) {
  if (!ctx || seconds > 0xffffffffUL) return 0;
  return guarded(0, [&] {
    return ctx_status(ctx, ctx->context.set_ticket_lifetime(static_cast<std::uint32_t>(seconds)));
  });
}

void tls_ctx_rotate_ticket_keys(tls_ctx *ctx) {
  if (ctx) ctx->context.rotate_ticket_keys();
}

void tls_ctx_set_allow_client_renegotiation(tls_ctx *ctx, int allow) {
  if (ctx) ctx->context.set_allow_client_renegotiation(allow != 0);
}

void tls_ctx_set_allow_renegotiation(tls_ctx *ctx, int allow) {
  if (ctx) ctx->context.set_allow_renegotiation(allow != 0);
}

void tls_ctx_use_deterministic_crypto(tls_ctx *ctx, unsigned long long seed) {
  if (!ctx) return;
  guarded(0, [&] {
    ctx->context.use_deterministic_crypto(seed);
    return 0;
  });
}

// ---- Connections ---------------------------------------------------------------------------

tls_conn *tls_new(tls_ctx *ctx) {
  if (!ctx) return nullptr;
  return guarded<tls_conn *>(nullptr, [&] { return new tls_conn(ctx->context); });
}

void tls_free(tls_conn *conn) {
  delete conn;
}

int tls_set_fd(tls_conn *conn, int fd) {
  if (!conn) return 0;
  return guarded(0, [&] { return conn->connection.set_fd(fd).ok() ? 1 : 0; });
}

int tls_get_fd(const tls_conn *conn) {
  return conn ? conn->connection.fd() : -1;
}

int tls_set_hostname(tls_conn *conn, const char *name) {
  if (!conn || !name) return 0;
  return guarded(0, [&] { return conn->connection.set_hostname(name).ok() ? 1 : 0; });
}

int tls_connect(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] { return io_return(conn, conn->connection.connect(), 1); });
}

int tls_accept(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] { return io_return(conn, conn->connection.accept(), 1); });
}

int tls_do_handshake(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] { return io_return(conn, conn->connection.handshake(), 1); });
}

int tls_do_handshake_step(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] { return io_return(conn, conn->connection.step(), 1); });
}

int tls_is_handshake_done(const tls_conn *conn) {
  return conn && conn->connection.handshake_done() ? 1 : 0;
}

int tls_read(tls_conn *conn, void *buf, int len) {
  if (!conn || !buf || len < 0) return -1;
  return guarded(-1, [&] {
    auto r =
        conn->connection.read({static_cast<std::uint8_t *>(buf), static_cast<std::size_t>(len)});
    return io_return(conn, r, static_cast<int>(r.bytes));
  });
}

int tls_peek(tls_conn *conn, void *buf, int len) {
  if (!conn || !buf || len < 0) return -1;
  return guarded(-1, [&] {
    auto r =
        conn->connection.peek({static_cast<std::uint8_t *>(buf), static_cast<std::size_t>(len)});
    return io_return(conn, r, static_cast<int>(r.bytes));
  });
}

int tls_pending(const tls_conn *conn) {
  if (!conn) return 0;
  const std::size_t n = conn->connection.pending();
  return n > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(n);
}

int tls_write(tls_conn *conn, const void *buf, int len) {
  if (!conn || (!buf && len != 0) || len < 0) return -1;
  return guarded(-1, [&] {
    auto r = conn->connection.write(
        {static_cast<const std::uint8_t *>(buf), static_cast<std::size_t>(len)});
    return io_return(conn, r, static_cast<int>(r.bytes));
  });
}

int tls_shutdown(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] {
    auto r = conn->connection.shutdown();
    conn->last = r.code;
    if (!r.ok()) return -1;
    return r.bytes == 1 ? 1 : 0;
  });
}

int tls_get_error(const tls_conn *conn, int ret) {
  if (!conn) return TLS_ERROR_SSL;
  if (ret > 0) return TLS_ERROR_NONE;
  switch (conn->last) {
    case tls::IoCode::ok:
      return TLS_ERROR_NONE;
    case tls::IoCode::want_read:
      return TLS_ERROR_WANT_READ;
    case tls::IoCode::want_write:
      return TLS_ERROR_WANT_WRITE;
    case tls::IoCode::zero_return:
      return TLS_ERROR_ZERO_RETURN;
    case tls::IoCode::syscall:
      return TLS_ERROR_SYSCALL;
    case tls::IoCode::failed:
      return TLS_ERROR_SSL;
  }
  return TLS_ERROR_SSL;
}

const char *tls_get_version(const tls_conn *conn) {
  return conn ? conn->connection.version_name() : "unknown";
}

const char *tls_get_cipher(const tls_conn *conn) {
  return conn ? conn->connection.cipher() : "(NONE)";
}

const char *tls_get_state(const tls_conn *conn) {
  return conn ? conn->connection.state_name() : "";
}

const char *tls_get_alpn_selected(const tls_conn *conn) {
  if (!conn) return nullptr;
  return guarded<const char *>(nullptr, [&]() -> const char * {
    conn->alpn = conn->connection.alpn_selected();
    return conn->alpn.empty() ? nullptr : conn->alpn.c_str();
  });
}

const char *tls_get_servername(const tls_conn *conn) {
  if (!conn) return nullptr;
  return guarded<const char *>(nullptr, [&]() -> const char * {
    conn->server_name = conn->connection.server_name();
    return conn->server_name.empty() ? nullptr : conn->server_name.c_str();
  });
}

long tls_get_verify_result(const tls_conn *conn) {
  return conn ? conn->connection.verify_result() : 0;
}

const char *tls_verify_error_string(long error) {
  return tls::verify_error_string(error);
}

const char *tls_error_string(const tls_conn *conn) {
  if (!conn) return "";
  return guarded<const char *>("", [&] {
    conn->error = conn->connection.error_text();
    return conn->error.c_str();
  });
}

int tls_session_reused(const tls_conn *conn) {
  return conn && conn->connection.session_resumed() ? 1 : 0;
}

int tls_get_extms_support(const tls_conn *conn) {
  return conn && conn->connection.extended_master_secret() ? 1 : 0;
}

int tls_get_secure_renegotiation_support(const tls_conn *conn) {
  return conn && conn->connection.secure_renegotiation() ? 1 : 0;
}

int tls_get_encrypt_then_mac(const tls_conn *conn) {
  return conn && conn->connection.encrypt_then_mac() ? 1 : 0;
}

tls_session *tls_get1_session(const tls_conn *conn) {
  if (!conn) return nullptr;
  return guarded<tls_session *>(nullptr, [&]() -> tls_session * {
    tls::Session session = conn->connection.session();
    return session.valid() ? new tls_session(std::move(session)) : nullptr;
  });
}

int tls_set_session(tls_conn *conn, const tls_session *sess) {
  if (!conn || !sess) return 0;
  return guarded(0, [&] { return conn->connection.set_session(sess->session).ok() ? 1 : 0; });
}

void tls_session_free(tls_session *sess) {
  delete sess;
}

size_t tls_session_to_bytes(const tls_session *sess, unsigned char *out, size_t cap) {
  if (!sess) return 0;
  return guarded<size_t>(0, [&] {
    const std::vector<std::uint8_t> bytes = sess->session.to_bytes();
    if (out && cap >= bytes.size()) std::copy(bytes.begin(), bytes.end(), out);
    return bytes.size();
  });
}

tls_session *tls_session_from_bytes(const unsigned char *in, size_t len) {
  if (!in) return nullptr;
  return guarded<tls_session *>(nullptr, [&]() -> tls_session * {
    auto session = tls::Session::from_bytes({in, len});
    return session ? new tls_session(std::move(session.value())) : nullptr;
  });
}

const unsigned char *tls_session_get_id(const tls_session *sess, size_t *len) {
  if (len) *len = 0;
  if (!sess) return nullptr;
  const auto id = sess->session.id();
  if (len) *len = id.size();
  return id.data();
}

const char *tls_session_get_cipher(const tls_session *sess) {
  return sess ? sess->session.cipher() : "(NONE)";
}

int tls_renegotiate(tls_conn *conn) {
  if (!conn) return -1;
  return guarded(-1, [&] { return io_return(conn, conn->connection.renegotiate(), 1); });
}

int tls_get_handshake_count(const tls_conn *conn) {
  return conn ? static_cast<int>(conn->connection.handshake_count()) : 0;
}

const tls_x509 *tls_get_peer_certificate(const tls_conn *conn, int index) {
  if (!conn || index < 0) return nullptr;
  return guarded<const tls_x509 *>(nullptr, [&]() -> const tls_x509 * {
    if (!conn->peer_chain_built && conn->connection.handshake_done()) {
      for (auto &cert : conn->connection.peer_certificates())
        conn->peer_chain.emplace_back(std::move(cert));
      conn->peer_chain_built = true;
    }
    if (static_cast<std::size_t>(index) >= conn->peer_chain.size()) return nullptr;
    return &conn->peer_chain[static_cast<std::size_t>(index)];
  });
}

const char *tls_x509_subject(const tls_x509 *cert) {
  if (!cert) return "";
  return guarded<const char *>("", [&] {
    if (cert->subject.empty()) cert->subject = cert->cert.subject();
    return cert->subject.c_str();
  });
}

const char *tls_x509_issuer(const tls_x509 *cert) {
  if (!cert) return "";
  return guarded<const char *>("", [&] {
    if (cert->issuer.empty()) cert->issuer = cert->cert.issuer();
    return cert->issuer.c_str();
  });
}

const unsigned char *tls_x509_der(const tls_x509 *cert, size_t *len) {
  if (!cert) return nullptr;
  const auto der = cert->cert.der();
  if (len) *len = der.size();
  return der.data();
}

// ---- Sans-IO -------------------------------------------------------------------------------

int tls_feed(tls_conn *conn, const void *in, size_t len) {
  if (!conn || (!in && len != 0) || len > static_cast<std::size_t>(INT_MAX)) return -1;
  return guarded(-1, [&] {
    conn->connection.feed({static_cast<const std::uint8_t *>(in), len});
    return static_cast<int>(len);
  });
}

void tls_feed_eof(tls_conn *conn) {
  if (conn) conn->connection.feed_eof();
}

size_t tls_output_pending(const tls_conn *conn) {
  return conn ? conn->connection.output_pending() : 0;
}

size_t tls_take_output(tls_conn *conn, void *out, size_t cap) {
  if (!conn || !out) return 0;
  return conn->connection.take_output({static_cast<std::uint8_t *>(out), cap});
}

int tls_connect_in_memory(tls_conn *a, tls_conn *b) {
  if (!a || !b || a == b) return 0;
  return guarded(0, [&] {
    tls::connect_in_memory(a->connection, b->connection);
    return 1;
  });
}

}  // extern "C"
