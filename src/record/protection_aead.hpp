// AEAD protection (TLS 1.2 only).
//
// AES-GCM (RFC 5288): nonce = salt (4 bytes from the key block) || explicit nonce (8 bytes sent
// in front of each record). tlspp sends the sequence number as the explicit nonce, which never
// repeats under one key; it accepts whatever explicit nonce the peer sends.
// ChaCha20-Poly1305 (RFC 7905): nonce = IV (12 bytes from the key block) XOR the sequence
// number, left-padded to 12 bytes; nothing is sent in front of the record.
// Both: additional data = seq_num || type || version || plaintext length (RFC 5246 §6.2.3.3),
// fragment = [explicit nonce] || ciphertext || 16-byte tag.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "cipher/provider.hpp"
#include "common/secure_buffer.hpp"
#include "record/protection.hpp"

namespace tls::record {

class AeadProtection final : public Protection {
 public:
  // `fixed_iv` is the key block's IV: 4 bytes for GCM, 12 for ChaCha20-Poly1305. A wrong size is
  // an internal_error.
  static Result<std::unique_ptr<AeadProtection>> create(std::unique_ptr<cipher::Aead> aead,
                                                        ByteView fixed_iv);

  const std::string &name() const override { return name_; }
  std::size_t max_expansion() const override { return explicit_nonce_size_ + cipher::kAeadTagSize; }
  std::size_t sealed_size(std::size_t plaintext_size) const override {
    return explicit_nonce_size_ + plaintext_size + cipher::kAeadTagSize;
  }
  std::size_t plaintext_offset() const override { return explicit_nonce_size_; }
  Status seal(const RecordContext &context, MutableByteView fragment,
              std::size_t plaintext_size) override;
  Result<MutableByteView> open(const RecordContext &context, MutableByteView fragment) override;

 private:
  AeadProtection() = default;

  std::unique_ptr<cipher::Aead> aead_;
  SecureBuffer fixed_iv_;
  std::size_t explicit_nonce_size_ = 0;  // 8 for GCM, 0 for ChaCha20-Poly1305
  std::string name_;
};

}  // namespace tls::record
