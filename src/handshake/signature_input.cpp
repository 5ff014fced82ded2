#include "handshake/signature_input.hpp"

#include <string>

#include "handshake/messages/key_exchange.hpp"
#include "handshake/signature_scheme.hpp"

namespace tls::handshake {

Result<SignatureInput> signature_input(const cipher::Provider &provider, ProtocolVersion version,
                                       std::optional<std::uint16_t> scheme, cipher::KeyType key,
                                       ByteView content) {
  SignatureInput out;
  if (signs_with_algorithm(version)) {
    if (!scheme)
      return make_error(AlertDescription::internal_error, "TLS 1.2 signature without a scheme");
    const auto params = signature_params(*scheme);
    if (!params)
      return make_error(AlertDescription::handshake_failure,
                        "signature scheme " + std::to_string(*scheme) + " is not implemented");
    out.params = *params;
  } else {
    const auto params = legacy_signature_params(key);
    if (!params)
      return make_error(AlertDescription::handshake_failure,
                        std::string(cipher::key_type_name(key)) + " keys cannot sign in " +
                            version_name(version));
    out.params = *params;
  }
  if (out.params.alg == cipher::SignatureAlg::ed25519)
    out.data.assign(content.begin(), content.end());
  else
    out.data = provider.digest(out.params.hash, content);
  return out;
}

}  // namespace tls::handshake
