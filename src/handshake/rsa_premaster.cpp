#include "handshake/rsa_premaster.hpp"

#include <cassert>

#include "common/ct.hpp"

namespace tls::handshake {

SecureBuffer rsa_premaster_from_decrypted(ByteView decrypted, std::uint16_t client_version,
                                          ByteView fallback) {
  assert(fallback.size() == kPreMasterSize);
  SecureBuffer out(fallback.begin(), fallback.end());
  const std::size_t k = decrypted.size();
  // The modulus length is public: a block too short to hold 00 02 PS(8) 00 M(48) is simply
  // invalid, and the answer is the fallback.
  if (k < 11 + kPreMasterSize) return out;

  using ct::eq_mask;
  using ct::is_zero_mask;
  std::size_t good = eq_mask<std::size_t>(decrypted[0], 0) & eq_mask<std::size_t>(decrypted[1], 2);

  // Find the first zero byte after the padding, scanning every byte.
  std::size_t looking_for_zero = ~std::size_t{0};
  std::size_t zero_index = 0;
  for (std::size_t i = 2; i < k; ++i) {
    const std::size_t is_zero = is_zero_mask<std::size_t>(decrypted[i]);
    zero_index = ct::select<std::size_t>(looking_for_zero & is_zero, i, zero_index);
    looking_for_zero &= ~is_zero;
  }
  good &= ~looking_for_zero;                                         // a separator exists
  good &= ct::ge_mask<std::size_t>(zero_index, 2 + 8);               // at least 8 padding bytes
  good &= eq_mask<std::size_t>(zero_index, k - kPreMasterSize - 1);  // exactly 48 bytes follow

  const ByteView message = decrypted.subspan(k - kPreMasterSize);
  good &= eq_mask<std::size_t>(message[0], client_version >> 8);
  good &= eq_mask<std::size_t>(message[1], client_version & 0xff);

  ct::select_bytes(ct::to_u8(good), message, fallback, out);
  return out;
}

}  // namespace tls::handshake
