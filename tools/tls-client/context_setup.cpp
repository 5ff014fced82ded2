// The client Context from the options: versions, suites, trust, client certificate, ALPN,
// observation callbacks, key log.
#include <cstdio>

#include "client.hpp"

namespace tls::tools {
namespace {

bool check(const Status &status, const std::string &what, std::string &error) {
  if (status) return true;
  error = what + ": " + status.error().reason;
  return false;
}

}  // namespace

bool make_client_context(ClientSetup &setup, std::string &error) {
  const ClientOptions &o = setup.options;
  Context &ctx = setup.context;
  if (!check(o.versions.apply(ctx), "version range", error)) return false;
  // Legacy suites (3DES, RC4) and SSL 3.0 / TLS 1.0 CBC are only there when asked for by the
  // version or cipher flags; the library's defaults apply otherwise.
  if (!o.cipher.empty() && !check(ctx.set_cipher_list(o.cipher), "-cipher", error)) return false;
  if (!o.ca_file.empty() && !check(ctx.load_verify_file(o.ca_file), "-CAfile " + o.ca_file, error))
    return false;
  if (!o.ca_path.empty() && !check(ctx.load_verify_dir(o.ca_path), "-CApath " + o.ca_path, error))
    return false;
  if (o.ca_file.empty() && o.ca_path.empty()) {
    // No trust given: the system's; without one every chain fails to verify, which the
    // handshake failure then says.
    if (auto s = ctx.set_default_verify_paths(); !s)
      std::fprintf(stderr, "warning: no system CA certificates: %s\n", s.error().reason.c_str());
  }
  if (!o.cert_file.empty() &&
      !check(ctx.add_certificate_files(o.cert_file, o.key_file.empty() ? o.cert_file : o.key_file),
             "-cert/-key", error))
    return false;
  if (!o.alpn.empty() && !check(ctx.set_alpn_protocols(o.alpn), "-alpn", error)) return false;
  // Hostname checks only with -verify_hostname, as openssl s_client does.
  ctx.set_check_hostname(o.verify_hostname.has_value());
  if (o.no_verify) {
    // openssl s_client's default: note the first failure, go on; the summary reports it.
    ctx.set_verify(VerifyMode::peer, [&setup](bool preverify_ok, const Certificate &, int, int e) {
      if (!preverify_ok && !setup.verify_override.error) setup.verify_override.error = e;
      return true;
    });
  }

  if (!o.observe.apply(setup.observer, setup.keylog, error)) return false;
  setup.observer.install(ctx);
  setup.keylog.install(ctx);
  return true;
}

}  // namespace tls::tools
