#include "record/mac.hpp"

namespace tls::record {

std::size_t write_mac_header(bool ssl3, const RecordContext &context, std::size_t length,
                             std::array<std::uint8_t, kTlsMacHeaderSize> &out) {
  std::size_t n = 0;
  for (int shift = 56; shift >= 0; shift -= 8)
    out[n++] = static_cast<std::uint8_t>(context.sequence >> shift);
  out[n++] = static_cast<std::uint8_t>(context.type);
  if (!ssl3) {
    out[n++] = static_cast<std::uint8_t>(context.version >> 8);
    out[n++] = static_cast<std::uint8_t>(context.version);
  }
  out[n++] = static_cast<std::uint8_t>(length >> 8);
  out[n++] = static_cast<std::uint8_t>(length);
  return n;
}

std::size_t ssl3_mac_pad_size(cipher::HashAlg alg) {
  return alg == cipher::HashAlg::md5 ? 48 : 40;
}

Result<std::unique_ptr<RecordMac>> RecordMac::create(const cipher::Provider &provider, bool ssl3,
                                                     cipher::HashAlg alg, ByteView key) {
  using cipher::HashAlg;
  std::unique_ptr<RecordMac> mac(new RecordMac());
  mac->ssl3_ = ssl3;
  mac->alg_ = alg;
  mac->size_ = cipher::hash_size(alg);
  if (ssl3) {
    if (alg != HashAlg::md5 && alg != HashAlg::sha1)
      return make_error(
          AlertDescription::internal_error,
          std::string("SSL 3.0 MAC needs MD5 or SHA-1, not ") + cipher::hash_name(alg));
    mac->hash_ = provider.hash(alg);
    mac->key_ = to_secure(key);
    if (!mac->hash_)
      return make_error(AlertDescription::internal_error, "provider has no hash for the MAC");
  } else {
    if (alg == HashAlg::md5_sha1 || mac->size_ > kMaxMacSize)
      return make_error(AlertDescription::internal_error,
                        std::string("no record HMAC with ") + cipher::hash_name(alg));
    mac->hmac_ = provider.hmac(alg, key);
    if (!mac->hmac_)
      return make_error(AlertDescription::internal_error, "provider has no HMAC for the MAC");
  }
  return mac;
}

std::string RecordMac::name() const {
  return std::string(ssl3_ ? "SSL3-MAC-" : "HMAC-") + cipher::hash_name(alg_);
}

void RecordMac::compute(const RecordContext &context, ByteView data, MutableByteView out) {
  std::array<std::uint8_t, kTlsMacHeaderSize> header{};
  const std::size_t header_size = write_mac_header(ssl3_, context, data.size(), header);
  const ByteView header_view(header.data(), header_size);
  if (!ssl3_) {
    hmac_->update(header_view);
    hmac_->update(data);
    hmac_->finish(out);
    return;
  }
  static constexpr std::array<std::uint8_t, 48> kPad1 = [] {
    std::array<std::uint8_t, 48> p{};
    p.fill(0x36);
    return p;
  }();
  static constexpr std::array<std::uint8_t, 48> kPad2 = [] {
    std::array<std::uint8_t, 48> p{};
    p.fill(0x5c);
    return p;
  }();
  const std::size_t pad_size = ssl3_mac_pad_size(alg_);
  std::array<std::uint8_t, kMaxMacSize> inner{};
  const MutableByteView inner_view(inner.data(), size_);
  hash_->update(key_);
  hash_->update(ByteView(kPad1.data(), pad_size));
  hash_->update(header_view);
  hash_->update(data);
  hash_->finish(inner_view);
  hash_->update(key_);
  hash_->update(ByteView(kPad2.data(), pad_size));
  hash_->update(inner_view);
  hash_->finish(out);
}

}  // namespace tls::record
