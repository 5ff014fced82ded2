// The three pseudo-random functions: SSL 3.0's MD5/SHA-1 construction (SSL 3.0 §6.1/§6.2.2),
// TLS 1.0/1.1's P_MD5 XOR P_SHA1 (RFC 2246 §5) and TLS 1.2's P_hash (RFC 5246 §5).
#include "cipher/prf.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>

#include "common/secure_buffer.hpp"

namespace tls::cipher {

namespace {

// SSL 3.0 salts are 'A', 'BB', ..., 'Z' * 26: 26 MD5 blocks at most.
constexpr std::size_t kSsl3MaxBlocks = 26;
constexpr std::size_t kMd5Size = 16;
constexpr std::size_t kSha1Size = 20;

void update_seed(Hmac &mac, ByteView label, std::initializer_list<ByteView> seed) {
  mac.update(label);
  for (ByteView part : seed)
    mac.update(part);
}

// P_hash(secret, label + seed) (RFC 5246 §5), written into `out` or XORed into it:
//   A(0) = label + seed, A(i) = HMAC(secret, A(i-1))
//   P_hash = HMAC(secret, A(1) + label + seed) || HMAC(secret, A(2) + label + seed) || ...
void p_hash(const Provider &provider, HashAlg alg, ByteView secret, ByteView label,
            std::initializer_list<ByteView> seed, MutableByteView out, bool xor_into_out) {
  if (out.empty()) return;
  // One keyed HMAC serves every step: finish() returns it to the keyed initial state.
  const std::unique_ptr<Hmac> mac = provider.hmac(alg, secret);
  const std::size_t n = hash_size(alg);
  SecureBuffer a(n);
  SecureBuffer block(n);
  update_seed(*mac, label, seed);
  mac->finish(a);  // A(1)
  for (std::size_t offset = 0; offset < out.size();) {
    mac->update(a);
    update_seed(*mac, label, seed);
    mac->finish(block);
    const std::size_t take = std::min(n, out.size() - offset);
    for (std::size_t i = 0; i < take; ++i) {
      out[offset + i] =
          xor_into_out ? static_cast<std::uint8_t>(out[offset + i] ^ block[i]) : block[i];
    }
    offset += take;
    if (offset < out.size()) {
      mac->update(a);
      mac->finish(a);  // A(i+1)
    }
  }
}

// TLS 1.0/1.1: the secret is split in two halves of ceil(len/2) bytes; with an odd length the
// middle byte belongs to both (RFC 2246 §5).
void tls10_prf(const Provider &provider, ByteView secret, ByteView label,
               std::initializer_list<ByteView> seed, MutableByteView out) {
  const std::size_t half = (secret.size() + 1) / 2;
  const ByteView s1 = secret.first(half);
  const ByteView s2 = secret.last(half);
  p_hash(provider, HashAlg::md5, s1, label, seed, out, false);
  p_hash(provider, HashAlg::sha1, s2, label, seed, out, true);
}

// SSL 3.0: block i = MD5(secret + SHA1(salt_i + secret + seed)), salt_i = i+1 copies of 'A'+i.
void ssl3_prf(const Provider &provider, ByteView secret, std::initializer_list<ByteView> seed,
              MutableByteView out) {
  if (out.size() > kSsl3MaxBlocks * kMd5Size) {
    // A programming error (the largest SSL 3.0 key block is 136 bytes), never wire-driven.
    assert(!"SSL 3.0 key derivation asked for more than 416 bytes");
    std::abort();
  }
  std::uint8_t salt[kSsl3MaxBlocks];
  std::uint8_t sha1_out[kSha1Size];
  std::uint8_t md5_out[kMd5Size];
  const std::unique_ptr<Hash> sha1 = provider.hash(HashAlg::sha1);
  const std::unique_ptr<Hash> md5 = provider.hash(HashAlg::md5);
  for (std::size_t i = 0, offset = 0; offset < out.size(); ++i) {
    std::fill_n(salt, i + 1, static_cast<std::uint8_t>('A' + i));
    sha1->update(ByteView(salt, i + 1));
    sha1->update(secret);
    for (ByteView part : seed)
      sha1->update(part);
    sha1->finish(sha1_out);
    md5->update(secret);
    md5->update(sha1_out);
    md5->finish(md5_out);
    const std::size_t take = std::min(kMd5Size, out.size() - offset);
    std::copy_n(md5_out, take, out.begin() + static_cast<std::ptrdiff_t>(offset));
    offset += take;
  }
  secure_zero(sha1_out, sizeof sha1_out);
  secure_zero(md5_out, sizeof md5_out);
}

}  // namespace

const char *prf_name(PrfKind kind) noexcept {
  switch (kind) {
    case PrfKind::ssl3:
      return "SSL 3.0 (MD5/SHA-1 with 'A', 'BB', 'CCC' salts)";
    case PrfKind::tls10:
      return "TLS 1.0/1.1 (P_MD5 XOR P_SHA1)";
    case PrfKind::tls12_sha256:
      return "TLS 1.2 (P_SHA256)";
    case PrfKind::tls12_sha384:
      return "TLS 1.2 (P_SHA384)";
  }
  return "unknown";
}

void prf(const Provider &provider, PrfKind kind, ByteView secret, std::string_view label,
         std::initializer_list<ByteView> seed, MutableByteView out) {
  switch (kind) {
    case PrfKind::ssl3:
      ssl3_prf(provider, secret, seed, out);
      return;
    case PrfKind::tls10:
      tls10_prf(provider, secret, as_bytes(label), seed, out);
      return;
    case PrfKind::tls12_sha256:
      p_hash(provider, HashAlg::sha256, secret, as_bytes(label), seed, out, false);
      return;
    case PrfKind::tls12_sha384:
      p_hash(provider, HashAlg::sha384, secret, as_bytes(label), seed, out, false);
      return;
  }
}

}  // namespace tls::cipher
