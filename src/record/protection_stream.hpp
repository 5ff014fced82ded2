// RC4 (the legacy stream-cipher suites): fragment = RC4(plaintext || MAC), the keystream running
// on from record to record in each direction (RFC 5246 §6.2.3.1).
#pragma once

#include <memory>
#include <string>

#include "cipher/provider.hpp"
#include "record/mac.hpp"
#include "record/protection.hpp"

namespace tls::record {

class StreamProtection final : public Protection {
 public:
  StreamProtection(std::unique_ptr<cipher::StreamCipher> cipher, std::unique_ptr<RecordMac> mac);

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
  std::unique_ptr<cipher::StreamCipher> cipher_;
  std::unique_ptr<RecordMac> mac_;
  std::string name_;
};

}  // namespace tls::record
