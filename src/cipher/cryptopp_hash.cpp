#include "cipher/cryptopp_hash.hpp"

#include <cryptopp/hmac.h>
#include <cryptopp/sha.h>
#define CRYPTOPP_ENABLE_NAMESPACE_WEAK 1
#include <cryptopp/md5.h>

namespace tls::cipher {

namespace {

// One hash algorithm over a Crypto++ HashTransformation. Copying the Crypto++ object copies
// its whole state, which is what clone() needs.
template <class Impl>
class CryptoppHash final : public Hash {
 public:
  explicit CryptoppHash(HashAlg alg) : alg_(alg) {}
  HashAlg alg() const override { return alg_; }
  void update(ByteView data) override { impl_.Update(data.data(), data.size()); }
  void finish(MutableByteView digest) override { impl_.Final(digest.data()); }
  std::unique_ptr<Hash> clone() const override { return std::make_unique<CryptoppHash>(*this); }

 private:
  HashAlg alg_;
  Impl impl_;
};

// MD5(x) || SHA-1(x): two hashes fed the same bytes.
class Md5Sha1Hash final : public Hash {
 public:
  HashAlg alg() const override { return HashAlg::md5_sha1; }
  void update(ByteView data) override {
    md5_.Update(data.data(), data.size());
    sha1_.Update(data.data(), data.size());
  }
  void finish(MutableByteView digest) override {
    md5_.Final(digest.data());
    sha1_.Final(digest.data() + CryptoPP::Weak::MD5::DIGESTSIZE);
  }
  std::unique_ptr<Hash> clone() const override { return std::make_unique<Md5Sha1Hash>(*this); }

 private:
  CryptoPP::Weak::MD5 md5_;
  CryptoPP::SHA1 sha1_;
};

template <class Impl>
class CryptoppHmac final : public Hmac {
 public:
  CryptoppHmac(HashAlg alg, ByteView key) : alg_(alg), impl_(key.data(), key.size()) {}
  HashAlg alg() const override { return alg_; }
  void update(ByteView data) override { impl_.Update(data.data(), data.size()); }
  void finish(MutableByteView mac) override { impl_.Final(mac.data()); }
  std::unique_ptr<Hmac> clone() const override { return std::make_unique<CryptoppHmac>(*this); }

 private:
  HashAlg alg_;
  CryptoPP::HMAC<Impl> impl_;
};

}  // namespace

std::unique_ptr<Hash> make_cryptopp_hash(HashAlg alg) {
  switch (alg) {
    case HashAlg::md5:
      return std::make_unique<CryptoppHash<CryptoPP::Weak::MD5>>(alg);
    case HashAlg::sha1:
      return std::make_unique<CryptoppHash<CryptoPP::SHA1>>(alg);
    case HashAlg::sha256:
      return std::make_unique<CryptoppHash<CryptoPP::SHA256>>(alg);
    case HashAlg::sha384:
      return std::make_unique<CryptoppHash<CryptoPP::SHA384>>(alg);
    case HashAlg::sha512:
      return std::make_unique<CryptoppHash<CryptoPP::SHA512>>(alg);
    case HashAlg::md5_sha1:
      return std::make_unique<Md5Sha1Hash>();
  }
  return nullptr;
}

std::unique_ptr<Hmac> make_cryptopp_hmac(HashAlg alg, ByteView key) {
  switch (alg) {
    case HashAlg::md5:
      return std::make_unique<CryptoppHmac<CryptoPP::Weak::MD5>>(alg, key);
    case HashAlg::sha1:
      return std::make_unique<CryptoppHmac<CryptoPP::SHA1>>(alg, key);
    case HashAlg::sha256:
      return std::make_unique<CryptoppHmac<CryptoPP::SHA256>>(alg, key);
    case HashAlg::sha384:
      return std::make_unique<CryptoppHmac<CryptoPP::SHA384>>(alg, key);
    case HashAlg::sha512:
      return std::make_unique<CryptoppHmac<CryptoPP::SHA512>>(alg, key);
    case HashAlg::md5_sha1:
      return nullptr;
  }
  return nullptr;
}

}  // namespace tls::cipher
