// The null protections: no protection at all (the initial state, TLS_NULL_WITH_NULL_NULL), and
// a MAC without encryption (NULL-MD5, NULL-SHA, NULL-SHA256: integrity only, for teaching and
// debugging).
#pragma once

#include <memory>
#include <string>

#include "record/mac.hpp"
#include "record/protection.hpp"

namespace tls::record {

// The state before the first ChangeCipherSpec: the fragment is the plaintext.
class NullProtection final : public Protection {
 public:
  const std::string &name() const override;
  bool is_initial() const override { return true; }
  std::size_t max_expansion() const override { return 0; }
  std::size_t sealed_size(std::size_t plaintext_size) const override { return plaintext_size; }
  std::size_t plaintext_offset() const override { return 0; }
  Status seal(const RecordContext &, MutableByteView, std::size_t) override { return {}; }
  Result<MutableByteView> open(const RecordContext &, MutableByteView fragment) override {
    return fragment;
  }
};

// fragment = plaintext || MAC.
class NullMacProtection final : public Protection {
 public:
  explicit NullMacProtection(std::unique_ptr<RecordMac> mac);

  const std::string &name() const override { return name_; }
  std::size_t max_expansion() const override { return mac_->size(); }
  std::size_t sealed_size(std::size_t plaintext_size) const override {
    return plaintext_size + mac_->size();
  }
  std::size_t plaintext_offset() const override { return 0; }
  Status seal(const RecordContext &context, MutableByteView fragment,
              std::size_t plaintext_size) override;
  Result<MutableByteView> open(const RecordContext &context, MutableByteView fragment) override;

 private:
  std::unique_ptr<RecordMac> mac_;
  std::string name_;
};

// The one error every failed integrity check returns.
Error bad_record_mac_error(const std::string &protection_name);

}  // namespace tls::record
