// Turning files and buffers into certificates and keys: PEM (any number of blocks, text
// around them ignored) or DER, told apart by content.
#pragma once

#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "x509/certificate.hpp"
#include "x509/private_key.hpp"

namespace tls::x509 {

// The whole file. Errors name the path and the system's reason.
Result<Bytes> read_file(const std::string &path);
// The same into a SecureBuffer, for files that hold secrets.
Result<SecureBuffer> read_secret_file(const std::string &path);

// Every CERTIFICATE block of a PEM text (other blocks, such as keys, are skipped), or the one
// certificate of a DER buffer. No certificate at all is an error.
Result<std::vector<Certificate>> load_certificates(ByteView pem_or_der);
Result<std::vector<Certificate>> load_certificates_file(const std::string &path);

// A private key from a file (see parse_private_key()); the file's bytes live in a SecureBuffer.
Result<cipher::PrivateKey> load_private_key_file(const std::string &path);

// A certificate chain (leaf first) with the private key of its leaf, as a server or a client
// presents it.
struct CertifiedKey {
  std::vector<Certificate> chain;
  cipher::PrivateKey key;
};

// Loads a chain and its key and refuses the pair unless the key is the leaf's
// (check_key_matches_certificate()).
Result<CertifiedKey> load_certified_key(ByteView chain_pem_or_der, ByteView key_pem_or_der,
                                        const cipher::Provider &provider);
Result<CertifiedKey> load_certified_key_files(const std::string &chain_path,
                                              const std::string &key_path,
                                              const cipher::Provider &provider);

}  // namespace tls::x509
