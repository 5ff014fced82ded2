/* The C API's sessions, renegotiation and server callbacks, written in C: compiled by the C
 * compiler against include/tls/ssl.h alone, run from c_api_sessions_test.cpp. Each function
 * returns NULL on success or a message saying what went wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tls/ssl.h>

#include "unit/api/c_api_sessions.h"

static char failure[512];

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      snprintf(failure, sizeof failure, "%s:%d: %s", __FILE__, __LINE__, #cond); \
      return failure;                                                            \
    }                                                                            \
  } while (0)

static char path_buf[4][512];

static const char *data(int slot, const char *dir, const char *name) {
  snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
  return path_buf[slot];
}

static tls_ctx *new_server(const char *dir, const char *cert) {
  char chain[256], key[256];
  tls_ctx *ctx = tls_ctx_new(TLS_SERVER);
  if (!ctx) return NULL;
  snprintf(chain, sizeof chain, "%s.chain.pem", cert);
  snprintf(key, sizeof key, "%s.key", cert);
  if (!tls_ctx_use_certificate_chain_file(ctx, data(0, dir, chain)) ||
      !tls_ctx_use_private_key_file(ctx, data(1, dir, key))) {
    tls_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

static tls_ctx *new_client(const char *dir) {
  tls_ctx *ctx = tls_ctx_new(TLS_CLIENT);
  if (ctx && !tls_ctx_load_verify_file(ctx, data(0, dir, "root-ca.pem"))) {
    tls_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

/* Both handshakes to the end over memory; 1 when both finished. */
static int run_pair(tls_conn *client, tls_conn *server) {
  int i;
  for (i = 0; i < 1000; ++i) {
    const int c = tls_do_handshake(client);
    const int s = tls_do_handshake(server);
    const int ce = tls_get_error(client, c), se = tls_get_error(server, s);
    if (c == 1 && s == 1) return 1;
    if ((c != 1 && ce != TLS_ERROR_WANT_READ && ce != TLS_ERROR_WANT_WRITE) ||
        (s != 1 && se != TLS_ERROR_WANT_READ && se != TLS_ERROR_WANT_WRITE))
      return 0;
  }
  return 0;
}

/* One connection pair; offers `offer` when not NULL. Fills the client's session (when asked),
 * whether each side resumed, and the server's SNI name. */
struct pair_result {
  int ok;
  int client_reused, server_reused;
  tls_session *session;
  char server_name[64];
  char alpn[32];
  char peer_subject[128]; /* the server's leaf subject, as the client saw it */
  int client_cert_seen;   /* the server got a client certificate */
  char error[256];        /* both sides' tls_error_string when it failed */
};

static struct pair_result handshake(tls_ctx *client_ctx, tls_ctx *server_ctx,
                                    const tls_session *offer, const char *hostname) {
  struct pair_result r;
  tls_conn *client = tls_new(client_ctx), *server = tls_new(server_ctx);
  memset(&r, 0, sizeof r);
  if (!client || !server) goto done;
  tls_connect_in_memory(client, server);
  if (hostname) tls_set_hostname(client, hostname);
  if (offer) tls_set_session(client, offer);
  r.ok = run_pair(client, server);
  if (!r.ok) {
    snprintf(r.error, sizeof r.error, "%.120s / %.120s", tls_error_string(client),
             tls_error_string(server));
    goto done;
  }
  r.client_reused = tls_session_reused(client);
  r.server_reused = tls_session_reused(server);
  r.session = tls_get1_session(client);
  if (tls_get_servername(server))
    snprintf(r.server_name, sizeof r.server_name, "%s", tls_get_servername(server));
  if (tls_get_alpn_selected(server))
    snprintf(r.alpn, sizeof r.alpn, "%s", tls_get_alpn_selected(server));
  if (tls_get_peer_certificate(client, 0))
    snprintf(r.peer_subject, sizeof r.peer_subject, "%s",
             tls_x509_subject(tls_get_peer_certificate(client, 0)));
  r.client_cert_seen = tls_get_peer_certificate(server, 0) != NULL;
done:
  tls_free(client);
  tls_free(server);
  return r;
}

