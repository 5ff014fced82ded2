// The server Contexts from the options. Everything but the certificate is the same in the
// -servername context, so that a client switched to it by SNI meets the same server.
#include <cstdio>

#include "server.hpp"

namespace tls::tools {
namespace {

bool check(const Status &status, const std::string &what, std::string &error) {
  if (status) return true;
  error = what + ": " + status.error().reason;
  return false;
}

bool add_pair(Context &ctx, const CertificatePair &pair, std::string &error) {
  const std::string &key = pair.key.empty() ? pair.cert : pair.key;
  return check(ctx.add_certificate_files(pair.cert, key), "certificate " + pair.cert, error);
}

// What the two contexts share.
bool configure(ServerSetup &setup, Context &ctx, std::string &error) {
  const ServerOptions &o = setup.options;
  if (!check(o.versions.apply(ctx), "version range", error)) return false;
  if (!o.cipher.empty() && !check(ctx.set_cipher_list(o.cipher), "-cipher", error)) return false;
  ctx.set_server_preference(o.server_preference);
  if (!o.alpn.empty() && !check(ctx.set_alpn_protocols(o.alpn), "-alpn", error)) return false;
  if (!o.ca_file.empty() && !check(ctx.load_verify_file(o.ca_file), "-CAfile " + o.ca_file, error))
    return false;
  switch (o.verify) {
    case ServerOptions::Verify::none:
      break;
    case ServerOptions::Verify::request:
      ctx.set_verify(VerifyMode::peer);
      break;
    case ServerOptions::Verify::require:
      ctx.set_verify(VerifyMode::require_peer_cert);
      break;
  }
  if (o.verify_depth >= 0) ctx.set_verify_depth(o.verify_depth);
  setup.observer.install(ctx);
  setup.keylog.install(ctx);
  return true;
}

}  // namespace

bool make_server_contexts(ServerSetup &setup, std::string &error) {
  const ServerOptions &o = setup.options;
  if (!o.observe.apply(setup.observer, setup.keylog, error)) return false;

  if (!configure(setup, setup.context, error)) return false;
  for (const CertificatePair &pair : o.certificates)
    if (!add_pair(setup.context, pair, error)) return false;

  if (o.servername) {
    setup.sni_context.emplace(Context::server());
    if (!configure(setup, *setup.sni_context, error)) return false;
    if (!add_pair(*setup.sni_context, o.certificate2, error)) return false;
    const std::string name = *o.servername;
    const Context other = *setup.sni_context;
    const bool quiet = o.quiet;
    Observer *observer = &setup.observer;
    setup.context.set_sni_callback([name, other, quiet, observer](std::string_view asked) {
      if (asked != name) return SniAnswer::keep();
      if (!quiet) {
        std::printf("%sHostname in TLS extension: \"%.*s\": serving -cert2\n",
                    observer->prefix.c_str(), static_cast<int>(asked.size()), asked.data());
        std::fflush(stdout);
      }
      return SniAnswer::use(other);
    });
  }
  return true;
}

}  // namespace tls::tools
