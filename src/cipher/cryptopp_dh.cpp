#include "cipher/cryptopp_dh.hpp"

#include <cryptopp/nbtheory.h>

#include <algorithm>
#include <string>

#include "cipher/cryptopp_errors.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/cryptopp_rng.hpp"
#include "cipher/dh_leading_zeros.hpp"

namespace tls::cipher {

namespace {

using CryptoPP::Integer;

constexpr unsigned kMaxPrimeBits = 10000;

// Private exponent bits for an RFC 7919 group: RFC 7919 A.1-A.3 ask for at least 225, 275 and
// 325 bits for ffdhe2048, 3072 and 4096.
unsigned short_exponent_bits(unsigned prime_bits) {
  if (prime_bits <= 2048) return 256;
  if (prime_bits <= 3072) return 320;
  return 384;
}

bool is_rfc7919_prime(ByteView p) {
  for (NamedGroup g : {NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096}) {
    const Bytes &known = ffdhe_group(g).p;
    if (p.size() == known.size() && std::equal(p.begin(), p.end(), known.begin())) return true;
  }
  return false;
}

class CryptoppDhKeyShare final : public KeyShare {
 public:
  CryptoppDhKeyShare(Integer p, Integer x, Bytes public_value)
      : p_(std::move(p)), x_(std::move(x)), public_value_(std::move(public_value)) {}

  ByteView public_value() const override { return public_value_; }

  Result<SecureBuffer> derive(ByteView peer_public) override {
    const std::size_t p_size = p_.ByteCount();
    if (peer_public.empty() || peer_public.size() > p_size) {
      return make_error(AlertDescription::illegal_parameter,
                        "DH: peer public value is " + std::to_string(peer_public.size()) +
                            " bytes, p is " + std::to_string(p_size));
    }
    return catch_exceptions("DH derive", [&]() -> Result<SecureBuffer> {
      const Integer y = integer_from_bytes(peer_public);
      // 1 < Y < p-1: refuses 0, 1 and p-1 (the elements of order 1 and 2), and anything not
      // reduced mod p. For a safe prime those are the only small-subgroup elements.
      if (y <= Integer::One() || y >= p_ - Integer::One()) {
        return make_error(AlertDescription::illegal_parameter,
                          "DH: peer public value is not in the range 1 < Y < p-1");
      }
      const SecureBuffer z = integer_to_secure_bytes(a_exp_b_mod_c(y, x_, p_), p_size);
      return strip_leading_zeros_constant_time(z);
    });
  }

 private:
  Integer p_;
  Integer x_;  // Crypto++ Integers wipe their storage when freed
  Bytes public_value_;
};

// The checks on (p, g) that every key share makes.
Status check_group(const Integer &p, const Integer &g, std::size_t min_bits) {
  const unsigned bits = p.BitCount();
  if (bits == 0) return make_error(AlertDescription::illegal_parameter, "DH: p is empty");
  if (bits < min_bits) {
    return make_error(AlertDescription::insufficient_security,
                      "DH: p has " + std::to_string(bits) + " bits, at least " +
                          std::to_string(min_bits) + " required");
  }
  if (bits > kMaxPrimeBits) {
    return make_error(AlertDescription::illegal_parameter,
                      "DH: p has " + std::to_string(bits) + " bits, at most " +
                          std::to_string(kMaxPrimeBits) + " accepted");
  }
  if (p.IsEven()) return make_error(AlertDescription::illegal_parameter, "DH: p is even");
  if (g <= Integer::One() || g >= p - Integer::One()) {
    return make_error(AlertDescription::illegal_parameter, "DH: g is not in 1 < g < p-1");
  }
  return Status::success();
}

std::unique_ptr<KeyShare> make_key_share(const Integer &p, const Integer &g, Integer x) {
  const Integer y = a_exp_b_mod_c(g, x, p);
  return std::make_unique<CryptoppDhKeyShare>(p, std::move(x), integer_to_bytes(y, p.ByteCount()));
}

}  // namespace

Result<std::unique_ptr<KeyShare>> make_cryptopp_dh_key_share(const DhGroup &group,
                                                             std::size_t min_bits,
                                                             std::shared_ptr<RandomSource> random) {
  return catch_exceptions("DH key share", [&]() -> Result<std::unique_ptr<KeyShare>> {
    const Integer p = integer_from_bytes(group.p);
    const Integer g = integer_from_bytes(group.g);
    TLS_TRY(check_group(p, g, min_bits));
    CryptoppRng rng(*random);
    const Integer two = Integer::Two();
    Integer x;
    if (is_rfc7919_prime(group.p)) {
      const Integer limit = Integer::Power2(short_exponent_bits(p.BitCount())) - Integer::One();
      x = Integer(rng, two, limit);
    } else {
      x = Integer(rng, two, p - two);
    }
    return make_key_share(p, g, std::move(x));
  });
}

Result<std::unique_ptr<KeyShare>> make_cryptopp_dh_key_share(const DhGroup &group,
                                                             std::size_t min_bits,
                                                             ByteView private_key) {
  return catch_exceptions("DH key share", [&]() -> Result<std::unique_ptr<KeyShare>> {
    const Integer p = integer_from_bytes(group.p);
    const Integer g = integer_from_bytes(group.g);
    TLS_TRY(check_group(p, g, min_bits));
    Integer x = integer_from_bytes(private_key);
    if (x <= Integer::One() || x >= p - Integer::One()) {
      return make_error(AlertDescription::illegal_parameter,
                        "DH: private exponent is not in 1 < x < p-1");
    }
    return make_key_share(p, g, std::move(x));
  });
}

}  // namespace tls::cipher