const char *c_api_resume_through_bytes(const char *dir) {
  int tickets;
  for (tickets = 0; tickets <= 1; ++tickets) {
    tls_ctx *server = new_server(dir, "server-rsa2048"), *client = new_client(dir);
    struct pair_result first, second;
    unsigned char *bytes;
    size_t len, id_len = 0, id2_len = 0;
    const unsigned char *id, *id2;
    tls_session *restored;
    CHECK(server && client);
    tls_ctx_set_session_tickets(server, tickets);
    tls_ctx_set_session_cache_size(server, 100);
    tls_ctx_set_session_timeout(server, 600);
    CHECK(tls_ctx_get_session_timeout(server) == 600);

    first = handshake(client, server, NULL, "localhost");
    CHECK(first.ok);
    CHECK(!first.client_reused && !first.server_reused);
    CHECK(first.session != NULL);

    /* To bytes and back, as an application keeping sessions on disk would. */
    len = tls_session_to_bytes(first.session, NULL, 0);
    CHECK(len > 48);
    bytes = malloc(len);
    CHECK(bytes != NULL);
    CHECK(tls_session_to_bytes(first.session, bytes, len - 1) == len); /* too small: nothing */
    CHECK(tls_session_to_bytes(first.session, bytes, len) == len);
    CHECK(tls_session_from_bytes(bytes, len - 1) == NULL); /* truncated */
    restored = tls_session_from_bytes(bytes, len);
    free(bytes);
    CHECK(restored != NULL);
    id = tls_session_get_id(first.session, &id_len);
    id2 = tls_session_get_id(restored, &id2_len);
    CHECK(id_len == 32 && id2_len == 32 && memcmp(id, id2, 32) == 0);
    CHECK(strcmp(tls_session_get_cipher(restored), tls_session_get_cipher(first.session)) == 0);
    tls_session_free(first.session);

    second = handshake(client, server, restored, "localhost");
    CHECK(second.ok);
    CHECK(second.client_reused == 1);
    CHECK(second.server_reused == 1);
    tls_session_free(second.session);

    /* The cache emptied and turned off (and no tickets): a full handshake. */
    if (!tickets) {
      struct pair_result third;
      tls_ctx_set_session_cache_size(server, 0);
      third = handshake(client, server, restored, "localhost");
      CHECK(third.ok);
      CHECK(third.server_reused == 0);
      tls_session_free(third.session);
    }
    tls_session_free(restored);
    tls_ctx_free(client);
    tls_ctx_free(server);
  }
  return NULL;
}

/* The application's session store: sessions kept as bytes in a one-slot store. */
struct one_slot_store {
  unsigned char bytes[4096];
  size_t len;
  int stored, asked;
};

static void store_new(const tls_session *sess, void *arg) {
  struct one_slot_store *store = arg;
  store->len = tls_session_to_bytes(sess, store->bytes, sizeof store->bytes);
  ++store->stored;
}

static tls_session *store_get(const unsigned char *id, size_t id_len, void *arg) {
  struct one_slot_store *store = arg;
  (void)id;
  (void)id_len;
  ++store->asked;
  return store->len ? tls_session_from_bytes(store->bytes, store->len) : NULL;
}

const char *c_api_session_store(const char *dir) {
  tls_ctx *server = new_server(dir, "server-rsa2048"), *client = new_client(dir);
  struct one_slot_store store;
  struct pair_result first, second;
  CHECK(server && client);
  memset(&store, 0, sizeof store);
  tls_ctx_set_session_tickets(server, 0);
  tls_ctx_set_session_cache_size(server, 0); /* only the application's store */
  tls_ctx_set_session_store(server, store_new, store_get, NULL, &store);
  first = handshake(client, server, NULL, "localhost");
  CHECK(first.ok);
  CHECK(store.stored == 1 && store.len > 0);
  second = handshake(client, server, first.session, "localhost");
  CHECK(second.ok);
  CHECK(store.asked == 1);
  CHECK(second.server_reused == 1);
  tls_session_free(first.session);
  tls_session_free(second.session);
  tls_ctx_free(client);
  tls_ctx_free(server);
  return NULL;
}

