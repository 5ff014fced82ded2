#include "record/cbc_mac_ct.hpp"

#include <array>
#include <cstdint>

#include "common/ct.hpp"
#include "record/mac.hpp"

namespace tls::record {

namespace {

constexpr std::size_t kMaxBlockSize = 128;  // SHA-384 / SHA-512
constexpr std::size_t kMaxStateSize = 64;   // SHA-512's state as a digest
// SSL 3.0's MAC prefix: key (at most 20) + pad_1 (at most 48) + seq, type, length (11).
constexpr std::size_t kMaxPrefixSize = 20 + 48 + kSsl3MacHeaderSize;

std::uint8_t mask8(std::size_t mask) {
  return ct::to_u8(mask);
}

// Merkle-Damgard hashing of a message whose length is public, through the compressor: used
// for the outer hash, whose input (key pad and inner digest) has a fixed length.
class PublicHash {
 public:
  PublicHash(cipher::HashCompressor &compressor, std::size_t already_compressed)
      : compressor_(compressor), block_size_(compressor.block_size()), total_(already_compressed) {}

  void update(ByteView data) {
    for (std::uint8_t b : data) {
      block_[fill_++] = b;
      if (fill_ == block_size_) {
        compressor_.compress(ByteView(block_.data(), block_size_));
        fill_ = 0;
      }
    }
    total_ += data.size();
  }

  void finish(MutableByteView out) {
    const std::size_t length_size = compressor_.length_field_size();
    const std::uint64_t bits = static_cast<std::uint64_t>(total_) * 8;
    block_[fill_++] = 0x80;
    if (fill_ > block_size_ - length_size) {
      while (fill_ < block_size_)
        block_[fill_++] = 0;
      compressor_.compress(ByteView(block_.data(), block_size_));
      fill_ = 0;
    }
    while (fill_ < block_size_)
      block_[fill_++] = 0;
    for (std::size_t t = 0; t < 8; ++t) {
      const auto byte = static_cast<std::uint8_t>(bits >> (8 * t));
      if (compressor_.little_endian())
        block_[block_size_ - length_size + t] = byte;
      else
        block_[block_size_ - 1 - t] = byte;
    }
    compressor_.compress(ByteView(block_.data(), block_size_));
    std::array<std::uint8_t, kMaxStateSize> state{};
    compressor_.state(MutableByteView(state.data(), cipher::hash_size(compressor_.alg())));
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = state[i];
  }

