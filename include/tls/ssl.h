/* tlspp's C API: the names and meanings of OpenSSL's SSL_CTX / SSL calls, over tls::Context and
 * tls::Connection. No C++ exception crosses it. Return conventions follow OpenSSL: setters
 * return 1 on success and 0 on failure (tls_ctx_error_string() says why); I/O calls return
 * > 0 on success and <= 0 otherwise, and tls_get_error() classifies the failure.
 * See docs/api.md. */
#ifndef TLSPP_SSL_H
#define TLSPP_SSL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tls_ctx tls_ctx;
typedef struct tls_conn tls_conn;
typedef struct tls_x509 tls_x509;
typedef struct tls_session tls_session;

/* Roles */
#define TLS_CLIENT 0
#define TLS_SERVER 1

/* Versions (their wire values) */
#define TLS_VERSION_SSL3 0x0300
#define TLS_VERSION_1_0 0x0301
#define TLS_VERSION_1_1 0x0302
#define TLS_VERSION_1_2 0x0303

/* Verify modes (flags, as OpenSSL's SSL_VERIFY_*) */
#define TLS_VERIFY_NONE 0x00
#define TLS_VERIFY_PEER 0x01
#define TLS_VERIFY_FAIL_IF_NO_PEER_CERT 0x02

/* tls_get_error() */
#define TLS_ERROR_NONE 0
#define TLS_ERROR_SSL 1
#define TLS_ERROR_WANT_READ 2
#define TLS_ERROR_WANT_WRITE 3
#define TLS_ERROR_SYSCALL 5
#define TLS_ERROR_ZERO_RETURN 6

/* ---- Contexts ---- */
tls_ctx *tls_ctx_new(int role); /* TLS_CLIENT or TLS_SERVER; NULL when out of memory */
void tls_ctx_free(tls_ctx *ctx);
/* Why the last failed tls_ctx_* call failed ("" when none did). */
const char *tls_ctx_error_string(const tls_ctx *ctx);

int tls_ctx_set_min_version(tls_ctx *ctx, int version);
int tls_ctx_set_max_version(tls_ctx *ctx, int version);
int tls_ctx_set_cipher_list(tls_ctx *ctx, const char *openssl_style);
int tls_ctx_set_groups(tls_ctx *ctx, const char *colon_separated); /* "x25519:P-256" */
int tls_ctx_use_certificate_chain_file(tls_ctx *ctx, const char *pem_path);
int tls_ctx_use_private_key_file(tls_ctx *ctx, const char *pem_path);
int tls_ctx_load_verify_file(tls_ctx *ctx, const char *pem_path);
int tls_ctx_load_verify_dir(tls_ctx *ctx, const char *dir_path);
int tls_ctx_set_default_verify_paths(tls_ctx *ctx);
/* mode: TLS_VERIFY_NONE, TLS_VERIFY_PEER, TLS_VERIFY_PEER | TLS_VERIFY_FAIL_IF_NO_PEER_CERT.
 * cb (may be NULL) is OpenSSL's verify callback: return nonzero to accept. */
void tls_ctx_set_verify(tls_ctx *ctx, int mode,
                        int (*cb)(int preverify_ok, const tls_x509 *cert, int depth, int error,
                                  void *arg),
                        void *arg);
void tls_ctx_set_verify_depth(tls_ctx *ctx, int depth);
void tls_ctx_set_check_hostname(tls_ctx *ctx, int check);
int tls_ctx_set_alpn_protos(tls_ctx *ctx, const char *comma_separated); /* "h2,http/1.1" */
void tls_ctx_set_keylog_callback(tls_ctx *ctx, void (*cb)(const char *line, void *arg), void *arg);
/* Every state a handshake enters: name is "SSL3_ST_CR_SRVR_HELLO", ... */
void tls_ctx_set_state_callback(tls_ctx *ctx,
                                void (*cb)(int from_client, const char *state_name, void *arg),
                                void *arg);
/* Server: which of the client's ALPN protocols (count of them, client's order) to use: return
 * its index, or -1 for none (the handshake then fails with no_application_protocol). */
