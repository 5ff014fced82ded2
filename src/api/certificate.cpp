// tls::Certificate: the public face of a parsed x509::Certificate.
#include <tls/certificate.hpp>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "x509/certificate.hpp"
#include "x509/certificate_text.hpp"
#include "x509/load.hpp"
#include "x509/pem.hpp"

namespace tls {

Certificate::Certificate(const x509::Certificate &cert)
    : cert_(std::make_shared<const x509::Certificate>(cert)) {}

Result<Certificate> Certificate::parse(std::span<const std::uint8_t> pem_or_der) {
  auto certs = x509::load_certificates(pem_or_der);
  if (!certs) return certs.error();
  return Certificate(certs->front());
}

Result<std::vector<Certificate>> Certificate::load_file(const std::string &path) {
  auto certs = x509::load_certificates_file(path);
  if (!certs) return certs.error();
  std::vector<Certificate> out;
  out.reserve(certs->size());
  for (const auto &cert : *certs)
    out.emplace_back(cert);
  return out;
}

std::span<const std::uint8_t> Certificate::der() const {
  return cert_->der();
}

std::string Certificate::pem() const {
  return x509::encode_pem("CERTIFICATE", cert_->der());
}

std::string Certificate::subject() const {
  return cert_->subject().to_string();
}
std::string Certificate::issuer() const {
  return cert_->issuer().to_string();
}
std::string Certificate::serial_hex() const {
  return x509::colon_hex(cert_->serial());
}
std::int64_t Certificate::not_before() const {
  return cert_->not_before();
}
std::int64_t Certificate::not_after() const {
  return cert_->not_after();
}

std::vector<std::string> Certificate::subject_alt_names() const {
  std::vector<std::string> out;
  for (const auto &name : cert_->subject_alt_names())
    out.push_back(name.to_string());
  return out;
}

std::string Certificate::public_key_description() const {
  const auto &key = cert_->public_key();
  return std::string(cipher::key_type_name(key.type)) + " " + std::to_string(key.bits());
}

std::string Certificate::text() const {
  return x509::certificate_text(*cert_);
}

}  // namespace tls
