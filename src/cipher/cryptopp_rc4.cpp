#include "cipher/cryptopp_rc4.hpp"

#define CRYPTOPP_ENABLE_NAMESPACE_WEAK 1
#include <cryptopp/arc4.h>

#include <string>

#include "cipher/cryptopp_errors.hpp"

namespace tls::cipher {

namespace {

class CryptoppRc4 final : public StreamCipher {
 public:
  explicit CryptoppRc4(ByteView key) { rc4_.SetKey(key.data(), key.size()); }
  void process(MutableByteView data) override {
    if (!data.empty()) rc4_.ProcessData(data.data(), data.data(), data.size());
  }

 private:
  CryptoPP::Weak::ARC4 rc4_;
};

}  // namespace

Result<std::unique_ptr<StreamCipher>> make_cryptopp_rc4(ByteView key) {
  if (key.empty() || key.size() > 256) {
    return make_error(AlertDescription::internal_error,
                      "RC4: key is " + std::to_string(key.size()) + " bytes, expected 1 to 256");
  }
  return catch_exceptions("RC4 key setup", [&]() -> Result<std::unique_ptr<StreamCipher>> {
    return std::unique_ptr<StreamCipher>(std::make_unique<CryptoppRc4>(key));
  });
}

}  // namespace tls::cipher
