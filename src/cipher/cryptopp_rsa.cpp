#include "cipher/cryptopp_rsa.hpp"

#include <cryptopp/modarith.h>
#include <cryptopp/nbtheory.h>
#include <cryptopp/rsa.h>

#include <string>
#include <utility>

#include "cipher/cryptopp_errors.hpp"
#include "cipher/cryptopp_integer.hpp"
#include "cipher/cryptopp_rng.hpp"
#include "cipher/eme_pkcs1.hpp"
#include "cipher/emsa_pkcs1.hpp"
#include "cipher/emsa_pss.hpp"

namespace tls::cipher {

namespace {

using CryptoPP::Integer;

constexpr unsigned kMinModulusBits = 512;
constexpr unsigned kMaxModulusBits = 16384;
// A verification costs one exponentiation by e, so a peer's key with a huge e and a huge modulus
// would make each signature check take seconds. OpenSSL's rule: above 3072 bits of modulus,
// e has at most 64 bits (every real key uses 65537).
constexpr unsigned kLargeModulusBits = 3072;
constexpr unsigned kMaxLargeModulusExponentBits = 64;

Error rsa_error(AlertDescription alert, const std::string &what) {
  return make_error(alert, "RSA: " + what);
}

Status check_public(const Integer &n, const Integer &e) {
  const unsigned bits = n.BitCount();
  if (bits < kMinModulusBits || bits > kMaxModulusBits) {
    return rsa_error(AlertDescription::illegal_parameter,
                     "modulus of " + std::to_string(bits) +
                         " bits (accepted: " + std::to_string(kMinModulusBits) + " to " +
                         std::to_string(kMaxModulusBits) + ")");
  }
  if (n.IsEven()) return rsa_error(AlertDescription::illegal_parameter, "modulus is even");
  if (e.IsEven() || e <= Integer::One() || e >= n) {
    return rsa_error(AlertDescription::illegal_parameter,
                     "public exponent must be odd and 1 < e < n");
  }
  if (bits > kLargeModulusBits && e.BitCount() > kMaxLargeModulusExponentBits) {
    return rsa_error(AlertDescription::illegal_parameter,
                     "public exponent of " + std::to_string(e.BitCount()) + " bits with a " +
                         std::to_string(bits) + "-bit modulus (at most " +
                         std::to_string(kMaxLargeModulusExponentBits) + " bits above " +
                         std::to_string(kLargeModulusBits) + ")");
  }
  return Status::success();
}

std::size_t modulus_size(const Integer &n) {
  return n.ByteCount();
}

// p and q from (n, e, d), as in NIST SP 800-56B Rev. 2 Appendix C.2: d*e - 1 = 2^t * r is a
// multiple of lambda(n), so for most bases g some g^(r * 2^j) is a square root of 1 other than
// +-1, and gcd(that - 1, n) is a factor. Crypto++'s InvertibleRSAFunction::Initialize(n, e, d)
// runs the same search without a bound and never returns for some malformed keys (a prime n),
// so the search here tries a fixed number of bases; a genuine key succeeds with probability at
// least 1/2 per base.
Result<std::pair<Integer, Integer>> recover_primes(const Integer &n, const Integer &e,
                                                   const Integer &d) {
  constexpr long kBases = 100;
  const Integer one = Integer::One();
  auto bad = [](const char *what) {
    return rsa_error(AlertDescription::illegal_parameter, std::string("private key: ") + what);
  };
  if (d <= one || d >= n) return bad("d is not in [2, n-1]");
  Integer r = d * e - one;
  unsigned t = 0;
  while (r.IsEven()) {
    r >>= 1;
    ++t;
  }
  if (t == 0) return bad("d * e - 1 is odd, so d is not an RSA private exponent for e");
  const CryptoPP::ModularArithmetic mod_n(n);
  const Integer n_minus_one = n - one;
  for (long base = 2; base < 2 + kBases; ++base) {
    Integer y = mod_n.Exponentiate(Integer(base), r);
    if (y == one || y == n_minus_one) continue;  // this base says nothing
    bool reached_minus_one = false;
    for (unsigned j = 0; j < t && !reached_minus_one; ++j) {
      const Integer x = mod_n.Square(y);
      if (x == one) {
        // y is a square root of 1 other than +-1: gcd(y - 1, n) is a proper factor.
        const Integer p = Integer::Gcd(y - one, n);
        return std::pair<Integer, Integer>(p, n / p);
      }
      reached_minus_one = x == n_minus_one;
      y = x;
    }
    // Without reaching -1, base^(d*e - 1) != 1: d does not invert e.
    if (!reached_minus_one) return bad("d is not the inverse of e modulo lambda(n)");
  }
  return bad("p and q could not be recovered from n, e and d");
}

// The key's CRT form. When the PrivateKey carries only d, p and q are recovered from (n, e, d).
Result<CryptoPP::InvertibleRSAFunction> load_private(const PrivateKey &key) {
  const PublicKey &pub = key.public_key;
  if (pub.type != KeyType::rsa)
    return rsa_error(AlertDescription::internal_error, "not an RSA key");
  const Integer n = integer_from_bytes(pub.rsa_n);
  const Integer e = integer_from_bytes(pub.rsa_e);
  TLS_TRY(check_public(n, e));
  const Integer d = integer_from_bytes(key.rsa_d);
  const Integer one = Integer::One();
  Integer p, q;
  if (key.rsa_p.empty() && key.rsa_q.empty()) {
    auto primes = recover_primes(n, e, d);
    if (!primes) return primes.error();
    p = primes->first;
    q = primes->second;
  } else {
    p = integer_from_bytes(key.rsa_p);
    q = integer_from_bytes(key.rsa_q);
  }
  if (p <= one || q <= one) {
    return rsa_error(AlertDescription::illegal_parameter, "private key: p or q is not above 1");
  }
  // Fill in CRT values the key may omit; check_consistency() verifies them all.
  const Integer dp = key.rsa_dp.empty() ? d % (p - one) : integer_from_bytes(key.rsa_dp);
  const Integer dq = key.rsa_dq.empty() ? d % (q - one) : integer_from_bytes(key.rsa_dq);
  const Integer qinv = key.rsa_qinv.empty() ? q.InverseMod(p) : integer_from_bytes(key.rsa_qinv);
  CryptoPP::InvertibleRSAFunction f;
  f.Initialize(n, e, d, p, q, dp, dq, qinv);
  return f;
}

// The arithmetic relations of RFC 8017 §3.2 between the key's values.
Status check_consistency(const CryptoPP::InvertibleRSAFunction &f) {
  const Integer one = Integer::One();
  const Integer &n = f.GetModulus(), &e = f.GetPublicExponent(), &d = f.GetPrivateExponent();
  const Integer &p = f.GetPrime1(), &q = f.GetPrime2();
  auto bad = [](const char *what) {
    return rsa_error(AlertDescription::illegal_parameter, std::string("private key: ") + what);
  };
  if (p <= one || q <= one || p * q != n) return bad("n != p * q");
  if (d.IsZero() || d >= n) return bad("d is not in [1, n-1]");
  if ((d * e) % (p - one) != one || (d * e) % (q - one) != one) {
    return bad("d is not the inverse of e modulo p-1 and q-1");
  }
  if (f.GetModPrime1PrivateExponent() != d % (p - one) ||
      f.GetModPrime2PrivateExponent() != d % (q - one)) {
    return bad("CRT exponents do not match d");
  }
  if ((f.GetMultiplicativeInverseOfPrime2ModPrime1() * q) % p != one) {
    return bad("CRT coefficient is not q^-1 mod p");
  }
  return Status::success();
}

class CryptoppRsaPrivateKey final : public PrivateKeyOperations {
 public:
  CryptoppRsaPrivateKey(const PublicKey &pub, CryptoPP::InvertibleRSAFunction f,
                        std::shared_ptr<RandomSource> random)
      : public_key_(pub), f_(std::move(f)), random_(std::move(random)) {}

