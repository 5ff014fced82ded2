// libFuzzer target: private keys (PKCS#1, PKCS#8, SEC1, from DER or PEM) and public keys
// (SubjectPublicKeyInfo). A key that parses, encoded again in its format, must parse to the
// same key.
#include <cstdint>

#include "fuzz_check.hpp"
#include "x509/private_key.hpp"
#include "x509/public_key.hpp"

namespace {

bool same(const tls::cipher::PrivateKey &a, const tls::cipher::PrivateKey &b) {
  return a.public_key == b.public_key && a.secret == b.secret && a.rsa_d == b.rsa_d &&
         a.rsa_p == b.rsa_p && a.rsa_q == b.rsa_q && a.rsa_dp == b.rsa_dp && a.rsa_dq == b.rsa_dq &&
         a.rsa_qinv == b.rsa_qinv;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace tls::x509;
  const tls::ByteView input(data, size);
  PrivateKeyFormat format;
  auto key = parse_private_key(input, &format);
  if (key) {
    auto encoded = encode_private_key(*key, format);
    tls::fuzz::require(encoded.ok(), "a parsed key encodes in its own format");
    auto again = parse_private_key_der(*encoded, format);
    tls::fuzz::require(again.ok() && same(*key, *again), "a re-encoded key parses to the same key");
  }
  for (PrivateKeyFormat f :
       {PrivateKeyFormat::pkcs1, PrivateKeyFormat::pkcs8, PrivateKeyFormat::sec1})
    (void)parse_private_key_der(input, f);
  auto spki = parse_subject_public_key_info(input);
  if (spki) {
    auto again = parse_subject_public_key_info(encode_subject_public_key_info(spki->key));
    tls::fuzz::require(again.ok() && again->key == spki->key,
                       "a re-encoded SubjectPublicKeyInfo parses to the same key");
  }
  (void)parse_rsa_public_key(input);
  return 0;
}
