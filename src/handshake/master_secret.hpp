// The master secret from the pre-master secret: RFC 5246 §8.1 over the two randoms, or the
// extended master secret of RFC 7627 over the session hash (the transcript up to and including
// ClientKeyExchange), which binds the secret to the whole handshake (triple handshake attack).
#pragma once

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/messages/hello_fields.hpp"
#include "handshake/transcript.hpp"

namespace tls::handshake {

SecureBuffer derive_master_secret(const cipher::Provider &provider, ProtocolVersion version,
                                  const cipher::CipherSuite &suite, ByteView pre_master,
                                  const Random &client_random, const Random &server_random,
                                  bool extended, const Transcript &transcript);

// "CLIENT_RANDOM <client random> <master secret>" (NSS key log format, lower-case hex).
std::string keylog_line(const Random &client_random, ByteView master);

}  // namespace tls::handshake
