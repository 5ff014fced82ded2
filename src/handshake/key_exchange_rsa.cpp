#include "handshake/key_exchange_rsa.hpp"

#include "handshake/rsa_premaster.hpp"

namespace tls::handshake {

Result<RsaClientExchange> rsa_client_exchange(const cipher::Provider &provider,
                                              const cipher::PublicKey &server_key,
                                              std::uint16_t client_version) {
  if (server_key.type != cipher::KeyType::rsa)
    return make_error(AlertDescription::unsupported_certificate,
                      "RSA key exchange needs an RSA server certificate");
  RsaClientExchange out;
  out.pre_master.resize(kPreMasterSize);
  out.pre_master[0] = static_cast<std::uint8_t>(client_version >> 8);
  out.pre_master[1] = static_cast<std::uint8_t>(client_version);
  provider.random(MutableByteView(out.pre_master).subspan(2));
  auto encrypted = provider.rsa_encrypt_pkcs1(server_key, out.pre_master);
  if (!encrypted) return with_context(encrypted.error(), "encrypting the pre-master secret");
  out.encrypted = std::move(encrypted.value());
  return out;
}

SecureBuffer rsa_server_pre_master(const cipher::Provider &provider,
                                   cipher::PrivateKeyOperations &key, ByteView encrypted,
                                   std::uint16_t client_version) {
  // The fallback comes first, so that the random stream does not depend on the outcome.
  SecureBuffer fallback(kPreMasterSize);
  provider.random(fallback);
  const std::size_t k = (key.public_key().bits() + 7) / 8;
  auto decrypted = key.rsa_decrypt_raw(encrypted);
  // A ciphertext of the wrong length (public information) cannot be decrypted; an all-zero
  // block then fails the padding check inside, and the fallback is used as for any bad block.
  SecureBuffer block = decrypted ? std::move(decrypted.value()) : SecureBuffer(k, 0);
  if (block.size() != k) block = SecureBuffer(k, 0);
  return rsa_premaster_from_decrypted(block, client_version, fallback);
}

}  // namespace tls::handshake
