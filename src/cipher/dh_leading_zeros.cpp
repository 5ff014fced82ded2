#include "cipher/dh_leading_zeros.hpp"

#include <cstdint>

#include "common/ct.hpp"

namespace tls::cipher {

SecureBuffer strip_leading_zeros_constant_time(ByteView padded) {
  const std::size_t n = padded.size();
  SecureBuffer out(padded.begin(), padded.end());

  // 1. Count the leading zeros without a branch: `in_prefix` stays all ones while every byte
  //    so far was zero and becomes zero at the first non-zero byte; each byte adds
  //    in_prefix & 1 to the count. Every byte is visited.
  std::size_t zeros = 0;
  std::size_t in_prefix = ~std::size_t{0};
  for (std::size_t i = 0; i < n; ++i) {
    in_prefix &= ct::is_zero_mask<std::size_t>(padded[i]);
    zeros += in_prefix & 1;
  }

  // 2. Shift the buffer left by `zeros` as a barrel shifter: for each bit 2^j of the count,
  //    every byte takes either itself or the byte 2^j further on (zero past the end), chosen
  //    with a mask from that bit. The loops and the addresses touched depend on n only.
  //    Ascending i reads out[i + step] before this pass overwrites it.
  for (std::size_t step = 1; step <= n; step <<= 1) {
    // All ones when bit `step` of the count is set: (zeros & step) ^ step is then zero.
    const std::uint8_t take = ct::to_u8(ct::is_zero_mask<std::size_t>((zeros & step) ^ step));
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint8_t next = i + step < n ? out[i + step] : 0;
      out[i] = ct::select<std::uint8_t>(take, next, out[i]);
    }
  }

  // 3. Only the length remains; it is what TLS feeds to the master secret derivation.
  out.resize(n - zeros);
  return out;
}

}  // namespace tls::cipher
