#include "record/protection_null.hpp"

#include <array>

#include "common/ct.hpp"

namespace tls::record {

const std::string &NullProtection::name() const {
  static const std::string kName = "NULL";
  return kName;
}

Error bad_record_mac_error(const std::string &protection_name) {
  return make_error(AlertDescription::bad_record_mac,
                    "record failed authentication (" + protection_name + ")");
}

NullMacProtection::NullMacProtection(std::unique_ptr<RecordMac> mac)
    : mac_(std::move(mac)), name_("NULL/" + mac_->name()) {}

Status NullMacProtection::seal(const RecordContext &context, MutableByteView fragment,
                               std::size_t plaintext_size) {
  mac_->compute(context, fragment.first(plaintext_size),
                fragment.subspan(plaintext_size, mac_->size()));
  return {};
}

Result<MutableByteView> NullMacProtection::open(const RecordContext &context,
                                                MutableByteView fragment) {
  const std::size_t mac_size = mac_->size();
  if (fragment.size() < mac_size) return bad_record_mac_error(name_);
  const std::size_t plaintext_size = fragment.size() - mac_size;
  std::array<std::uint8_t, kMaxMacSize> expected{};
  const MutableByteView expected_view(expected.data(), mac_size);
  mac_->compute(context, fragment.first(plaintext_size), expected_view);
  if (!ct::equal(expected_view, fragment.subspan(plaintext_size)))
    return bad_record_mac_error(name_);
  return fragment.first(plaintext_size);
}

}  // namespace tls::record
