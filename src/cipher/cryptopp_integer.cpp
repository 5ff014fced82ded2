#include "cipher/cryptopp_integer.hpp"

namespace tls::cipher {

CryptoPP::Integer integer_from_bytes(ByteView bytes) {
  if (bytes.empty()) return CryptoPP::Integer::Zero();
  return CryptoPP::Integer(bytes.data(), bytes.size(), CryptoPP::Integer::UNSIGNED,
                           CryptoPP::BIG_ENDIAN_ORDER);
}

Bytes integer_to_bytes(const CryptoPP::Integer &value, std::size_t size) {
  Bytes out(size);
  if (size != 0) value.Encode(out.data(), out.size(), CryptoPP::Integer::UNSIGNED);
  return out;
}

SecureBuffer integer_to_secure_bytes(const CryptoPP::Integer &value, std::size_t size) {
  SecureBuffer out(size);
  if (size != 0) value.Encode(out.data(), out.size(), CryptoPP::Integer::UNSIGNED);
  return out;
}

}  // namespace tls::cipher
