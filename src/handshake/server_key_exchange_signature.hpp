// The signature of ServerKeyExchange: digitally-signed over
// client_random + server_random + ServerDHParams/ServerECDHParams (RFC 5246 §7.4.3), in the
// TLS 1.2 form (with a SignatureAndHashAlgorithm) or the MD5+SHA-1 / SHA-1 forms of TLS 1.0,
// TLS 1.1 and SSL 3.0 (see signature_input.hpp).
#pragma once

#include <cstdint>
#include <optional>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "common/error.hpp"
#include "handshake/messages/digitally_signed.hpp"
#include "handshake/messages/hello_fields.hpp"

namespace tls::handshake {

Result<DigitallySigned> sign_server_params(const cipher::Provider &provider,
                                           cipher::PrivateKeyOperations &key,
                                           ProtocolVersion version,
                                           std::optional<std::uint16_t> scheme,
                                           const Random &client_random, const Random &server_random,
                                           ByteView params);

// decrypt_error when the signature does not verify. The scheme (TLS 1.2) must already have been
// checked against the ones offered (check_peer_signature_scheme).
Status verify_server_params(const cipher::Provider &provider, const cipher::PublicKey &server_key,
                            ProtocolVersion version, const DigitallySigned &signature,
                            const Random &client_random, const Random &server_random,
                            ByteView params);

}  // namespace tls::handshake
