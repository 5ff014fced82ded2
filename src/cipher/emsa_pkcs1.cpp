#include "cipher/emsa_pkcs1.hpp"

#include <string>

namespace tls::cipher {

namespace {

// RFC 8017 §9.2, note 1: DER of DigestInfo ::= SEQUENCE { AlgorithmIdentifier (with NULL
// parameters), OCTET STRING } up to the digest itself.
constexpr std::uint8_t kMd5Prefix[] = {0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                       0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10};
constexpr std::uint8_t kSha1Prefix[] = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e,
                                        0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14};
constexpr std::uint8_t kSha256Prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x01, 0x05, 0x00, 0x04, 0x20};
constexpr std::uint8_t kSha384Prefix[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x02, 0x05, 0x00, 0x04, 0x30};
constexpr std::uint8_t kSha512Prefix[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x03, 0x05, 0x00, 0x04, 0x40};

}  // namespace

ByteView digest_info_prefix(HashAlg hash) noexcept {
  switch (hash) {
    case HashAlg::md5:
      return kMd5Prefix;
    case HashAlg::sha1:
      return kSha1Prefix;
    case HashAlg::sha256:
      return kSha256Prefix;
    case HashAlg::sha384:
      return kSha384Prefix;
    case HashAlg::sha512:
      return kSha512Prefix;
    case HashAlg::md5_sha1:
      return {};
  }
  return {};
}

Result<Bytes> emsa_pkcs1_v15_encode(HashAlg hash, ByteView digest, std::size_t em_size) {
  if (hash_size(hash) == 0) {
    return make_error(AlertDescription::illegal_parameter,
                      "PKCS#1 v1.5 signature: unknown hash algorithm " +
                          std::to_string(static_cast<unsigned>(hash)));
  }
  if (digest.size() != hash_size(hash)) {
    return make_error(AlertDescription::internal_error,
                      std::string("PKCS#1 v1.5 signature: digest is ") +
                          std::to_string(digest.size()) + " bytes, " + hash_name(hash) + " gives " +
                          std::to_string(hash_size(hash)));
  }
  const ByteView prefix = digest_info_prefix(hash);
  const std::size_t t_size = prefix.size() + digest.size();
  if (em_size < t_size + 11) {
    return make_error(
        AlertDescription::internal_error,
        std::string("PKCS#1 v1.5 signature: RSA key too small for ") + hash_name(hash));
  }
  Bytes em;
  em.reserve(em_size);
  em.push_back(0x00);
  em.push_back(0x01);
  em.insert(em.end(), em_size - t_size - 3, 0xff);
  em.push_back(0x00);
  append(em, prefix);
  append(em, digest);
  return em;
}

}  // namespace tls::cipher