void tls_ctx_set_alpn_select_callback(tls_ctx *ctx,
                                      int (*cb)(const char *const *protos, int count, void *arg),
                                      void *arg);
/* Server: the name a client asked for (SNI). Return TLS_SNI_OK to go on (after setting *use to
 * another server context to switch to its certificates and settings, or leaving it NULL), or
 * TLS_SNI_REJECT to fail with unrecognized_name. *use must outlive the connections. */
#define TLS_SNI_OK 1
#define TLS_SNI_REJECT 0
void tls_ctx_set_sni_callback(tls_ctx *ctx,
                              int (*cb)(const char *server_name, tls_ctx **use, void *arg),
                              void *arg);
/* Server: refuse a name no certificate (or SNI callback switch) answers, with unrecognized_name. */
void tls_ctx_set_reject_unknown_server_name(tls_ctx *ctx, int reject);
/* Client: which configured certificate answers a CertificateRequest. fitting lists the indexes
 * (in the order the certificates were added) the server can take; return one of them, or -1 to
 * send none. */
void tls_ctx_set_client_cert_callback(tls_ctx *ctx,
                                      int (*cb)(const int *fitting, int count, void *arg),
                                      void *arg);
int tls_ctx_set_max_fragment_length(tls_ctx *ctx, int bytes); /* 512 ... 4096, 0: none */
int tls_ctx_set_record_size_limit(tls_ctx *ctx, int bytes);   /* 64 ... 16384, 0: none */

/* ---- Sessions and renegotiation ---- */
/* Server session cache: entries (0 turns it off) and timeout in seconds. */
void tls_ctx_set_session_cache_size(tls_ctx *ctx, long entries);
void tls_ctx_set_session_timeout(tls_ctx *ctx, long seconds);
long tls_ctx_get_session_timeout(const tls_ctx *ctx);
/* Server: the application's own session store (SSL_CTX_sess_set_new_cb / get_cb / remove_cb);
 * any may be NULL. get_cb returns a session the library then owns (NULL: unknown). */
void tls_ctx_set_session_store(tls_ctx *ctx, void (*new_cb)(const tls_session *sess, void *arg),
                               tls_session *(*get_cb)(const unsigned char *id, size_t id_len,
                                                      void *arg),
                               void (*remove_cb)(const unsigned char *id, size_t id_len, void *arg),
                               void *arg);
void tls_ctx_set_session_tickets(tls_ctx *ctx, int enable); /* RFC 5077, on by default */
/* Server ticket keys: 48 bytes each (16-byte name, 32-byte AES-256-GCM key); previous may be
 * NULL. Servers sharing keys resume each other's tickets. */
int tls_ctx_set_ticket_keys(tls_ctx *ctx, const unsigned char *current,
                            const unsigned char *previous);
int tls_ctx_set_ticket_lifetime(tls_ctx *ctx, unsigned long seconds);
void tls_ctx_rotate_ticket_keys(tls_ctx *ctx);
void tls_ctx_set_allow_client_renegotiation(tls_ctx *ctx, int allow); /* server, off by default */
void tls_ctx_set_allow_renegotiation(tls_ctx *ctx, int allow); /* client, follow HelloRequest */

/* Reproducible handshakes for tests and teaching (never for real traffic). */
void tls_ctx_use_deterministic_crypto(tls_ctx *ctx, unsigned long long seed);

/* ---- Connections ---- */
tls_conn *tls_new(tls_ctx *ctx); /* the connection keeps its own reference to ctx's settings */
void tls_free(tls_conn *conn);
int tls_set_fd(tls_conn *conn, int fd);
int tls_get_fd(const tls_conn *conn);
int tls_set_hostname(tls_conn *conn, const char *name); /* SNI and certificate check */
int tls_connect(tls_conn *conn);                        /* 1 done; <= 0: ask tls_get_error */
int tls_accept(tls_conn *conn);
int tls_do_handshake(tls_conn *conn);      /* connect or accept, by the context's role */
int tls_do_handshake_step(tls_conn *conn); /* one state, for stepping; 1 when it advanced */
int tls_is_handshake_done(const tls_conn *conn);
int tls_read(tls_conn *conn, void *buf, int len);
int tls_peek(tls_conn *conn, void *buf, int len);
int tls_pending(const tls_conn *conn);
int tls_write(tls_conn *conn, const void *buf, int len);
/* 0: close_notify sent, the peer's not seen yet (call again to wait for it); 1: both sent;
 * < 0: ask tls_get_error. */
