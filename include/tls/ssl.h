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