const char *c_api_ticket_keys(const char *dir) {
  tls_ctx *a = new_server(dir, "server-rsa2048"), *b = new_server(dir, "server-rsa2048");
  tls_ctx *client = new_client(dir);
  unsigned char key[48], other[48];
  struct pair_result first, at_b, after;
  int i;
  CHECK(a && b && client);
  for (i = 0; i < 48; ++i) {
    key[i] = (unsigned char)(i * 7);
    other[i] = (unsigned char)(i * 11 + 1);
  }
  CHECK(tls_ctx_set_ticket_keys(a, key, NULL) == 1);
  CHECK(tls_ctx_set_ticket_keys(b, key, NULL) == 1);
  CHECK(tls_ctx_set_ticket_lifetime(a, 0) == 0);
  CHECK(strlen(tls_ctx_error_string(a)) > 0);
  CHECK(tls_ctx_set_ticket_lifetime(a, 3600) == 1);
  first = handshake(client, a, NULL, "localhost");
  CHECK(first.ok);
  at_b = handshake(client, b, first.session, "localhost");
  CHECK(at_b.ok && at_b.server_reused == 1);
  /* b moves on to another key, keeping the shared one as the previous: still resumes. */
  CHECK(tls_ctx_set_ticket_keys(b, other, key) == 1);
  after = handshake(client, b, first.session, "localhost");
  CHECK(after.ok && after.server_reused == 1);
  tls_session_free(after.session);
  /* Rotated twice: the shared key is gone. */
  tls_ctx_rotate_ticket_keys(b);
  tls_ctx_rotate_ticket_keys(b);
  tls_ctx_set_session_cache_size(b, 0);
  after = handshake(client, b, first.session, "localhost");
  CHECK(after.ok && after.server_reused == 0);
  tls_session_free(after.session);
  tls_session_free(at_b.session);
  tls_session_free(first.session);
  tls_ctx_free(client);
  tls_ctx_free(a);
  tls_ctx_free(b);
  return NULL;
}

/* Client-initiated renegotiation through tls_renegotiate, allowed by the server. */
const char *c_api_renegotiate(const char *dir) {
  tls_ctx *server_ctx = new_server(dir, "server-rsa2048"), *client_ctx = new_client(dir);
  tls_conn *client, *server;
  char buf[64];
  int i, rc = -1, got = 0;
  CHECK(server_ctx && client_ctx);
  tls_ctx_set_allow_client_renegotiation(server_ctx, 1);
  client = tls_new(client_ctx);
  server = tls_new(server_ctx);
  CHECK(client && server);
  tls_connect_in_memory(client, server);
  tls_set_hostname(client, "localhost");
  CHECK(run_pair(client, server));
  CHECK(tls_get_handshake_count(client) == 1);
  CHECK(tls_get_secure_renegotiation_support(client) == 1);
  CHECK(tls_get_extms_support(server) == 1);
  for (i = 0; i < 100 && rc != 1; ++i) {
    rc = tls_renegotiate(client);
    if (rc != 1) CHECK(tls_get_error(client, rc) == TLS_ERROR_WANT_READ);
    /* The server meets the ClientHello in tls_read and runs the new handshake. */
    if (!got) {
      const int n = tls_read(server, buf, sizeof buf);
      if (n > 0) got = n;
    }
  }
  CHECK(rc == 1);
  CHECK(tls_get_handshake_count(client) == 2);
  /* Data after it: the server finishes its side while reading. */
  CHECK(tls_write(client, "after", 5) == 5);
  for (i = 0; i < 100 && !got; ++i) {
    const int n = tls_read(server, buf, sizeof buf);
    if (n > 0) got = n;
  }
  CHECK(got == 5 && memcmp(buf, "after", 5) == 0);
  CHECK(tls_get_handshake_count(server) == 2);
  tls_free(client);
  tls_free(server);

  /* Refused by default: the connection stays as it was. */
  tls_ctx_set_allow_client_renegotiation(server_ctx, 0);
  client = tls_new(client_ctx);
  server = tls_new(server_ctx);
  tls_connect_in_memory(client, server);
  tls_set_hostname(client, "localhost");
  CHECK(run_pair(client, server));
  got = 0;
  for (i = 0; i < 20; ++i) {
    rc = tls_renegotiate(client);
    if (rc == 1 || tls_get_error(client, rc) != TLS_ERROR_WANT_READ) break;
    (void)tls_read(server, buf, sizeof buf);
  }
  CHECK(rc != 1);
  CHECK(tls_get_error(client, rc) == TLS_ERROR_SSL);
  CHECK(strstr(tls_error_string(client), "declined") != NULL);
  CHECK(tls_get_handshake_count(client) == 1);
  CHECK(tls_get_handshake_count(server) == 1);
  /* ... and the connection goes on. */
  CHECK(tls_write(client, "still", 5) == 5);
  got = 0;
  for (i = 0; i < 20 && !got; ++i) {
    const int n = tls_read(server, buf, sizeof buf);
    if (n > 0) got = n;
  }
  CHECK(got == 5 && memcmp(buf, "still", 5) == 0);
  tls_free(client);
  tls_free(server);
  tls_ctx_free(client_ctx);
  tls_ctx_free(server_ctx);
  return NULL;
}

