// The Finished message's verify_data (RFC 5246 §7.4.9, RFC 6101 §5.6.9): over every handshake
// message before it (the peer's Finished included for the second one), 12 bytes in TLS from the
// PRF, 36 bytes in SSL 3.0 from its MD5/SHA-1 construction.
#pragma once

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "common/bytes.hpp"
#include "handshake/transcript.hpp"

namespace tls::handshake {

Bytes finished_verify_data(const cipher::Provider &provider, ProtocolVersion version,
                           const cipher::CipherSuite &suite, ByteView master,
                           const Transcript &transcript, bool from_client);

}  // namespace tls::handshake
