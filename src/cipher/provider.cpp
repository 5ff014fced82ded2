// The parts of provider.hpp that do not depend on a backend: names, sizes and conveniences.
#include "cipher/provider.hpp"

namespace tls::cipher {

std::size_t hash_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
      return 16;
    case HashAlg::sha1:
      return 20;
    case HashAlg::sha256:
      return 32;
    case HashAlg::sha384:
      return 48;
    case HashAlg::sha512:
      return 64;
    case HashAlg::md5_sha1:
      return 36;
  }
  return 0;
}

std::size_t hash_block_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha384:
    case HashAlg::sha512:
      return 128;
    default:
      return 64;
  }
}

const char *hash_name(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
      return "MD5";
    case HashAlg::sha1:
      return "SHA1";
    case HashAlg::sha256:
      return "SHA256";
    case HashAlg::sha384:
      return "SHA384";
    case HashAlg::sha512:
      return "SHA512";
    case HashAlg::md5_sha1:
      return "MD5+SHA1";
  }
  return "unknown";
}

Bytes Hash::finish() {
  Bytes out(hash_size(alg()));
  finish(MutableByteView(out));
  return out;
}

Bytes Hmac::finish() {
  Bytes out(hash_size(alg()));
  finish(MutableByteView(out));
  return out;
}

Bytes Provider::digest(HashAlg alg, ByteView data) const {
  auto h = hash(alg);
  h->update(data);
  return h->finish();
}

Bytes Provider::random_bytes(std::size_t n) const {
  Bytes out(n);
  random(out);
  return out;
}

}  // namespace tls::cipher
