// The key schedule: PRF (prf.hpp) applied to make the master secret, the key block and the
// Finished values, for SSL 3.0, TLS 1.0/1.1 and TLS 1.2.
#pragma once

#include <cstddef>

#include <tls/version.hpp>

#include "cipher/prf.hpp"
#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"

namespace tls::cipher {

inline constexpr std::size_t kMasterSecretSize = 48;
inline constexpr std::size_t kRandomSize = 32;
inline constexpr std::size_t kTlsFinishedSize = 12;
inline constexpr std::size_t kSsl3FinishedSize = 36;

// The PRF a connection uses: SSL 3.0's construction, TLS 1.0/1.1's MD5⊕SHA-1, or TLS 1.2's with
// the suite's hash.
PrfKind prf_kind(ProtocolVersion version, const CipherSuite &suite) noexcept;

// The hash of the handshake transcript that Finished (TLS) and the extended master secret use:
// md5_sha1 before TLS 1.2, the suite's PRF hash in TLS 1.2. (SSL 3.0 Finished uses its own
// construction over MD5 and SHA-1: see ssl3_handshake_digest.)
HashAlg handshake_hash_alg(ProtocolVersion version, const CipherSuite &suite) noexcept;

// master_secret = PRF(pre_master, "master secret", client_random + server_random)[0..47]
SecureBuffer master_secret(const Provider &provider, PrfKind prf, ByteView pre_master,
                           ByteView client_random, ByteView server_random);

// RFC 7627: PRF(pre_master, "extended master secret", session_hash)[0..47]. Not for SSL 3.0.
SecureBuffer extended_master_secret(const Provider &provider, PrfKind prf, ByteView pre_master,
                                    ByteView session_hash);

// The key block split into its parts (RFC 5246 §6.3). IVs are present only where the version
// and cipher use implicit ones: CBC in SSL 3.0 / TLS 1.0, the 4-byte GCM salt, the 12-byte
// ChaCha20-Poly1305 IV. MAC keys are empty for AEAD suites.
struct KeyBlock {
  SecureBuffer client_write_mac_key;
  SecureBuffer server_write_mac_key;
  SecureBuffer client_write_key;
  SecureBuffer server_write_key;
  SecureBuffer client_write_iv;
  SecureBuffer server_write_iv;
};

// Sizes of each part for a suite and version.
struct KeyBlockLayout {
  std::size_t mac_key_size;
  std::size_t key_size;
  std::size_t iv_size;
  std::size_t total() const { return 2 * (mac_key_size + key_size + iv_size); }
};
KeyBlockLayout key_block_layout(ProtocolVersion version, const CipherSuite &suite) noexcept;

// key_block = PRF(master, "key expansion", server_random + client_random), split.
KeyBlock derive_key_block(const Provider &provider, ProtocolVersion version,
                          const CipherSuite &suite, ByteView master, ByteView client_random,
                          ByteView server_random);

// TLS Finished: PRF(master, "client finished" / "server finished", handshake_hash)[0..11],
// where handshake_hash is the digest with handshake_hash_alg().
Bytes tls_finished(const Provider &provider, PrfKind prf, ByteView master, bool from_client,
                   ByteView handshake_hash);

// SSL 3.0's MD5(master + pad2 + MD5(messages + sender + master + pad1)) ||
//           SHA1(master + pad2 + SHA1(messages + sender + master + pad1)).
// `md5` and `sha1` are the running transcript hashes (cloned, not consumed). With sender
// "CLNT" / "SRVR" this is the 36-byte Finished; with an empty sender it is the digest an SSL 3.0
// CertificateVerify signs.
Bytes ssl3_handshake_digest(ByteView master, ByteView sender, const Hash &md5, const Hash &sha1);

inline constexpr std::string_view kSsl3SenderClient = "CLNT";
inline constexpr std::string_view kSsl3SenderServer = "SRVR";

// SSL 3.0 Finished: ssl3_handshake_digest() with sender "CLNT" or "SRVR" (36 bytes).
Bytes ssl3_finished(ByteView master, bool from_client, const Hash &md5, const Hash &sha1);

}  // namespace tls::cipher
