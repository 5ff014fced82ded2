#include "handshake/transcript.hpp"

namespace tls::handshake {

Bytes Transcript::digest(const cipher::Provider &provider, cipher::HashAlg alg) const {
  return hash_state(provider, alg)->finish();
}

std::unique_ptr<cipher::Hash> Transcript::hash_state(const cipher::Provider &provider,
                                                     cipher::HashAlg alg) const {
  auto hash = provider.hash(alg);
  hash->update(messages_);
  return hash;
}

}  // namespace tls::handshake
