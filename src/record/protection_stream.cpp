#include "record/protection_stream.hpp"

#include <array>

#include "common/ct.hpp"
#include "record/protection_null.hpp"

namespace tls::record {

StreamProtection::StreamProtection(std::unique_ptr<cipher::StreamCipher> cipher,
                                   std::unique_ptr<RecordMac> mac)
    : cipher_(std::move(cipher)), mac_(std::move(mac)), name_("RC4-128/" + mac_->name()) {}

Status StreamProtection::seal(const RecordContext &context, MutableByteView fragment,
                              std::size_t plaintext_size) {
  mac_->compute(context, fragment.first(plaintext_size),
                fragment.subspan(plaintext_size, mac_->size()));
  cipher_->process(fragment);
  return {};
}

Result<MutableByteView> StreamProtection::open(const RecordContext &context,
                                               MutableByteView fragment) {
  const std::size_t mac_size = mac_->size();
  // The length is public: a record too short to hold a MAC fails before any work.
  if (fragment.size() < mac_size) return bad_record_mac_error(name_);
  cipher_->process(fragment);
  const std::size_t plaintext_size = fragment.size() - mac_size;
  std::array<std::uint8_t, kMaxMacSize> expected{};
  const MutableByteView expected_view(expected.data(), mac_size);
  mac_->compute(context, fragment.first(plaintext_size), expected_view);
  if (!ct::equal(expected_view, fragment.subspan(plaintext_size)))
    return bad_record_mac_error(name_);
  return fragment.first(plaintext_size);
}

}  // namespace tls::record
