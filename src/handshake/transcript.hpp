// The handshake transcript: every handshake message (with its 4-byte header) in the order sent
// and received, from the first ClientHello on.
//
// The messages are kept rather than only hashed because the hash a handshake needs is not known
// up front: the suite chosen in ServerHello picks the PRF hash, TLS 1.0/1.1 use MD5+SHA-1, SSL 3.0
// appends its own pads to MD5 and SHA-1 states, and a TLS 1.2 CertificateVerify may be signed with
// yet another hash. A full handshake's transcript is a few kilobytes and lives only until the
// handshake ends, so hashing it on demand (a handful of times) is cheaper than running every
// candidate hash over every message.
#pragma once

#include <memory>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"

namespace tls::handshake {

class Transcript {
 public:
  void add(ByteView message) { append(messages_, message); }
  ByteView bytes() const { return messages_; }
  bool empty() const { return messages_.empty(); }
  void clear() { messages_.clear(); }

  // The digest of every message so far.
  Bytes digest(const cipher::Provider &provider, cipher::HashAlg alg) const;
  // A running hash that has been fed every message so far (for SSL 3.0's constructions).
  std::unique_ptr<cipher::Hash> hash_state(const cipher::Provider &provider,
                                           cipher::HashAlg alg) const;

 private:
  Bytes messages_;
};

}  // namespace tls::handshake
