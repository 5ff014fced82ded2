#include "cipher/eme_pkcs1.hpp"

#include <algorithm>
#include <string>

namespace tls::cipher {

Result<Bytes> eme_pkcs1_v15_encode(ByteView message, std::size_t em_size, RandomSource &random) {
  if (em_size < 11 || message.size() > em_size - 11) {
    return make_error(AlertDescription::internal_error,
                      "RSA PKCS#1 v1.5 encryption: " + std::to_string(message.size()) +
                          "-byte message too long for a " + std::to_string(em_size) +
                          "-byte modulus");
  }
  Bytes em(em_size);
  em[0] = 0x00;
  em[1] = 0x02;
  const std::size_t ps_end = em_size - message.size() - 1;
  // PS: random bytes, each redrawn until it is non-zero.
  MutableByteView ps = MutableByteView(em).subspan(2, ps_end - 2);
  random.fill(ps);
  for (std::uint8_t &b : ps) {
    while (b == 0)
      random.fill(MutableByteView(&b, 1));
  }
  em[ps_end] = 0x00;
  std::copy(message.begin(), message.end(), em.begin() + static_cast<std::ptrdiff_t>(ps_end + 1));
  return em;
}

}  // namespace tls::cipher
