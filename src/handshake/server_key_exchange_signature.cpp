#include "handshake/server_key_exchange_signature.hpp"

#include "handshake/messages/server_key_exchange.hpp"
#include "handshake/signature_input.hpp"

namespace tls::handshake {

Result<DigitallySigned> sign_server_params(const cipher::Provider &provider,
                                           cipher::PrivateKeyOperations &key,
                                           ProtocolVersion version,
                                           std::optional<std::uint16_t> scheme,
                                           const Random &client_random, const Random &server_random,
                                           ByteView params) {
  const Bytes content = server_key_exchange_signed_content(client_random, server_random, params);
  auto input = signature_input(provider, version, scheme, key.public_key().type, content);
  if (!input) return input.error();
  auto signature = key.sign(input->params, input->data);
  if (!signature) return with_context(signature.error(), "signing ServerKeyExchange");
  return DigitallySigned{scheme, std::move(signature.value())};
}

Status verify_server_params(const cipher::Provider &provider, const cipher::PublicKey &server_key,
                            ProtocolVersion version, const DigitallySigned &signature,
                            const Random &client_random, const Random &server_random,
                            ByteView params) {
  const Bytes content = server_key_exchange_signed_content(client_random, server_random, params);
  auto input = signature_input(provider, version, signature.scheme, server_key.type, content);
  if (!input) return input.error();
  Status status = provider.verify(server_key, input->params, input->data, signature.signature);
  if (!status.ok()) {
    Error e = with_context(status.error(), "ServerKeyExchange signature");
    e.alert = AlertDescription::decrypt_error;
    return e;
  }
  return Status::success();
}

}  // namespace tls::handshake
