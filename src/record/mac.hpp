// Record MACs for the protections whose lengths are public: null with a MAC, RC4, the sending
// side of CBC, and encrypt-then-MAC (where the MAC covers the ciphertext).
//
// TLS (RFC 5246 §6.2.3.1):  HMAC(key, seq_num + type + version + length + fragment)
// SSL 3.0 (RFC 6101 §5.2.3.1): hash(key + pad_2 + hash(key + pad_1 + seq_num + type + length +
//   fragment)), pad_1 = 0x36 and pad_2 = 0x5c repeated 48 times for MD5 and 40 times for SHA-1.
// SSL 3.0's construction is not HMAC (the key is not padded to the block and there is no
// version); it is computed here with two plain hashes.
//
// The receiving side of MAC-then-encrypt CBC uses cbc_mac_ct.hpp instead, whose work does not
// depend on the secret plaintext length.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "record/protection.hpp"

namespace tls::record {

inline constexpr std::size_t kTlsMacHeaderSize = 13;   // seq(8) type(1) version(2) length(2)
inline constexpr std::size_t kSsl3MacHeaderSize = 11;  // seq(8) type(1) length(2)
inline constexpr std::size_t kMaxMacSize = 48;         // SHA-384

// The bytes the MAC covers before the fragment. Returns the header size (13, or 11 for SSL 3.0).
std::size_t write_mac_header(bool ssl3, const RecordContext &context, std::size_t length,
                             std::array<std::uint8_t, kTlsMacHeaderSize> &out);

// SSL 3.0's pad length for a MAC hash: 48 for MD5, 40 for SHA-1.
std::size_t ssl3_mac_pad_size(cipher::HashAlg alg);

class RecordMac {
 public:
  // `ssl3` selects SSL 3.0's construction (MD5 or SHA-1 only). A bad algorithm is an
  // internal_error.
  static Result<std::unique_ptr<RecordMac>> create(const cipher::Provider &provider, bool ssl3,
                                                   cipher::HashAlg alg, ByteView key);

  std::size_t size() const { return size_; }
  cipher::HashAlg alg() const { return alg_; }
  // "HMAC-SHA1", "SSL3-MAC-MD5", ...
  std::string name() const;

  // MAC over the header for `context` (with length = data.size()) followed by `data`.
  // out.size() == size().
  void compute(const RecordContext &context, ByteView data, MutableByteView out);

 private:
  RecordMac() = default;

  bool ssl3_ = false;
  cipher::HashAlg alg_ = cipher::HashAlg::sha1;
  std::size_t size_ = 0;
  std::unique_ptr<cipher::Hmac> hmac_;  // TLS
  std::unique_ptr<cipher::Hash> hash_;  // SSL 3.0
  SecureBuffer key_;                    // SSL 3.0
};

}  // namespace tls::record
