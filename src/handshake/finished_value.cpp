#include "handshake/finished_value.hpp"

#include "cipher/key_schedule.hpp"

namespace tls::handshake {

Bytes finished_verify_data(const cipher::Provider &provider, ProtocolVersion version,
                           const cipher::CipherSuite &suite, ByteView master,
                           const Transcript &transcript, bool from_client) {
  if (version == ProtocolVersion::ssl3) {
    const auto md5 = transcript.hash_state(provider, cipher::HashAlg::md5);
    const auto sha1 = transcript.hash_state(provider, cipher::HashAlg::sha1);
    return cipher::ssl3_finished(master, from_client, *md5, *sha1);
  }
  const Bytes hash = transcript.digest(provider, cipher::handshake_hash_alg(version, suite));
  return cipher::tls_finished(provider, cipher::prf_kind(version, suite), master, from_client,
                              hash);
}

}  // namespace tls::handshake
