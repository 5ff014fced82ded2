// RSA key exchange (RFC 5246 §7.4.7.1): the client encrypts a 48-byte pre-master secret that
// starts with the version it offered; the server decrypts it without revealing, by error or by
// timing, whether the padding or the version was right (Bleichenbacher 1998, ROBOT 2017).
#pragma once

#include <cstdint>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"

namespace tls::handshake {

struct RsaClientExchange {
  SecureBuffer pre_master;  // client_version (2 bytes) + 46 random bytes
  Bytes encrypted;          // RSAES-PKCS1-v1_5 under the server's key
};

// The client's side. `client_version` is the version of its ClientHello.
Result<RsaClientExchange> rsa_client_exchange(const cipher::Provider &provider,
                                              const cipher::PublicKey &server_key,
                                              std::uint16_t client_version);

// The server's side. Never fails on the ciphertext's contents: a wrong length, a bad padding
// or a wrong version all give a random pre-master (drawn before decrypting), so that the
// handshake fails later, at Finished, the same way in every case.
SecureBuffer rsa_server_pre_master(const cipher::Provider &provider,
                                   cipher::PrivateKeyOperations &key, ByteView encrypted,
                                   std::uint16_t client_version);

}  // namespace tls::handshake
