#include "x509/trust_store.hpp"

#include <algorithm>
#include <filesystem>

#include "x509/load.hpp"
#include "x509/pem.hpp"

namespace tls::x509 {

bool could_have_issued(const Certificate &issuer, const Certificate &cert) {
  if (!names_match(issuer.subject(), cert.issuer())) return false;
  const auto &aki = cert.extensions().authority_key_id;
  const auto &ski = issuer.extensions().subject_key_id;
  if (aki && aki->key_id && ski)
    return aki->key_id->size() == ski->size() &&
           std::equal(ski->begin(), ski->end(), aki->key_id->begin());
  return true;
}

void TrustStore::add(const Certificate &cert) {
  if (!contains(cert)) certs_.push_back(cert);
}

Status TrustStore::add_pem_or_der(ByteView data) {
  auto certs = load_certificates(data);
  if (!certs) return certs.error();
  for (const Certificate &cert : *certs)
    add(cert);
  return Status::success();
}

Status TrustStore::add_file(const std::string &path) {
  auto certs = load_certificates_file(path);
  if (!certs) return certs.error();
  for (const Certificate &cert : *certs)
    add(cert);
  return Status::success();
}

Result<std::size_t> TrustStore::add_directory(const std::string &path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec)
    return make_error(AlertDescription::internal_error,
                      "cannot read CA directory " + path + ": " + ec.message());
  std::vector<std::string> files;
  for (const fs::directory_entry &entry : it) {
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());  // a stable order, whatever the file system's
  std::size_t used = 0;
  for (const std::string &file : files) {
    auto data = read_file(file);
    if (!data) return data.error();
    // A file is a candidate when it holds a PEM certificate or looks like a DER one.
    const bool pem = contains_pem(*data);
    if (pem) {
      auto blocks = parse_pem(*data);
      if (!blocks) return with_context(blocks.error(), file);
      const bool has_cert = std::any_of(blocks->begin(), blocks->end(), [](const PemBlock &b) {
        return b.label == kPemCertificate;
      });
      if (!has_cert) continue;
    } else if (data->empty() || (*data)[0] != 0x30) {
      continue;
    }
    auto certs = load_certificates(*data);
    if (!certs) return with_context(certs.error(), file);
    for (const Certificate &cert : *certs)
      add(cert);
    ++used;
  }
  return used;
}

bool TrustStore::contains(const Certificate &cert) const {
  return std::any_of(certs_.begin(), certs_.end(),
                     [&cert](const Certificate &c) { return c == cert; });
}

std::vector<const Certificate *> TrustStore::find_issuers(const Certificate &cert) const {
  std::vector<const Certificate *> out;
  for (const Certificate &c : certs_)
    if (could_have_issued(c, cert)) out.push_back(&c);
  return out;
}

}  // namespace tls::x509
