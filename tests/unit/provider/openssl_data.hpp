// The OpenSSL-made figures in tests/data/provider/openssl_data.txt (see make_test_data.sh):
// keys, signatures, an RSA ciphertext and key agreements, made by an implementation other
// than tlspp's, for the provider tests to check against.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cipher/provider.hpp"

namespace tls::cipher::testing {

struct OpensslSignature {
  std::string key;  // name of the key in OpensslData::keys
  SignatureParams params;
  Bytes message;
  Bytes signature;
};

struct OpensslEncryption {
  std::string key;
  Bytes plaintext;
  Bytes ciphertext;
};

struct OpensslAgreement {
  NamedGroup group = NamedGroup::x25519;
  Bytes private_key;
  Bytes public_value;
  Bytes peer_public;
  Bytes shared;                        // as OpenSSL derives it (DH: leading zeros stripped)
  std::optional<Bytes> shared_padded;  // DH: the same, left-padded to the length of p
};

struct OpensslData {
  std::map<std::string, PrivateKey> keys;  // rsa2048, rsa1024, p256, p384, ed25519
  std::vector<OpensslSignature> signatures;
  std::vector<OpensslEncryption> encryptions;
  std::vector<OpensslAgreement> agreements;
};

// Parsed once; a malformed file fails the calling test.
const OpensslData &openssl_data();

// Unsigned big-endian bytes without leading zero bytes.
Bytes strip_zeros(ByteView bytes);

}  // namespace tls::cipher::testing