  const PublicKey &public_key() const override { return public_key_; }

  Result<Bytes> sign(const SignatureParams &params, ByteView digest) override {
    return catch_exceptions("RSA sign", [&]() -> Result<Bytes> {
      const Integer &n = f_.GetModulus();
      const std::size_t k = modulus_size(n);
      Bytes em;
      if (params.alg == SignatureAlg::rsa_pkcs1) {
        auto encoded = emsa_pkcs1_v15_encode(params.hash, digest, k);
        if (!encoded) return encoded.error();
        em = std::move(*encoded);
      } else if (params.alg == SignatureAlg::rsa_pss) {
        Bytes salt(hash_size(params.hash));
        random_->fill(salt);
        auto encoded = emsa_pss_encode(params.hash, digest, salt, n.BitCount() - 1);
        if (!encoded) return encoded.error();
        em = std::move(*encoded);
      } else {
        return rsa_error(AlertDescription::internal_error,
                         "an RSA key signs only with PKCS#1 v1.5 or PSS");
      }
      CryptoppRng rng(*random_);
      // Blinded, and Crypto++ checks the result against the public function before returning
      // it (a fault in the CRT computation would otherwise leak a factor of n).
      const Integer s = f_.CalculateInverse(rng, integer_from_bytes(em));
      return integer_to_bytes(s, k);
    });
  }

  Result<SecureBuffer> rsa_decrypt_raw(ByteView ciphertext) override {
    return catch_exceptions("RSA decrypt", [&]() -> Result<SecureBuffer> {
      const Integer &n = f_.GetModulus();
      const std::size_t k = modulus_size(n);
      if (ciphertext.size() != k) {
        return rsa_error(AlertDescription::decode_error,
                         "ciphertext is " + std::to_string(ciphertext.size()) +
                             " bytes, the modulus " + std::to_string(k));
      }
      const Integer c = integer_from_bytes(ciphertext);
      if (c >= n) return rsa_error(AlertDescription::decrypt_error, "ciphertext is not below n");
      CryptoppRng rng(*random_);
      return integer_to_secure_bytes(f_.CalculateInverse(rng, c), k);
    });
  }