int tls_shutdown(tls_conn *conn);
/* TLS_ERROR_NONE, _WANT_READ, _WANT_WRITE, _ZERO_RETURN, _SYSCALL, _SSL */
int tls_get_error(const tls_conn *conn, int ret);

const char *tls_get_version(const tls_conn *conn);       /* "TLSv1.2", "SSLv3", ... */
const char *tls_get_cipher(const tls_conn *conn);        /* OpenSSL-style name, "(NONE)" before */
const char *tls_get_state(const tls_conn *conn);         /* "SSL3_ST_CR_SRVR_HELLO", ... */
const char *tls_get_alpn_selected(const tls_conn *conn); /* NULL when none */
const char *tls_get_servername(const tls_conn *conn);    /* NULL when none */
long tls_get_verify_result(const tls_conn *conn);        /* X509_V_OK (0) or X509_V_ERR_* */
const char *tls_verify_error_string(long error);         /* "certificate has expired" */
const char *tls_error_string(const tls_conn *conn);      /* what failed, which alert, why */
int tls_session_reused(const tls_conn *conn);
int tls_get_extms_support(const tls_conn *conn); /* extended master secret in use */
int tls_get_secure_renegotiation_support(const tls_conn *conn);
int tls_get_encrypt_then_mac(const tls_conn *conn);

/* The session after a handshake (a new reference, free with tls_session_free), or NULL. */
tls_session *tls_get1_session(const tls_conn *conn);
/* Client: offer this session for resumption, before the handshake (the connection keeps its own
 * reference). */
int tls_set_session(tls_conn *conn, const tls_session *sess);
void tls_session_free(tls_session *sess);
/* The session as bytes (it holds the master secret: store it as a key). Returns the length;
 * writes them to out when cap is large enough (out may be NULL to ask for the length); 0 for an
 * empty session. */
size_t tls_session_to_bytes(const tls_session *sess, unsigned char *out, size_t cap);
tls_session *tls_session_from_bytes(const unsigned char *in, size_t len); /* NULL when bad */
const unsigned char *tls_session_get_id(const tls_session *sess, size_t *len);
const char *tls_session_get_cipher(const tls_session *sess);

/* Renegotiates (RFC 5746): a client sends a ClientHello, a server a HelloRequest; runs the new
 * handshake. 1 when it completed; <= 0: ask tls_get_error. */
int tls_renegotiate(tls_conn *conn);
int tls_get_handshake_count(const tls_conn *conn); /* 2 after one renegotiation */

/* The peer's certificates, leaf first (index 0); NULL past the end. Valid while conn lives. */
const tls_x509 *tls_get_peer_certificate(const tls_conn *conn, int index);
const char *tls_x509_subject(const tls_x509 *cert); /* "C = US, O = tlspp, CN = ..." */
const char *tls_x509_issuer(const tls_x509 *cert);
const unsigned char *tls_x509_der(const tls_x509 *cert, size_t *len);

/* ---- Sans-IO: no fd at all ---- */
/* Bytes received from the peer; all are kept (returns len, or -1 on a bad argument). */
int tls_feed(tls_conn *conn, const void *in, size_t len);
void tls_feed_eof(tls_conn *conn);
size_t tls_output_pending(const tls_conn *conn);
size_t tls_take_output(tls_conn *conn, void *out, size_t cap);

/* ---- In-process pair ---- */
/* Joins two connections through memory: what one writes the other reads. */
int tls_connect_in_memory(tls_conn *a, tls_conn *b);

#ifdef __cplusplus
}
#endif

#endif /* TLSPP_SSL_H */
