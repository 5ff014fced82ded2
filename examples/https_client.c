/* A blocking HTTPS-style client in C using only <tls/ssl.h>: connect, verify the server,
 * send a GET, print the answer until the server closes.
 *   https_client HOST PORT [CA_FILE] [PATH]
 * Without CA_FILE the system's CA bundle is used. $SSLKEYLOGFILE gets the key log. */
#define _POSIX_C_SOURCE 200112L /* getaddrinfo under -std=c11 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <tls/ssl.h>

static void keylog(const char *line, void *arg) {
  FILE *file = fopen((const char *)arg, "a");
  if (file) {
    fprintf(file, "%s\n", line);
    fclose(file);
  }
}

static int tcp_connect(const char *host, const char *port) {
  struct addrinfo hints, *list, *ai;
  int fd = -1;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &list) != 0) return -1;
  for (ai = list; ai && fd < 0; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(list);
  return fd;
}

int main(int argc, char **argv) {
  const char *host, *port, *path;
  const char *keylog_file = getenv("SSLKEYLOGFILE");
  char request[512], buffer[4096];
  int fd, n, status = 1;
  tls_ctx *ctx;
  tls_conn *conn;

  if (argc < 3) {
    fprintf(stderr, "usage: %s HOST PORT [CA_FILE] [PATH]\n", argv[0]);
    return 2;
  }
  host = argv[1];
  port = argv[2];
  path = argc > 4 ? argv[4] : "/";

  ctx = tls_ctx_new(TLS_CLIENT);
  if (!ctx) return 1;
  if (!(argc > 3 ? tls_ctx_load_verify_file(ctx, argv[3])
                 : tls_ctx_set_default_verify_paths(ctx))) {
    fprintf(stderr, "trust store: %s\n", tls_ctx_error_string(ctx));
    tls_ctx_free(ctx);
    return 1;
  }
  tls_ctx_set_alpn_protos(ctx, "http/1.1");
  if (keylog_file) tls_ctx_set_keylog_callback(ctx, keylog, (void *)keylog_file);

  fd = tcp_connect(host, port);
  if (fd < 0) {
    fprintf(stderr, "cannot connect to %s:%s\n", host, port);
    tls_ctx_free(ctx);
    return 1;
  }
  conn = tls_new(ctx);
  tls_set_fd(conn, fd);
  tls_set_hostname(conn, host);
  if (tls_connect(conn) != 1) {
    fprintf(stderr, "handshake failed: %s\n", tls_error_string(conn));
    goto done;
  }
  fprintf(stderr, "connected: %s %s, verify result %ld\n", tls_get_version(conn),
          tls_get_cipher(conn), tls_get_verify_result(conn));

  snprintf(request, sizeof request, "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n",
           path, host);
  if (tls_write(conn, request, (int)strlen(request)) <= 0) {
    fprintf(stderr, "write failed: %s\n", tls_error_string(conn));
    goto done;
  }
  for (;;) {
    n = tls_read(conn, buffer, sizeof buffer);
    if (n > 0) {
      fwrite(buffer, 1, (size_t)n, stdout);
      continue;
    }
    if (tls_get_error(conn, n) == TLS_ERROR_ZERO_RETURN) {
      status = 0; /* the server closed cleanly */
    } else {
      fprintf(stderr, "read failed: %s\n", tls_error_string(conn));
    }
    break;
  }
  tls_shutdown(conn);

done:
  tls_free(conn);
  close(fd);
  tls_ctx_free(ctx);
  return status;
}
