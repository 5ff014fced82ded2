#include "handshake/master_secret.hpp"

#include <string>

#include "cipher/key_schedule.hpp"
#include "common/hex.hpp"

namespace tls::handshake {

SecureBuffer derive_master_secret(const cipher::Provider &provider, ProtocolVersion version,
                                  const cipher::CipherSuite &suite, ByteView pre_master,
                                  const Random &client_random, const Random &server_random,
                                  bool extended, const Transcript &transcript) {
  const cipher::PrfKind prf = cipher::prf_kind(version, suite);
  if (extended && version != ProtocolVersion::ssl3) {
    const Bytes session_hash =
        transcript.digest(provider, cipher::handshake_hash_alg(version, suite));
    return cipher::extended_master_secret(provider, prf, pre_master, session_hash);
  }
  return cipher::master_secret(provider, prf, pre_master, client_random, server_random);
}

std::string keylog_line(const Random &client_random, ByteView master) {
  return "CLIENT_RANDOM " + to_hex(client_random) + " " + to_hex(master);
}

}  // namespace tls::handshake