/* SNI: "b.test" switches to a second server context; "bad.test" is refused. */
struct sni_arg {
  tls_ctx *other;
  char last[64];
};

static int sni_cb(const char *name, tls_ctx **use, void *arg) {
  struct sni_arg *a = arg;
  snprintf(a->last, sizeof a->last, "%s", name);
  if (strcmp(name, "bad.test") == 0) return TLS_SNI_REJECT;
  if (strcmp(name, "b.test") == 0) *use = a->other;
  return TLS_SNI_OK;
}

/* ALPN: picks the last protocol the client offered. */
static int alpn_last(const char *const *protos, int count, void *arg) {
  (void)protos;
  ++*(int *)arg;
  return count - 1;
}

static int alpn_none(const char *const *protos, int count, void *arg) {
  (void)protos;
  (void)count;
  (void)arg;
  return -1;
}

const char *c_api_server_callbacks(const char *dir) {
  tls_ctx *server = new_server(dir, "server-rsa2048"), *other = new_server(dir, "server-p256");
  tls_ctx *client = new_client(dir);
  struct sni_arg sni;
  struct pair_result r;
  int alpn_calls = 0;
  CHECK(server && other && client);
  memset(&sni, 0, sizeof sni);
  sni.other = other;
  tls_ctx_set_check_hostname(client, 0); /* the names are not in the certificates */
  tls_ctx_set_sni_callback(server, sni_cb, &sni);

  r = handshake(client, server, NULL, "a.test");
  CHECK(r.ok);
  CHECK(strcmp(sni.last, "a.test") == 0);
  CHECK(strcmp(r.server_name, "a.test") == 0);
  tls_session_free(r.session);
  {
    /* The key type tells the two certificates apart (their subjects are the same). */
    tls_conn *c = tls_new(client), *s = tls_new(server);
    size_t rsa_len = 0, ec_len = 0;
    tls_connect_in_memory(c, s);
    tls_set_hostname(c, "a.test");
    CHECK(run_pair(c, s));
    (void)tls_x509_der(tls_get_peer_certificate(c, 0), &rsa_len);
    tls_free(c);
    tls_free(s);
    c = tls_new(client);
    s = tls_new(server);
    tls_connect_in_memory(c, s);
    tls_set_hostname(c, "b.test");
    CHECK(run_pair(c, s));
    CHECK(strstr(tls_get_cipher(c), "ECDSA") != NULL); /* other's P-256 certificate */
    (void)tls_x509_der(tls_get_peer_certificate(c, 0), &ec_len);
    CHECK(rsa_len != ec_len);
    tls_free(c);
    tls_free(s);
  }
  r = handshake(client, server, NULL, "bad.test");
  CHECK(!r.ok);
  CHECK(strstr(r.error, "unrecognized_name") != NULL);

  /* ALPN select callback, and a callback that declines everything. */
  CHECK(tls_ctx_set_alpn_protos(client, "h2,http/1.1") == 1);
  tls_ctx_set_alpn_select_callback(server, alpn_last, &alpn_calls);
  r = handshake(client, server, NULL, "a.test");
  CHECK(r.ok);
  CHECK(alpn_calls == 1);
  CHECK(strcmp(r.alpn, "http/1.1") == 0);
  tls_session_free(r.session);
  tls_ctx_set_alpn_select_callback(server, alpn_none, NULL);
  r = handshake(client, server, NULL, "a.test");
  CHECK(!r.ok);
  CHECK(strstr(r.error, "no_application_protocol") != NULL);

  tls_ctx_free(client);
  tls_ctx_free(other);
  tls_ctx_free(server);
  return NULL;
}

