#include "api/key_callback_operations.hpp"

#include <exception>

namespace tls {
namespace {

PrivateKeyRequest::Signature public_signature(cipher::SignatureAlg alg) {
  switch (alg) {
    case cipher::SignatureAlg::rsa_pkcs1:
      return PrivateKeyRequest::Signature::rsa_pkcs1;
    case cipher::SignatureAlg::rsa_pss:
      return PrivateKeyRequest::Signature::rsa_pss;
    case cipher::SignatureAlg::ecdsa:
      return PrivateKeyRequest::Signature::ecdsa;
    case cipher::SignatureAlg::ed25519:
      return PrivateKeyRequest::Signature::ed25519;
  }
  return PrivateKeyRequest::Signature::rsa_pkcs1;
}

class KeyCallbackOperations final : public cipher::PrivateKeyOperations {
 public:
  KeyCallbackOperations(cipher::PublicKey key, PrivateKeyCallback callback)
      : key_(std::move(key)), callback_(std::move(callback)) {}

  const cipher::PublicKey &public_key() const override { return key_; }

  Result<Bytes> sign(const cipher::SignatureParams &params, ByteView input) override {
    PrivateKeyRequest request;
    request.operation = PrivateKeyRequest::Operation::sign;
    request.signature = public_signature(params.alg);
    request.hash =
        params.alg == cipher::SignatureAlg::ed25519 ? "" : cipher::hash_name(params.hash);
    request.input = input;
    return call(request);
  }

  Result<SecureBuffer> rsa_decrypt_raw(ByteView ciphertext) override {
    if (key_.type != cipher::KeyType::rsa)
      return make_error(AlertDescription::internal_error, "RSA decryption with a non-RSA key");
    PrivateKeyRequest request;
    request.operation = PrivateKeyRequest::Operation::rsa_decrypt;
    request.input = ciphertext;
    auto out = call(request);
    if (!out) return out.error();
    SecureBuffer secret = to_secure(*out);
    secure_zero(*out);
    return secret;
  }

 private:
  // The application's code must not throw through the handshake: an exception becomes an
  // internal_error naming it.
  Result<Bytes> call(const PrivateKeyRequest &request) {
    try {
      auto out = callback_(request);
      if (!out) return with_context(out.error(), "private key callback");
      return std::move(*out);
    } catch (const std::exception &e) {
      return make_error(AlertDescription::internal_error,
                        std::string("private key callback threw: ") + e.what());
    } catch (...) {
      return make_error(AlertDescription::internal_error, "private key callback threw");
    }
  }

  cipher::PublicKey key_;
  PrivateKeyCallback callback_;
};

}  // namespace

std::shared_ptr<cipher::PrivateKeyOperations> make_key_callback_operations(
    cipher::PublicKey public_key, PrivateKeyCallback callback) {
  return std::make_shared<KeyCallbackOperations>(std::move(public_key), std::move(callback));
}

}  // namespace tls
