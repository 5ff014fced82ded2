// CBC block-cipher protection (AES-128/256, 3DES) with MAC-then-encrypt (RFC 5246 §6.2.3.2,
// SSL 3.0's RFC 6101 §5.2.3.2) or encrypt-then-MAC (RFC 7366).
//
// MAC-then-encrypt:  [IV] CBC(plaintext || MAC || padding)
// encrypt-then-MAC:  [IV] CBC(plaintext || padding) || MAC(header + IV + ciphertext)
//
// IV: SSL 3.0 and TLS 1.0 chain it: the first record uses the key block's IV, every later
// record the last ciphertext block of the one before (per direction). TLS 1.1 and later send a
// fresh random IV in front of each record.
// Padding: TLS requires every padding byte to equal the length byte (up to 255); SSL 3.0 only
// requires the padding to be shorter than a block, its contents being arbitrary.
//
// Receiving a MAC-then-encrypt record is constant-time with respect to the padding and the MAC
// (see cbc_mac_ct.hpp): the padding is checked with masks over the largest padding the record
// could hold, the MAC is computed over the same blocks whatever the padding, the received MAC is
// copied out with a rotation, and a bad padding and a bad MAC give the same bad_record_mac.
#pragma once

#include <memory>
#include <string>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "common/secure_buffer.hpp"
#include "record/cbc_mac_ct.hpp"
#include "record/mac.hpp"
#include "record/protection.hpp"

namespace tls::record {

class CbcProtection final : public Protection {
 public:
  struct Params {
    ProtocolVersion version = ProtocolVersion::tls12;
    bool encrypt_then_mac = false;
    std::unique_ptr<cipher::CbcCipher> cipher;
    std::unique_ptr<RecordMac> mac;                  // sending side, and encrypt-then-MAC
    std::unique_ptr<ConstantTimeCbcMac> mac_ct;      // receiving MAC-then-encrypt records
    SecureBuffer implicit_iv;                        // SSL 3.0 / TLS 1.0: the key block IV
    std::shared_ptr<const cipher::Provider> random;  // TLS 1.1+: explicit IVs when sealing
    std::string cipher_name;                         // "AES-128-CBC"
  };
  // Fails with internal_error when the parts do not fit together.
  static Result<std::unique_ptr<CbcProtection>> create(Params params);

  const std::string &name() const override { return name_; }
  std::size_t max_expansion() const override;
  std::size_t sealed_size(std::size_t plaintext_size) const override;
  std::size_t plaintext_offset() const override { return explicit_iv_size_; }
  bool predictable_iv() const override { return explicit_iv_size_ == 0; }
  Status seal(const RecordContext &context, MutableByteView fragment,
              std::size_t plaintext_size) override;
  Result<MutableByteView> open(const RecordContext &context, MutableByteView fragment) override;

 private:
  CbcProtection() = default;
  Result<MutableByteView> open_mac_then_encrypt(const RecordContext &context,
                                                MutableByteView fragment);
  Result<MutableByteView> open_encrypt_then_mac(const RecordContext &context,
                                                MutableByteView fragment);
  // The IV for the body that follows `fragment`'s explicit IV (if any), and the residue kept
  // for the next record when IVs are chained. Copies: decryption works in place.
  void take_iv(ByteView fragment, ByteView body_ciphertext, MutableByteView iv);

  Params p_;
  bool ssl3_ = false;
  std::size_t block_size_ = 0;
  std::size_t explicit_iv_size_ = 0;
  std::size_t mac_size_ = 0;
  std::size_t max_padding_ = 0;  // including the length byte: 256 (TLS) or the block (SSL 3.0)
  std::string name_;
};

}  // namespace tls::record
