#include "record/protection_cbc.hpp"

#include <algorithm>
#include <array>

#include "common/ct.hpp"
#include "record/protection_null.hpp"

namespace tls::record {

namespace {

constexpr std::size_t kMaxBlock = 16;
constexpr std::size_t kTlsMaxPadding = 256;  // 255 padding bytes + the length byte

std::size_t round_up(std::size_t n, std::size_t block) {
  return (n + block - 1) / block * block;
}

std::uint8_t mask8(std::size_t mask) {
  return ct::to_u8(mask);
}

}  // namespace

Result<std::unique_ptr<CbcProtection>> CbcProtection::create(Params params) {
  auto fail = [](const char *what) {
    return make_error(AlertDescription::internal_error, std::string("CBC protection: ") + what);
  };
  if (!params.cipher || !params.mac) return fail("cipher and MAC are required");
  std::unique_ptr<CbcProtection> p(new CbcProtection());
  p->ssl3_ = params.version == ProtocolVersion::ssl3;
  p->block_size_ = params.cipher->block_size();
  if (p->block_size_ == 0 || p->block_size_ > kMaxBlock) return fail("unsupported block size");
  const bool explicit_iv = to_wire(params.version) >= to_wire(ProtocolVersion::tls11);
  p->explicit_iv_size_ = explicit_iv ? p->block_size_ : 0;
  p->mac_size_ = params.mac->size();
  p->max_padding_ = p->ssl3_ ? p->block_size_ : kTlsMaxPadding;
  if (p->ssl3_ && params.encrypt_then_mac)
    return fail("encrypt-then-MAC does not exist in SSL 3.0");
  if (!params.encrypt_then_mac && (!params.mac_ct || params.mac_ct->size() != p->mac_size_))
    return fail("a constant-time MAC of the same size is required");
  if (explicit_iv && !params.random) return fail("explicit IVs need a random source");
  if (!explicit_iv && params.implicit_iv.size() != p->block_size_)
    return fail("SSL 3.0 / TLS 1.0 need the key block IV");
  p->name_ =
      params.cipher_name + "/" + params.mac->name() + (params.encrypt_then_mac ? "/EtM" : "");
  p->p_ = std::move(params);
  return p;
}

std::size_t CbcProtection::max_expansion() const {
  return explicit_iv_size_ + mac_size_ + max_padding_;
}

std::size_t CbcProtection::sealed_size(std::size_t plaintext_size) const {
  if (p_.encrypt_then_mac)
    return explicit_iv_size_ + round_up(plaintext_size + 1, block_size_) + mac_size_;
  return explicit_iv_size_ + round_up(plaintext_size + mac_size_ + 1, block_size_);
}

void CbcProtection::take_iv(ByteView fragment, ByteView body_ciphertext, MutableByteView iv) {
  if (explicit_iv_size_ != 0) {
    std::copy_n(fragment.begin(), block_size_, iv.begin());
    return;
  }
  std::copy_n(p_.implicit_iv.begin(), block_size_, iv.begin());
  // The next record's IV is this record's last ciphertext block.
  std::copy(body_ciphertext.end() - static_cast<std::ptrdiff_t>(block_size_), body_ciphertext.end(),
            p_.implicit_iv.begin());
}

Status CbcProtection::seal(const RecordContext &context, MutableByteView fragment,
                           std::size_t plaintext_size) {
  std::array<std::uint8_t, kMaxBlock> iv{};
  const MutableByteView iv_view(iv.data(), block_size_);
  if (explicit_iv_size_ != 0) p_.random->random(fragment.first(block_size_));

  const std::size_t body_size = p_.encrypt_then_mac
                                    ? round_up(plaintext_size + 1, block_size_)
                                    : round_up(plaintext_size + mac_size_ + 1, block_size_);
  const MutableByteView body = fragment.subspan(explicit_iv_size_, body_size);
  std::size_t used = plaintext_size;
  if (!p_.encrypt_then_mac) {
    p_.mac->compute(context, body.first(plaintext_size), body.subspan(plaintext_size, mac_size_));
    used += mac_size_;
  }
  // Minimal padding; every byte (the length byte too) holds the padding length, which TLS
  // requires and SSL 3.0 allows.
  const auto padding = static_cast<std::uint8_t>(body_size - used - 1);
  std::fill(body.begin() + static_cast<std::ptrdiff_t>(used), body.end(), padding);

  if (explicit_iv_size_ != 0) {
    std::copy_n(fragment.begin(), block_size_, iv.begin());
    p_.cipher->encrypt(iv_view, body);
  } else {
    std::copy_n(p_.implicit_iv.begin(), block_size_, iv.begin());
    p_.cipher->encrypt(iv_view, body);
    std::copy(body.end() - static_cast<std::ptrdiff_t>(block_size_), body.end(),
              p_.implicit_iv.begin());
  }
  if (p_.encrypt_then_mac) {
    const std::size_t covered = explicit_iv_size_ + body_size;
    p_.mac->compute(context, fragment.first(covered), fragment.subspan(covered, mac_size_));
  }
  return {};
}

Result<MutableByteView> CbcProtection::open(const RecordContext &context,
                                            MutableByteView fragment) {
  return p_.encrypt_then_mac ? open_encrypt_then_mac(context, fragment)
                             : open_mac_then_encrypt(context, fragment);
}

Result<MutableByteView> CbcProtection::open_mac_then_encrypt(const RecordContext &context,
                                                             MutableByteView fragment) {
  // Public checks: the body must be whole blocks and hold at least a MAC and the length byte.
  const std::size_t min_body = std::max(block_size_, round_up(mac_size_ + 1, block_size_));
  if (fragment.size() < explicit_iv_size_ + min_body ||
      (fragment.size() - explicit_iv_size_) % block_size_ != 0)
    return bad_record_mac_error(name_);

  const MutableByteView body = fragment.subspan(explicit_iv_size_);
  std::array<std::uint8_t, kMaxBlock> iv{};
  take_iv(fragment, body, MutableByteView(iv.data(), block_size_));
  p_.cipher->decrypt(ByteView(iv.data(), block_size_), body);

  // From here on the padding length is secret until the MAC is checked: no branch and no
  // memory access depends on it.
  const std::size_t size = body.size();
  const std::uint8_t padding = body[size - 1];
  // The padding (with its length byte) and the MAC must fit in the record.
  std::size_t good = ct::ge_mask<std::size_t>(size, mac_size_ + 1 + padding);
  if (ssl3_) {
    // SSL 3.0: the padding is shorter than a block; its bytes are arbitrary.
    good &= ct::lt_mask<std::size_t>(padding, block_size_);
  } else {
    // TLS: every padding byte equals the length byte. Check the largest padding the record
    // could hold (public bound), masking out the bytes beyond the claimed padding.
    const std::size_t to_check = std::min(kTlsMaxPadding, size);
    std::uint8_t differs = 0;
    for (std::size_t i = 0; i < to_check; ++i) {
      const std::uint8_t in_padding = mask8(ct::ge_mask<std::size_t>(padding, i));
      differs = static_cast<std::uint8_t>(differs | (in_padding & (padding ^ body[size - 1 - i])));
    }
    good &= ct::is_zero_mask<std::size_t>(differs);
  }
  // With bad padding, MAC the record as if it had none: the MAC check then fails too, after the
  // same work.
  const std::size_t plaintext_size =
      ct::select<std::size_t>(good, size - mac_size_ - 1 - padding, size - mac_size_ - 1);

  std::array<std::uint8_t, kMaxMacSize> computed{};
  std::array<std::uint8_t, kMaxMacSize> received{};
  const MutableByteView computed_view(computed.data(), mac_size_);
  const MutableByteView received_view(received.data(), mac_size_);
  p_.mac_ct->compute(context, body, plaintext_size, max_padding_, computed_view);
  extract_mac_ct(body, plaintext_size, max_padding_, received_view);
  good &= ct::eq_mask<std::size_t>(ct::equal_mask(computed_view, received_view), 0xff);

  // One outcome for a bad padding and a bad MAC alike.
  if (ct::value_barrier(good) == 0) return bad_record_mac_error(name_);
  return body.first(plaintext_size);
}

Result<MutableByteView> CbcProtection::open_encrypt_then_mac(const RecordContext &context,
                                                             MutableByteView fragment) {
  // Public checks: IV, at least one block, the MAC; whole blocks.
  if (fragment.size() < explicit_iv_size_ + block_size_ + mac_size_ ||
      (fragment.size() - explicit_iv_size_ - mac_size_) % block_size_ != 0)
    return bad_record_mac_error(name_);
  const std::size_t covered = fragment.size() - mac_size_;
  std::array<std::uint8_t, kMaxMacSize> computed{};
  const MutableByteView computed_view(computed.data(), mac_size_);
  p_.mac->compute(context, fragment.first(covered), computed_view);
  if (!ct::equal(computed_view, fragment.subspan(covered))) return bad_record_mac_error(name_);

  // The MAC covers the ciphertext: what follows cannot be used as an oracle, but the padding is
  // still checked with masks rather than branches.
  const MutableByteView body = fragment.subspan(explicit_iv_size_, covered - explicit_iv_size_);
  std::array<std::uint8_t, kMaxBlock> iv{};
  take_iv(fragment, body, MutableByteView(iv.data(), block_size_));
  p_.cipher->decrypt(ByteView(iv.data(), block_size_), body);

  const std::size_t size = body.size();
  const std::uint8_t padding = body[size - 1];
  std::size_t good = ct::ge_mask<std::size_t>(size, std::size_t{1} + padding);
  const std::size_t to_check = std::min(kTlsMaxPadding, size);
  std::uint8_t differs = 0;
  for (std::size_t i = 0; i < to_check; ++i) {
    const std::uint8_t in_padding = mask8(ct::ge_mask<std::size_t>(padding, i));
    differs = static_cast<std::uint8_t>(differs | (in_padding & (padding ^ body[size - 1 - i])));
  }
  good &= ct::is_zero_mask<std::size_t>(differs);
  if (ct::value_barrier(good) == 0) return bad_record_mac_error(name_);
  return body.first(size - 1 - padding);
}

}  // namespace tls::record
