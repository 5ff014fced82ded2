#include "cipher/sodium_x25519.hpp"

#include <sodium.h>

#include <array>
#include <string>

#include "cipher/sodium_init.hpp"

namespace tls::cipher {

namespace {

static_assert(crypto_scalarmult_curve25519_BYTES == 32);
static_assert(crypto_scalarmult_curve25519_SCALARBYTES == 32);

class SodiumX25519KeyShare final : public KeyShare {
 public:
  explicit SodiumX25519KeyShare(SecureBuffer secret) : secret_(std::move(secret)) {
    // libsodium clamps the scalar itself (RFC 7748 §5 decodeScalar25519).
    crypto_scalarmult_curve25519_base(public_.data(), secret_.data());
  }

  ByteView public_value() const override { return public_; }

  Result<SecureBuffer> derive(ByteView peer_public) override {
    if (peer_public.size() != 32) {
      return make_error(AlertDescription::illegal_parameter,
                        "X25519: peer public value is " + std::to_string(peer_public.size()) +
                            " bytes, expected 32");
    }
    SecureBuffer shared(32);
    // libsodium returns -1 when the result is all zeros (checked in constant time).
    if (crypto_scalarmult_curve25519(shared.data(), secret_.data(), peer_public.data()) != 0) {
      return make_error(AlertDescription::illegal_parameter,
                        "X25519: all-zero shared secret (peer sent a low-order point)");
    }
    return shared;
  }

 private:
  SecureBuffer secret_;
  std::array<std::uint8_t, 32> public_{};
};

}  // namespace

Result<std::unique_ptr<KeyShare>> make_sodium_x25519_key_share(RandomSource &random) {
  ensure_sodium_initialized();
  SecureBuffer secret(32);
  random.fill(secret);
  return std::unique_ptr<KeyShare>(std::make_unique<SodiumX25519KeyShare>(std::move(secret)));
}

Result<std::unique_ptr<KeyShare>> make_sodium_x25519_key_share(ByteView private_key) {
  if (private_key.size() != 32) {
    return make_error(
        AlertDescription::illegal_parameter,
        "X25519: private key is " + std::to_string(private_key.size()) + " bytes, expected 32");
  }
  ensure_sodium_initialized();
  return std::unique_ptr<KeyShare>(std::make_unique<SodiumX25519KeyShare>(to_secure(private_key)));
}

}  // namespace tls::cipher
