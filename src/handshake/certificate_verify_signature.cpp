#include "handshake/certificate_verify_signature.hpp"

#include "cipher/key_schedule.hpp"
#include "handshake/signature_input.hpp"

namespace tls::handshake {
namespace {

Result<SignatureInput> certificate_verify_input(const cipher::Provider &provider,
                                                ProtocolVersion version,
                                                std::optional<std::uint16_t> scheme,
                                                cipher::KeyType key, const Transcript &transcript,
                                                ByteView master) {
  if (version != ProtocolVersion::ssl3)
    return signature_input(provider, version, scheme, key, transcript.bytes());
  const auto md5 = transcript.hash_state(provider, cipher::HashAlg::md5);
  const auto sha1 = transcript.hash_state(provider, cipher::HashAlg::sha1);
  Bytes digest = cipher::ssl3_handshake_digest(master, {}, *md5, *sha1);
  SignatureInput input;
  if (key == cipher::KeyType::rsa) {
    input.params = {cipher::SignatureAlg::rsa_pkcs1, cipher::HashAlg::md5_sha1};
    input.data = std::move(digest);
  } else if (key == cipher::KeyType::ec_p256 || key == cipher::KeyType::ec_p384) {
    input.params = {cipher::SignatureAlg::ecdsa, cipher::HashAlg::sha1};
    input.data.assign(digest.begin() + 16, digest.end());
  } else {
    return make_error(AlertDescription::handshake_failure,
                      std::string(cipher::key_type_name(key)) + " keys cannot sign in SSLv3");
  }
  return input;
}

}  // namespace

Result<DigitallySigned> sign_certificate_verify(const cipher::Provider &provider,
                                                cipher::PrivateKeyOperations &key,
                                                ProtocolVersion version,
                                                std::optional<std::uint16_t> scheme,
                                                const Transcript &transcript, ByteView master) {
  auto input = certificate_verify_input(provider, version, scheme, key.public_key().type,
                                        transcript, master);
  if (!input) return input.error();
  auto signature = key.sign(input->params, input->data);
  if (!signature) return with_context(signature.error(), "signing CertificateVerify");
  return DigitallySigned{scheme, std::move(signature.value())};
}

Status verify_certificate_verify(const cipher::Provider &provider,
                                 const cipher::PublicKey &client_key, ProtocolVersion version,
                                 const DigitallySigned &signature, const Transcript &transcript,
                                 ByteView master) {
  auto input = certificate_verify_input(provider, version, signature.scheme, client_key.type,
                                        transcript, master);
  if (!input) return input.error();
  Status status = provider.verify(client_key, input->params, input->data, signature.signature);
  if (!status.ok()) {
    Error e = with_context(status.error(), "CertificateVerify signature");
    e.alert = AlertDescription::decrypt_error;
    return e;
  }
  return Status::success();
}

}  // namespace tls::handshake