 private:
  cipher::HashCompressor &compressor_;
  std::size_t block_size_;
  std::size_t total_;
  std::array<std::uint8_t, kMaxBlockSize> block_{};
  std::size_t fill_ = 0;
};

}  // namespace

Result<std::unique_ptr<ConstantTimeCbcMac>> ConstantTimeCbcMac::create(
    const cipher::Provider &provider, bool ssl3, cipher::HashAlg alg, ByteView key) {
  using cipher::HashAlg;
  if (alg != HashAlg::md5 && alg != HashAlg::sha1 && alg != HashAlg::sha256 &&
      alg != HashAlg::sha384)
    return make_error(AlertDescription::internal_error,
                      std::string("no CBC record MAC with ") + cipher::hash_name(alg));
  if (ssl3 && alg != HashAlg::md5 && alg != HashAlg::sha1)
    return make_error(AlertDescription::internal_error, "SSL 3.0 MAC needs MD5 or SHA-1");

  std::unique_ptr<ConstantTimeCbcMac> mac(new ConstantTimeCbcMac());
  mac->compressor_ = provider.compressor(alg);
  if (!mac->compressor_)
    return make_error(
        AlertDescription::internal_error,
        std::string("provider has no compression function for ") + cipher::hash_name(alg));
  mac->ssl3_ = ssl3;
  mac->alg_ = alg;
  mac->mac_size_ = cipher::hash_size(alg);
  mac->block_size_ = mac->compressor_->block_size();
  mac->length_field_size_ = mac->compressor_->length_field_size();
  mac->little_endian_ = mac->compressor_->little_endian();
  if (mac->block_size_ != 64 && mac->block_size_ != 128)
    return make_error(AlertDescription::internal_error, "unexpected hash block size");
  mac->block_shift_ = mac->block_size_ == 64 ? 6 : 7;
  if (ssl3) {
    if (key.size() > 20)
      return make_error(AlertDescription::internal_error, "SSL 3.0 MAC key too long");
    mac->key_ = to_secure(key);
  } else {
    // Record MAC keys are as long as the hash output, always shorter than a block, so HMAC's
    // key needs no hashing.
    if (key.size() > mac->block_size_)
      return make_error(AlertDescription::internal_error, "HMAC key longer than a block");
    mac->inner_pad_.assign(mac->block_size_, 0x36);
    mac->outer_pad_.assign(mac->block_size_, 0x5c);
    for (std::size_t i = 0; i < key.size(); ++i) {
      mac->inner_pad_[i] ^= key[i];
      mac->outer_pad_[i] ^= key[i];
    }
  }
  return mac;
}

void ConstantTimeCbcMac::compute(const RecordContext &context, ByteView record,
                                 std::size_t plaintext_size, std::size_t max_padding,
                                 MutableByteView out) {
  const std::size_t block = block_size_;
  const std::size_t length_size = length_field_size_;

  // The message the inner hash covers is  prefix || record[0 .. plaintext_size)  where the
  // prefix is the 13-byte MAC header (TLS; HMAC's ipad block is compressed before it) or
  // key || pad_1 || 11-byte header (SSL 3.0). The header's length field is the secret
  // plaintext_size: it is written with shifts, never branched on.
  std::array<std::uint8_t, kMaxPrefixSize> prefix{};
  std::size_t prefix_size = 0;
  if (ssl3_) {
    for (std::uint8_t b : key_)
      prefix[prefix_size++] = b;
    const std::size_t pad_size = ssl3_mac_pad_size(alg_);
    for (std::size_t i = 0; i < pad_size; ++i)
      prefix[prefix_size++] = 0x36;
  }
  std::array<std::uint8_t, kTlsMacHeaderSize> header{};
  const std::size_t header_size = write_mac_header(ssl3_, context, plaintext_size, header);
  for (std::size_t i = 0; i < header_size; ++i)
    prefix[prefix_size++] = header[i];

  // Positions in the conceptual stream  prefix || record  (all of record, padding included).
  // Public: the stream size and the range in which the message can end.
  const std::size_t stream_size = prefix_size + record.size();
  const std::size_t latest_end = prefix_size + record.size() - mac_size_ - 1;
  const std::size_t earliest_end =
      prefix_size +
      (record.size() > mac_size_ + max_padding ? record.size() - mac_size_ - max_padding : 0);
  // Blocks before first_variable hold message bytes whatever the padding: hashed directly.
  // Blocks first_variable .. last_variable may hold the end of the message, the 0x80, or the
  // length field, depending on the padding: each is built with masks and always compressed.
  const std::size_t first_variable = earliest_end >> block_shift_;
  const std::size_t last_variable = (latest_end + length_size) >> block_shift_;

  // Secret: where the message ends, the block holding its 0x80 terminator (index_a) and the
  // block holding the length field (index_b, equal to index_a or the one after it). Shifts and
  // masks only: no division, whose time may depend on its operands.
  const std::size_t end = prefix_size + plaintext_size;
  const std::size_t index_a = end >> block_shift_;
  const std::size_t index_b = (end + length_size) >> block_shift_;
  const std::size_t terminator = end & (block - 1);

  // The hashed length in bits (HMAC: the ipad block counts), in the hash's byte order.
  const std::uint64_t bits = 8 * static_cast<std::uint64_t>(end + (ssl3_ ? 0 : block));
  std::array<std::uint8_t, 16> length_bytes{};
  for (std::size_t t = 0; t < 8; ++t) {
    const auto byte = static_cast<std::uint8_t>(bits >> (8 * t));
    if (little_endian_)
      length_bytes[t] = byte;
    else
      length_bytes[length_size - 1 - t] = byte;
  }

  compressor_->reset();
  if (!ssl3_) compressor_->compress(inner_pad_);

  std::array<std::uint8_t, kMaxBlockSize> block_bytes{};
  const MutableByteView block_view(block_bytes.data(), block);
  // The fixed blocks. Indices here are public; the prefix straddles the first block(s).
  for (std::size_t i = 0; i < first_variable; ++i) {
    const std::size_t start = i * block;
    if (start >= prefix_size) {
      compressor_->compress(record.subspan(start - prefix_size, block));
      continue;
    }
    for (std::size_t j = 0; j < block; ++j) {
      const std::size_t k = start + j;
      block_view[j] = k < prefix_size ? prefix[k] : record[k - prefix_size];
    }
    compressor_->compress(block_view);
  }

  // The variable blocks: every one is built, compressed and its chaining state read; a mask
  // keeps the state after block index_b, which is the inner hash.
  std::array<std::uint8_t, kMaxStateSize> state{};
  std::array<std::uint8_t, kMaxStateSize> inner{};
  const MutableByteView state_view(state.data(), mac_size_);
  for (std::size_t i = first_variable; i <= last_variable; ++i) {
    const std::uint8_t is_block_a = mask8(ct::eq_mask<std::size_t>(i, index_a));
    const std::uint8_t is_block_b = mask8(ct::eq_mask<std::size_t>(i, index_b));
    for (std::size_t j = 0; j < block; ++j) {
      const std::size_t k = i * block + j;  // public
      std::uint8_t b = 0;
      if (k < prefix_size)
        b = prefix[k];
      else if (k < stream_size)
        b = record[k - prefix_size];
      // In block index_a: 0x80 at the terminator, zeros after it.
      const std::uint8_t at_or_after = is_block_a & mask8(ct::ge_mask<std::size_t>(j, terminator));
      const std::uint8_t after = is_block_a & mask8(ct::ge_mask<std::size_t>(j, terminator + 1));
      b = ct::select<std::uint8_t>(at_or_after, 0x80, b);
      b = static_cast<std::uint8_t>(b & ~after);
      // In block index_b when it is not index_a (the length did not fit): zeros.
      b = static_cast<std::uint8_t>(b & (~is_block_b | is_block_a));
      // The length field closes block index_b.
      if (j >= block - length_size)
        b = ct::select<std::uint8_t>(is_block_b, length_bytes[j - (block - length_size)], b);
      block_view[j] = b;
    }
    compressor_->compress(block_view);
    compressor_->state(state_view);
    for (std::size_t t = 0; t < mac_size_; ++t)
      inner[t] = static_cast<std::uint8_t>(inner[t] | (state[t] & is_block_b));
  }

  // The outer hash has a public length: opad block || inner (TLS), key || pad_2 || inner
  // (SSL 3.0). The same number of compressions every time.
  const ByteView inner_view(inner.data(), mac_size_);
  compressor_->reset();
  if (ssl3_) {
    static constexpr std::array<std::uint8_t, 48> kPad2 = [] {
      std::array<std::uint8_t, 48> p{};
      p.fill(0x5c);
      return p;
    }();
    PublicHash outer(*compressor_, 0);
    outer.update(key_);
    outer.update(ByteView(kPad2.data(), ssl3_mac_pad_size(alg_)));
    outer.update(inner_view);
    outer.finish(out);
  } else {
    compressor_->compress(outer_pad_);
    PublicHash outer(*compressor_, block);
    outer.update(inner_view);
    outer.finish(out);
  }
  secure_zero(inner.data(), inner.size());
  secure_zero(state.data(), state.size());
}

void extract_mac_ct(ByteView record, std::size_t mac_offset, std::size_t max_padding,
                    MutableByteView out) {
  const std::size_t mac_size = out.size();
  const std::size_t mac_end = mac_offset + mac_size;
  // Only the last mac_size + max_padding bytes can hold the MAC (public bound).
  const std::size_t scan_start =
      record.size() > mac_size + max_padding ? record.size() - mac_size - max_padding : 0;

  // Pass 1: every byte of the scanned range is read; the MAC's bytes are ORed into a ring of
  // mac_size bytes at (i - scan_start) mod mac_size, so the MAC ends up rotated by
  // (mac_offset - scan_start) mod mac_size, which is remembered with a mask.
  std::array<std::uint8_t, kMaxMacSize> rotated{};
  std::array<std::uint8_t, kMaxMacSize> scratch{};
  std::size_t rotate_by = 0;
  std::uint8_t started = 0;
  std::size_t j = 0;  // (i - scan_start) mod mac_size: public
  for (std::size_t i = scan_start; i < record.size(); ++i) {
    const std::size_t is_start = ct::eq_mask<std::size_t>(i, mac_offset);
    started = static_cast<std::uint8_t>(started | mask8(is_start));
    const std::uint8_t ended = mask8(ct::ge_mask<std::size_t>(i, mac_end));
    rotated[j] = static_cast<std::uint8_t>(rotated[j] | (record[i] & started & ~ended));
    rotate_by |= j & is_start;
    if (++j == mac_size) j = 0;
  }

  // Pass 2: rotate left by rotate_by, one conditional rotation per bit of rotate_by (1, 2, 4,
  // ... places), each applied or not with a mask: the same work for every offset.
  for (std::size_t step = 1; step < mac_size; step <<= 1, rotate_by >>= 1) {
    const auto keep = static_cast<std::uint8_t>((rotate_by & 1) - 1);  // 0xff: do not rotate
    for (std::size_t i = 0, from = step; i < mac_size; ++i, ++from) {
      if (from >= mac_size) from -= mac_size;
      scratch[i] = ct::select<std::uint8_t>(keep, rotated[i], rotated[from]);
    }
    for (std::size_t i = 0; i < mac_size; ++i)
      rotated[i] = scratch[i];
  }
  for (std::size_t i = 0; i < mac_size; ++i)
    out[i] = rotated[i];
}

}  // namespace tls::record