/* Client certificate callback: declines, then picks the only fitting one. */
static int cert_none(const int *fitting, int count, void *arg) {
  (void)fitting;
  *(int *)arg = count;
  return -1;
}

static int cert_first(const int *fitting, int count, void *arg) {
  *(int *)arg = count;
  return count > 0 ? fitting[0] : -1;
}

const char *c_api_client_cert_callback(const char *dir) {
  tls_ctx *server = new_server(dir, "server-rsa2048"), *client = new_client(dir);
  struct pair_result r;
  int count = -1;
  CHECK(server && client);
  CHECK(tls_ctx_load_verify_file(server, data(0, dir, "root-ca.pem")) == 1);
  tls_ctx_set_verify(server, TLS_VERIFY_PEER, NULL, NULL);
  CHECK(tls_ctx_use_certificate_chain_file(client, data(0, dir, "client-p256.chain.pem")) == 1);
  CHECK(tls_ctx_use_private_key_file(client, data(1, dir, "client-p256.key")) == 1);
  tls_ctx_set_client_cert_callback(client, cert_none, &count);
  r = handshake(client, server, NULL, "localhost");
  CHECK(r.ok);
  CHECK(count == 1);
  CHECK(!r.client_cert_seen);
  tls_session_free(r.session);
  count = -1;
  tls_ctx_set_client_cert_callback(client, cert_first, &count);
  r = handshake(client, server, NULL, "localhost");
  CHECK(r.ok);
  CHECK(count == 1);
  CHECK(r.client_cert_seen);
  tls_session_free(r.session);
  /* Required and declined: the handshake fails. */
  tls_ctx_set_verify(server, TLS_VERIFY_PEER | TLS_VERIFY_FAIL_IF_NO_PEER_CERT, NULL, NULL);
  tls_ctx_set_client_cert_callback(client, cert_none, &count);
  r = handshake(client, server, NULL, "localhost");
  CHECK(!r.ok);
  tls_ctx_free(client);
  tls_ctx_free(server);
  return NULL;
}

const char *c_api_record_limits(const char *dir) {
  tls_ctx *server = new_server(dir, "server-rsa2048"), *client = new_client(dir);
  tls_conn *c, *s;
  char big[3000];
  char buf[4096];
  int total = 0, i, largest = 0;
  CHECK(server && client);
  CHECK(tls_ctx_set_max_fragment_length(client, 1000) == 0); /* not an RFC 6066 size */
  CHECK(tls_ctx_set_max_fragment_length(client, 1024) == 1);
  CHECK(tls_ctx_set_record_size_limit(client, 10) == 0);
  CHECK(tls_ctx_set_cipher_list(client, "ECDHE-RSA-AES128-SHA256") == 1);
  c = tls_new(client);
  s = tls_new(server);
  tls_connect_in_memory(c, s);
  tls_set_hostname(c, "localhost");
  CHECK(run_pair(c, s));
  CHECK(tls_get_encrypt_then_mac(c) == 1);
  memset(big, 'z', sizeof big);
  CHECK(tls_write(s, big, (int)sizeof big) == (int)sizeof big);
  for (i = 0; i < 100 && total < (int)sizeof big; ++i) {
    const int n = tls_read(c, buf, sizeof buf);
    if (n <= 0) break;
    if (n > largest) largest = n;
    total += n;
  }
  CHECK(total == (int)sizeof big);
  CHECK(largest == 1024); /* one record per read, each at most the agreed 1024 bytes */
  tls_free(c);
  tls_free(s);
  tls_ctx_free(client);
  tls_ctx_free(server);
  return NULL;
}
