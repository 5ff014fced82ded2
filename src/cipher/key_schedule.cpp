// Master secret, extended master secret, key block and Finished values (RFC 5246 §6.3, §7.4.9,
// §8.1; RFC 7627 §4; SSL 3.0 §5.6.9, §6.1, §6.2.2).
#include "cipher/key_schedule.hpp"

#include <array>
#include <cassert>

namespace tls::cipher {

namespace {

constexpr std::size_t kSsl3Md5PadSize = 48;
constexpr std::size_t kSsl3Sha1PadSize = 40;
constexpr std::uint8_t kSsl3Pad1 = 0x36;
constexpr std::uint8_t kSsl3Pad2 = 0x5c;

SecureBuffer take(ByteView block, std::size_t &offset, std::size_t n) {
  SecureBuffer out(block.begin() + static_cast<std::ptrdiff_t>(offset),
                   block.begin() + static_cast<std::ptrdiff_t>(offset + n));
  offset += n;
  return out;
}

// One half of SSL 3.0's digest: H(master + pad2 + H(transcript + sender + master + pad1)).
// `running` is cloned, so the caller's transcript hash goes on untouched.
void ssl3_half(const Hash &running, ByteView master, ByteView sender, std::size_t pad_size,
               MutableByteView out) {
  std::array<std::uint8_t, kSsl3Md5PadSize> pad1{};
  std::array<std::uint8_t, kSsl3Md5PadSize> pad2{};
  pad1.fill(kSsl3Pad1);
  pad2.fill(kSsl3Pad2);
  const std::unique_ptr<Hash> h = running.clone();
  SecureBuffer inner(out.size());
  h->update(sender);
  h->update(master);
  h->update(ByteView(pad1.data(), pad_size));
  h->finish(inner);  // finish() also resets h to the empty state: reuse it for the outer hash
  h->update(master);
  h->update(ByteView(pad2.data(), pad_size));
  h->update(inner);
  h->finish(out);
}

}  // namespace

PrfKind prf_kind(ProtocolVersion version, const CipherSuite &suite) noexcept {
  switch (version) {
    case ProtocolVersion::ssl3:
      return PrfKind::ssl3;
    case ProtocolVersion::tls10:
    case ProtocolVersion::tls11:
      return PrfKind::tls10;
    case ProtocolVersion::tls12:
      break;
  }
  return suite.prf_hash == HashAlg::sha384 ? PrfKind::tls12_sha384 : PrfKind::tls12_sha256;
}

HashAlg handshake_hash_alg(ProtocolVersion version, const CipherSuite &suite) noexcept {
  if (version == ProtocolVersion::tls12) return suite.prf_hash;
  return HashAlg::md5_sha1;
}

SecureBuffer master_secret(const Provider &provider, PrfKind kind, ByteView pre_master,
                           ByteView client_random, ByteView server_random) {
  SecureBuffer master(kMasterSecretSize);
  prf(provider, kind, pre_master, "master secret", {client_random, server_random}, master);
  return master;
}

SecureBuffer extended_master_secret(const Provider &provider, PrfKind kind, ByteView pre_master,
                                    ByteView session_hash) {
  assert(kind != PrfKind::ssl3 && "RFC 7627 does not define an SSL 3.0 extended master secret");
  SecureBuffer master(kMasterSecretSize);
  prf(provider, kind, pre_master, "extended master secret", {session_hash}, master);
  return master;
}

KeyBlockLayout key_block_layout(ProtocolVersion version, const CipherSuite &suite) noexcept {
  const BulkCipherInfo &bulk = suite.bulk();
  KeyBlockLayout layout{mac_size(suite.mac), bulk.key_size, 0};
  switch (bulk.kind) {
    case CipherKind::cbc:
      // SSL 3.0 and TLS 1.0 chain CBC records from an IV in the key block; TLS 1.1 and 1.2
      // send an explicit IV in every record, so the key block's IV bytes are not used.
      if (version == ProtocolVersion::ssl3 || version == ProtocolVersion::tls10) {
        layout.iv_size = bulk.fixed_iv_size;
      }
      break;
    case CipherKind::aead:
      layout.iv_size = bulk.fixed_iv_size;  // GCM: 4-byte salt; ChaCha20-Poly1305: 12-byte IV
      break;
    case CipherKind::null:
    case CipherKind::stream:
      break;
  }
  return layout;
}

KeyBlock derive_key_block(const Provider &provider, ProtocolVersion version,
                          const CipherSuite &suite, ByteView master, ByteView client_random,
                          ByteView server_random) {
  const KeyBlockLayout layout = key_block_layout(version, suite);
  SecureBuffer block(layout.total());
  // Note the order: server_random first, unlike the master secret.
  prf(provider, prf_kind(version, suite), master, "key expansion", {server_random, client_random},
      block);
  KeyBlock keys;
  std::size_t offset = 0;
  keys.client_write_mac_key = take(block, offset, layout.mac_key_size);
  keys.server_write_mac_key = take(block, offset, layout.mac_key_size);
  keys.client_write_key = take(block, offset, layout.key_size);
  keys.server_write_key = take(block, offset, layout.key_size);
  keys.client_write_iv = take(block, offset, layout.iv_size);
  keys.server_write_iv = take(block, offset, layout.iv_size);
  return keys;
}

Bytes tls_finished(const Provider &provider, PrfKind kind, ByteView master, bool from_client,
                   ByteView handshake_hash) {
  Bytes verify_data(kTlsFinishedSize);
  prf(provider, kind, master, from_client ? "client finished" : "server finished", {handshake_hash},
      verify_data);
  return verify_data;
}

Bytes ssl3_handshake_digest(ByteView master, ByteView sender, const Hash &md5, const Hash &sha1) {
  assert(md5.alg() == HashAlg::md5 && sha1.alg() == HashAlg::sha1);
  Bytes out(kSsl3FinishedSize);
  const MutableByteView view(out);
  ssl3_half(md5, master, sender, kSsl3Md5PadSize, view.first(hash_size(HashAlg::md5)));
  ssl3_half(sha1, master, sender, kSsl3Sha1PadSize, view.last(hash_size(HashAlg::sha1)));
  return out;
}

Bytes ssl3_finished(ByteView master, bool from_client, const Hash &md5, const Hash &sha1) {
  return ssl3_handshake_digest(
      master, as_bytes(from_client ? kSsl3SenderClient : kSsl3SenderServer), md5, sha1);
}

}  // namespace tls::cipher
