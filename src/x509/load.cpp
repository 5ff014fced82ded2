#include "x509/load.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/secure_buffer.hpp"
#include "x509/pem.hpp"

namespace tls::x509 {

namespace {

// Reads a whole file into a Bytes or a SecureBuffer (for keys: every reallocation of a
// SecureBuffer zeroes the memory it leaves).
template <class Container>
Result<Container> read_into(const std::string &path) {
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f)
    return make_error(AlertDescription::internal_error,
                      "cannot open " + path + ": " + std::strerror(errno));
  Container out;
  std::uint8_t buf[4096];
  for (;;) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    out.insert(out.end(), buf, buf + n);
    if (n < sizeof buf) break;
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  secure_zero(buf, sizeof buf);
  if (failed) return make_error(AlertDescription::internal_error, "cannot read " + path);
  return out;
}

}  // namespace

Result<Bytes> read_file(const std::string &path) {
  return read_into<Bytes>(path);
}

Result<SecureBuffer> read_secret_file(const std::string &path) {
  return read_into<SecureBuffer>(path);
}

Result<std::vector<Certificate>> load_certificates(ByteView pem_or_der) {
  std::vector<Certificate> certs;
  if (!contains_pem(pem_or_der)) {
    auto cert = Certificate::parse(pem_or_der);
    if (!cert) return cert.error();
    certs.push_back(std::move(*cert));
    return certs;
  }
  auto blocks = parse_pem(pem_or_der);
  if (!blocks) return blocks.error();
  for (const PemBlock &block : *blocks) {
    if (block.label != kPemCertificate) continue;
    auto cert = Certificate::parse(block.der);
    if (!cert)
      return with_context(cert.error(),
                          "PEM CERTIFICATE block at line " + std::to_string(block.line));
    certs.push_back(std::move(*cert));
  }
  if (certs.empty()) return make_error(AlertDescription::decode_error, "PEM: no CERTIFICATE block");
  return certs;
}

Result<std::vector<Certificate>> load_certificates_file(const std::string &path) {
  auto data = read_file(path);
  if (!data) return data.error();
  auto certs = load_certificates(*data);
  if (!certs) return with_context(certs.error(), path);
  return certs;
}

Result<cipher::PrivateKey> load_private_key_file(const std::string &path) {
  auto data = read_secret_file(path);
  if (!data) return data.error();
  auto key = parse_private_key(*data);
  if (!key) return with_context(key.error(), path);
  return key;
}

Result<CertifiedKey> load_certified_key(ByteView chain_pem_or_der, ByteView key_pem_or_der,
                                        const cipher::Provider &provider) {
  auto chain = load_certificates(chain_pem_or_der);
  if (!chain) return chain.error();
  auto key = parse_private_key(key_pem_or_der);
  if (!key) return key.error();
  TLS_TRY(check_key_matches_certificate(*key, chain->front(), provider));
  return CertifiedKey{std::move(*chain), std::move(*key)};
}

Result<CertifiedKey> load_certified_key_files(const std::string &chain_path,
                                              const std::string &key_path,
                                              const cipher::Provider &provider) {
  auto chain = read_file(chain_path);
  if (!chain) return chain.error();
  auto key = read_secret_file(key_path);
  if (!key) return key.error();
  auto result = load_certified_key(*chain, *key, provider);
  if (!result) return with_context(result.error(), chain_path + " + " + key_path);
  return result;
}

}  // namespace tls::x509
