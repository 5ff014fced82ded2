#include "handshake/peer_certificates.hpp"

namespace tls::handshake {

Result<PeerChain> check_peer_chain(const Config &config, const std::vector<Bytes> &der_list,
                                   x509::Purpose purpose, const std::string &host, bool verify) {
  PeerChain out;
  std::vector<ByteView> views(der_list.begin(), der_list.end());
  auto parsed = x509::parse_certificates(views);
  if (!parsed) {
    Error e = parsed.error();
    e.alert = AlertDescription::bad_certificate;
    return with_context(e, "peer certificate");
  }
  out.chain = std::move(parsed.value());
  if (!verify) return out;
  if (!config.trust_store)
    return make_error(AlertDescription::unknown_ca,
                      "certificate verification is on but no trust store is configured");
  x509::VerifyOptions options;
  options.provider = config.provider;
  options.time = config.verify_time ? *config.verify_time : config.provider->now();
  options.max_depth = config.verify_depth;
  options.purpose = purpose;
  options.host = host;
  options.allow_sha1 = config.allow_sha1_signatures;
  options.callback = config.verify_callback;
  x509::VerifyResult result = x509::verify_chain(out.chain, *config.trust_store, options);
  if (!result.ok) return result.to_error();
  out.verify_result = std::move(result);
  return out;
}

}  // namespace tls::handshake
