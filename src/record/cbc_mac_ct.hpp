// Constant-time MAC checking for MAC-then-encrypt CBC records (Lucky Thirteen, AlFardan and
// Paterson 2013).
//
// After CBC decryption a record is  plaintext || MAC || padding  and the padding length is
// secret until the MAC has been checked. A plain HMAC over the plaintext would run a number of
// hash compressions that depends on the plaintext length, that is on the padding, and the time
// difference lets an attacker decrypt. The two functions here take the same time for every
// padding length of a record of a given size:
//
// ConstantTimeCbcMac::compute() drives the hash's compression function directly (through
// cipher::HashCompressor) over the longest message the record could hold, building the final
// blocks with masks so that the 0x80 terminator and the length field land where the secret
// plaintext length puts them, and keeps (with a mask) the chaining state after the block that
// really ends the message. The same blocks are compressed whatever the padding.
//
// extract_mac_ct() copies the received MAC out of the record from a secret offset by scanning
// every position it could start at and rotating the result into place with masked selections.
//
// This is the approach of OpenSSL's ssl3_cbc_digest_record / ssl3_cbc_copy_mac and of
// BoringSSL and s2n. See the comments in cbc_mac_ct.cpp for each step.
#pragma once

#include <cstddef>
#include <memory>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "record/protection.hpp"

namespace tls::record {

class ConstantTimeCbcMac {
 public:
  // TLS HMAC or SSL 3.0 MAC (`ssl3`, MD5 or SHA-1) with the given hash and key.
  static Result<std::unique_ptr<ConstantTimeCbcMac>> create(const cipher::Provider &provider,
                                                            bool ssl3, cipher::HashAlg alg,
                                                            ByteView key);

  std::size_t size() const { return mac_size_; }

  // Writes to `out` (size() bytes) the MAC of the first `plaintext_size` bytes of `record` under
  // `context`. `record` is the decrypted record without its explicit IV: plaintext || MAC ||
  // padding. Its size is public; `plaintext_size` is secret and must satisfy
  //   record.size() - size() - max_padding <= plaintext_size <= record.size() - size() - 1
  // where `max_padding` (public) bounds the padding including its length byte: 256 for TLS,
  // the block size for SSL 3.0. record.size() >= size() + 1.
  // The compression function runs the same number of times for every plaintext_size.
  void compute(const RecordContext &context, ByteView record, std::size_t plaintext_size,
               std::size_t max_padding, MutableByteView out);

 private:
  ConstantTimeCbcMac() = default;

  std::unique_ptr<cipher::HashCompressor> compressor_;
  bool ssl3_ = false;
  cipher::HashAlg alg_ = cipher::HashAlg::sha1;
  std::size_t mac_size_ = 0;
  std::size_t block_size_ = 0;
  unsigned block_shift_ = 0;  // log2(block_size_): divisions by the block size are shifts
  std::size_t length_field_size_ = 0;
  bool little_endian_ = false;
  SecureBuffer key_;        // SSL 3.0: the MAC key, hashed in front of pad_1 / pad_2
  SecureBuffer inner_pad_;  // TLS: key ^ 0x36 padded to a block (HMAC's ipad block)
  SecureBuffer outer_pad_;  // TLS: key ^ 0x5c padded to a block (HMAC's opad block)
};

// Copies out.size() bytes starting at the secret offset `mac_offset` of `record` into `out`,
// with a memory access pattern that does not depend on `mac_offset`. The caller guarantees
//   record.size() - out.size() - max_padding <= mac_offset <= record.size() - out.size().
void extract_mac_ct(ByteView record, std::size_t mac_offset, std::size_t max_padding,
                    MutableByteView out);

}  // namespace tls::record