 private:
  PublicKey public_key_;
  CryptoPP::InvertibleRSAFunction f_;  // Crypto++ Integers wipe their storage when freed
  std::shared_ptr<RandomSource> random_;
};

}  // namespace

Status cryptopp_rsa_check_public_key(const PublicKey &key) {
  if (key.type != KeyType::rsa)
    return rsa_error(AlertDescription::internal_error, "not an RSA key");
  return catch_exceptions("RSA public key check", [&]() -> Status {
    return check_public(integer_from_bytes(key.rsa_n), integer_from_bytes(key.rsa_e));
  });
}

Status cryptopp_rsa_verify(const PublicKey &key, const SignatureParams &params, ByteView digest,
                           ByteView signature) {
  if (key.type != KeyType::rsa) {
    return make_error(AlertDescription::illegal_parameter,
                      std::string("RSA signature with an ") + key_type_name(key.type) + " key");
  }
  return catch_exceptions("RSA verify", [&]() -> Status {
    const Integer n = integer_from_bytes(key.rsa_n);
    const Integer e = integer_from_bytes(key.rsa_e);
    TLS_TRY(check_public(n, e));
    const std::size_t k = modulus_size(n);
    // RFC 8017 §8.2.2 step 1 / §8.1.2 step 1: the signature is exactly k bytes.
    if (signature.size() != k) {
      return rsa_error(AlertDescription::decode_error,
                       "signature is " + std::to_string(signature.size()) + " bytes, the modulus " +
                           std::to_string(k));
    }
    const Integer s = integer_from_bytes(signature);
    if (s >= n) return rsa_error(AlertDescription::decrypt_error, "signature is not below n");
    const Integer m = a_exp_b_mod_c(s, e, n);
    if (params.alg == SignatureAlg::rsa_pkcs1) {
      auto expected = emsa_pkcs1_v15_encode(params.hash, digest, k);
      if (!expected) return expected.error();
      if (integer_to_bytes(m, k) != *expected) {
        return rsa_error(AlertDescription::decrypt_error,
                         std::string("PKCS#1 v1.5 signature with ") + hash_name(params.hash) +
                             " does not verify");
      }
      return Status::success();
    }
    if (params.alg == SignatureAlg::rsa_pss) {
      // §8.1.2 step 2c: EM = I2OSP(m, emLen), "invalid" when m does not fit.
      const std::size_t em_bits = n.BitCount() - 1;
      const std::size_t em_size = (em_bits + 7) / 8;
      if (m.ByteCount() > em_size) {
        return rsa_error(AlertDescription::decrypt_error, "PSS signature does not verify");
      }
      return emsa_pss_verify(params.hash, digest, integer_to_bytes(m, em_size), em_bits);
    }
    return make_error(AlertDescription::illegal_parameter,
                      "signature algorithm is not usable with an RSA key");
  });
}

Result<Bytes> cryptopp_rsa_encrypt_pkcs1(const PublicKey &key, ByteView message,
                                         RandomSource &random) {
  if (key.type != KeyType::rsa)
    return rsa_error(AlertDescription::internal_error, "not an RSA key");
  return catch_exceptions("RSA encrypt", [&]() -> Result<Bytes> {
    const Integer n = integer_from_bytes(key.rsa_n);
    const Integer e = integer_from_bytes(key.rsa_e);
    TLS_TRY(check_public(n, e));
    const std::size_t k = modulus_size(n);
    auto em = eme_pkcs1_v15_encode(message, k, random);
    if (!em) return em.error();
    return integer_to_bytes(a_exp_b_mod_c(integer_from_bytes(*em), e, n), k);
  });
}

Status cryptopp_rsa_check_key_pair(const PrivateKey &key, RandomSource &random) {
  return catch_exceptions("RSA key pair check", [&]() -> Status {
    auto f = load_private(key);
    if (!f) return f.error();
    TLS_TRY(check_consistency(*f));
    CryptoppRng rng(random);
    if (!CryptoPP::VerifyPrime(rng, f->GetPrime1(), 1) ||
        !CryptoPP::VerifyPrime(rng, f->GetPrime2(), 1)) {
      return rsa_error(AlertDescription::illegal_parameter, "private key: p or q is not prime");
    }
    return Status::success();
  });
}

Result<std::unique_ptr<PrivateKeyOperations>> make_cryptopp_rsa_private_key(
    const PrivateKey &key, std::shared_ptr<RandomSource> random) {
  return catch_exceptions(
      "RSA private key", [&]() -> Result<std::unique_ptr<PrivateKeyOperations>> {
        auto f = load_private(key);
        if (!f) return f.error();
        TLS_TRY(check_consistency(*f));
        return std::unique_ptr<PrivateKeyOperations>(std::make_unique<CryptoppRsaPrivateKey>(
            key.public_key, std::move(*f), std::move(random)));
      });
}

}  // namespace tls::cipher
