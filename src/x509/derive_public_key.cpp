#include "x509/derive_public_key.hpp"

#include <cryptopp/eccrypto.h>
#include <cryptopp/ecp.h>
#include <cryptopp/integer.h>
#include <cryptopp/oids.h>
#include <sodium.h>

#include "common/secure_buffer.hpp"

namespace tls::x509 {

Result<Bytes> derive_ec_public_point(cipher::KeyType type, ByteView scalar) {
  if (type != cipher::KeyType::ec_p256 && type != cipher::KeyType::ec_p384)
    return make_error(AlertDescription::internal_error, "derive_ec_public_point: not an EC key");
  try {
    const CryptoPP::DL_GroupParameters_EC<CryptoPP::ECP> group(type == cipher::KeyType::ec_p256
                                                                   ? CryptoPP::ASN1::secp256r1()
                                                                   : CryptoPP::ASN1::secp384r1());
    const CryptoPP::Integer x(scalar.data(), scalar.size());
    if (x.IsZero() || x >= group.GetSubgroupOrder())
      return make_error(AlertDescription::illegal_parameter,
                        "EC private key: scalar outside [1, n-1]");
    const CryptoPP::ECP::Point q = group.ExponentiateBase(x);
    Bytes out(group.GetEncodedElementSize(true));
    group.GetCurve().EncodePoint(out.data(), q, false);
    return out;
  } catch (const CryptoPP::Exception &e) {
    return make_error(AlertDescription::internal_error,
                      std::string("EC public key derivation: ") + e.what());
  }
}

Result<Bytes> derive_ed25519_public_key(ByteView seed) {
  if (seed.size() != crypto_sign_ed25519_SEEDBYTES)
    return make_error(AlertDescription::illegal_parameter, "Ed25519 private key is not 32 bytes");
  if (sodium_init() < 0)
    return make_error(AlertDescription::internal_error, "libsodium failed to initialise");
  Bytes pk(crypto_sign_ed25519_PUBLICKEYBYTES);
  SecureBuffer sk(crypto_sign_ed25519_SECRETKEYBYTES);
  if (crypto_sign_ed25519_seed_keypair(pk.data(), sk.data(), seed.data()) != 0)
    return make_error(AlertDescription::internal_error, "Ed25519 key derivation failed");
  return pk;
}

}  // namespace tls::x509
