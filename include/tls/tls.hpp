// tlspp's C++ API: tls::Context (≈ SSL_CTX) and tls::Connection (≈ SSL). See docs/api.md.
//
//   tls::Context ctx = tls::Context::client();
//   ctx.load_verify_file("ca.pem");
//   tls::Connection conn(ctx);
//   conn.set_fd(socket_fd);
//   conn.set_hostname("example.com");
//   if (auto r = conn.connect(); !r) { std::cerr << conn.error_text() << "\n"; }
//   conn.write(bytes); conn.read(buffer); conn.shutdown();
#pragma once

#include <tls/alert.hpp>
#include <tls/certificate.hpp>
#include <tls/connection.hpp>
#include <tls/context.hpp>
#include <tls/error.hpp>
#include <tls/handshake_state.hpp>
#include <tls/io.hpp>
#include <tls/private_key_callback.hpp>
#include <tls/session.hpp>
#include <tls/trace.hpp>
#include <tls/version.hpp>
