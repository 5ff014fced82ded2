/* A sans-IO client: the library owns no socket. The program keeps two plain byte buffers —
 * client-to-server and server-to-client — feeds each side what the other wrote, and prints
 * every flight as it crosses. Here the server runs in-process for the demonstration; the
 * client side would look the same over an enclave's ecalls or an event loop's own buffers.
 *   sansio_client CHAIN_PEM KEY_PEM CA_PEM */
#include <stdio.h>
#include <string.h>

#include <tls/ssl.h>

/* The two byte buffers the program owns. */
static unsigned char to_server[65536], to_client[65536];
static size_t to_server_len, to_client_len;

static void state(int from_client, const char *name, void *arg) {
  (void)arg;
  printf("  %s %s\n", from_client ? "client" : "server", name);
}

/* Moves what `from` wrote into `buffer`, then hands the buffer to `to`. */
static size_t shuttle(tls_conn *from, tls_conn *to, unsigned char *buffer, size_t *len,
                      const char *label) {
  size_t moved;
  *len = tls_take_output(from, buffer, sizeof to_server);
  moved = *len;
  if (moved > 0) {
    printf("%s: %zu bytes (first record type %u)\n", label, moved, buffer[0]);
    tls_feed(to, buffer, *len);
    *len = 0;
  }
  return moved;
}

int main(int argc, char **argv) {
  tls_ctx *server_ctx, *client_ctx;
  tls_conn *server, *client;
  char reply[64];
  int c = 0, s = 0, round, n;

  if (argc < 4) {
    fprintf(stderr, "usage: %s CHAIN_PEM KEY_PEM CA_PEM\n", argv[0]);
    return 2;
  }
  server_ctx = tls_ctx_new(TLS_SERVER);
  client_ctx = tls_ctx_new(TLS_CLIENT);
  if (!tls_ctx_use_certificate_chain_file(server_ctx, argv[1]) ||
      !tls_ctx_use_private_key_file(server_ctx, argv[2]) ||
      !tls_ctx_load_verify_file(client_ctx, argv[3])) {
    fprintf(stderr, "setup: %s%s\n", tls_ctx_error_string(server_ctx),
            tls_ctx_error_string(client_ctx));
    return 1;
  }
  tls_ctx_set_state_callback(client_ctx, state, NULL);
  server = tls_new(server_ctx);
  client = tls_new(client_ctx);
  tls_set_hostname(client, "localhost");

  for (round = 0; round < 50 && (c != 1 || s != 1); ++round) {
    c = tls_connect(client);
    if (c != 1 && tls_get_error(client, c) != TLS_ERROR_WANT_READ) break;
    shuttle(client, server, to_server, &to_server_len, "client -> server");
    s = tls_accept(server);
    if (s != 1 && tls_get_error(server, s) != TLS_ERROR_WANT_READ &&
        tls_get_error(server, s) != TLS_ERROR_WANT_WRITE)
      break;
    shuttle(server, client, to_client, &to_client_len, "server -> client");
  }
  if (c != 1 || s != 1) {
    fprintf(stderr, "handshake failed: client: %s / server: %s\n", tls_error_string(client),
            tls_error_string(server));
    return 1;
  }
  printf("handshake done: %s %s, verify result %ld\n", tls_get_version(client),
         tls_get_cipher(client), tls_get_verify_result(client));

  tls_write(client, "hello through two buffers", 25);
  shuttle(client, server, to_server, &to_server_len, "client -> server");
  n = tls_read(server, reply, sizeof reply - 1);
  if (n <= 0) return 1;
  reply[n] = '\0';
  printf("server read: %s\n", reply);

  tls_free(client);
  tls_free(server);
  tls_ctx_free(client_ctx);
  tls_ctx_free(server_ctx);
  return 0;
}
