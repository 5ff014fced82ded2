// The private-key operation callback: for a certificate whose key lives outside the process's
// memory (an HSM, an enclave, a remote signer), the handshake asks the application to sign or
// to decrypt instead of doing it itself.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include <tls/error.hpp>

namespace tls {

struct PrivateKeyRequest {
  enum class Operation : std::uint8_t {
    sign,         // sign `input` with `signature` / `hash`
    rsa_decrypt,  // RSA only: return c^d mod n of `input`, left-padded to the modulus length,
                  // with no unpadding (the handshake unpads in constant time)
  };
  enum class Signature : std::uint8_t {
    rsa_pkcs1,  // RSASSA-PKCS1-v1_5; with hash "MD5+SHA1" the 36 bytes without DigestInfo
    rsa_pss,    // RSASSA-PSS, MGF1 with the same hash, salt length = hash length
    ecdsa,      // DER Ecdsa-Sig-Value
    ed25519,    // PureEdDSA over the whole message
  };

  Operation operation = Operation::sign;
  Signature signature = Signature::rsa_pkcs1;
  // The hash already applied to `input` ("SHA256", "SHA384", "MD5+SHA1", ...); for ed25519
  // `input` is the message itself.
  std::string_view hash;
  std::span<const std::uint8_t> input;
};

// The signature or the decrypted block, or an Error (the handshake fails with its alert).
using PrivateKeyCallback =
    std::function<Result<std::vector<std::uint8_t>>(const PrivateKeyRequest &request)>;

}  // namespace tls
