// The signature of CertificateVerify: over every handshake message before it (RFC 5246
// §7.4.8). TLS 1.2 signs the messages with the chosen scheme; TLS 1.0/1.1 sign
// MD5(messages) || SHA-1(messages) (RSA) or SHA-1(messages) (ECDSA); SSL 3.0 signs its own
// construction, MD5(master + pad2 + MD5(messages + master + pad1)) || SHA-1(...) (RFC 6101
// §5.6.8), whose SHA-1 half alone for ECDSA.
#pragma once

#include <cstdint>
#include <optional>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "common/error.hpp"
#include "handshake/messages/digitally_signed.hpp"
#include "handshake/transcript.hpp"

namespace tls::handshake {

Result<DigitallySigned> sign_certificate_verify(const cipher::Provider &provider,
                                                cipher::PrivateKeyOperations &key,
                                                ProtocolVersion version,
                                                std::optional<std::uint16_t> scheme,
                                                const Transcript &transcript, ByteView master);

// decrypt_error when the signature does not verify.
Status verify_certificate_verify(const cipher::Provider &provider,
                                 const cipher::PublicKey &client_key, ProtocolVersion version,
                                 const DigitallySigned &signature, const Transcript &transcript,
                                 ByteView master);

}  // namespace tls::handshake
