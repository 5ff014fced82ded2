// What a handshake signature covers, in the form the provider takes: the algorithm and either
// the digest (RSA, ECDSA) or the whole message (Ed25519).
//   TLS 1.2:            the negotiated SignatureScheme over the content
//   TLS 1.0/1.1, SSL 3.0: RSA signs MD5(content) || SHA-1(content) without DigestInfo,
//                       ECDSA signs SHA-1(content) (RFC 4346 §4.7, RFC 4492 §5.4)
#pragma once

#include <cstdint>
#include <optional>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::handshake {

struct SignatureInput {
  cipher::SignatureParams params;
  Bytes data;  // digest, or the message for Ed25519
};

// `scheme` must be set exactly in TLS 1.2. handshake_failure for a key with no pre-1.2 form
// (Ed25519) or a scheme tlspp does not implement.
Result<SignatureInput> signature_input(const cipher::Provider &provider, ProtocolVersion version,
                                       std::optional<std::uint16_t> scheme, cipher::KeyType key,
                                       ByteView content);

}  // namespace tls::handshake
