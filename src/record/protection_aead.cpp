#include "record/protection_aead.hpp"

#include <algorithm>

#include "record/mac.hpp"
#include "record/protection_null.hpp"

namespace tls::record {

namespace {

constexpr std::size_t kGcmSaltSize = 4;
constexpr std::size_t kGcmExplicitNonceSize = 8;

void put_u64(std::uint64_t v, MutableByteView out) {
  for (std::size_t i = 0; i < 8; ++i)
    out[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
}

}  // namespace

Result<std::unique_ptr<AeadProtection>> AeadProtection::create(std::unique_ptr<cipher::Aead> aead,
                                                               ByteView fixed_iv) {
  if (!aead) return make_error(AlertDescription::internal_error, "AEAD protection: no cipher");
  std::unique_ptr<AeadProtection> p(new AeadProtection());
  switch (aead->alg()) {
    case cipher::AeadAlg::aes128_gcm:
    case cipher::AeadAlg::aes256_gcm:
      if (fixed_iv.size() != kGcmSaltSize)
        return make_error(AlertDescription::internal_error, "AES-GCM needs a 4-byte salt");
      p->explicit_nonce_size_ = kGcmExplicitNonceSize;
      p->name_ = aead->alg() == cipher::AeadAlg::aes128_gcm ? "AES-128-GCM" : "AES-256-GCM";
      break;
    case cipher::AeadAlg::chacha20_poly1305:
      if (fixed_iv.size() != cipher::kAeadNonceSize)
        return make_error(AlertDescription::internal_error, "ChaCha20-Poly1305 needs a 12-byte IV");
      p->explicit_nonce_size_ = 0;
      p->name_ = "CHACHA20-POLY1305";
      break;
  }
  p->aead_ = std::move(aead);
  p->fixed_iv_ = to_secure(fixed_iv);
  return p;
}

namespace {

// seq_num(8) || type(1) || version(2) || length(2): the same bytes as the TLS MAC header.
std::array<std::uint8_t, kTlsMacHeaderSize> additional_data(const RecordContext &context,
                                                            std::size_t plaintext_size) {
  std::array<std::uint8_t, kTlsMacHeaderSize> aad{};
  write_mac_header(false, context, plaintext_size, aad);
  return aad;
}

}  // namespace

Status AeadProtection::seal(const RecordContext &context, MutableByteView fragment,
                            std::size_t plaintext_size) {
  std::array<std::uint8_t, cipher::kAeadNonceSize> nonce{};
  if (explicit_nonce_size_ != 0) {
    // GCM: salt || seq_num, and seq_num travels as the explicit nonce.
    std::copy(fixed_iv_.begin(), fixed_iv_.end(), nonce.begin());
    put_u64(context.sequence, MutableByteView(nonce).subspan(kGcmSaltSize));
    std::copy_n(nonce.begin() + kGcmSaltSize, kGcmExplicitNonceSize, fragment.begin());
  } else {
    // ChaCha20-Poly1305: IV XOR (0^32 || seq_num).
    put_u64(context.sequence, MutableByteView(nonce).subspan(4));
    for (std::size_t i = 0; i < nonce.size(); ++i)
      nonce[i] ^= fixed_iv_[i];
  }
  const auto aad = additional_data(context, plaintext_size);
  return aead_->seal(nonce, aad, fragment.subspan(explicit_nonce_size_, plaintext_size),
                     fragment.subspan(explicit_nonce_size_ + plaintext_size, cipher::kAeadTagSize));
}

Result<MutableByteView> AeadProtection::open(const RecordContext &context,
                                             MutableByteView fragment) {
  if (fragment.size() < explicit_nonce_size_ + cipher::kAeadTagSize)
    return bad_record_mac_error(name_);
  const std::size_t plaintext_size = fragment.size() - explicit_nonce_size_ - cipher::kAeadTagSize;
  std::array<std::uint8_t, cipher::kAeadNonceSize> nonce{};
  if (explicit_nonce_size_ != 0) {
    std::copy(fixed_iv_.begin(), fixed_iv_.end(), nonce.begin());
    std::copy_n(fragment.begin(), kGcmExplicitNonceSize, nonce.begin() + kGcmSaltSize);
  } else {
    put_u64(context.sequence, MutableByteView(nonce).subspan(4));
    for (std::size_t i = 0; i < nonce.size(); ++i)
      nonce[i] ^= fixed_iv_[i];
  }
  const auto aad = additional_data(context, plaintext_size);
  const MutableByteView data = fragment.subspan(explicit_nonce_size_, plaintext_size);
  if (!aead_->open(nonce, aad, data, fragment.subspan(explicit_nonce_size_ + plaintext_size)))
    return bad_record_mac_error(name_);
  return data;
}

}  // namespace tls::record
