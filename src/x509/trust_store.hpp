// Trust anchors: the certificates path building may end at. Filled from a CA file (any number
// of PEM certificates, text around them ignored), a CA directory (every file in it that holds
// certificates; others are skipped), or in memory. Duplicates are kept once.
#pragma once

#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "x509/certificate.hpp"

namespace tls::x509 {

class TrustStore {
 public:
  void add(const Certificate &cert);
  // Every certificate of a PEM text or the one of a DER buffer.
  Status add_pem_or_der(ByteView data);
  // A CA file.
  Status add_file(const std::string &path);
  // A CA directory: each regular file (symbolic links followed) with PEM certificates or one
  // DER certificate is added; files with no certificate are skipped; a file whose
  // certificates fail to parse is an error naming it. Returns how many files were used.
  Result<std::size_t> add_directory(const std::string &path);

  const std::vector<Certificate> &certificates() const { return certs_; }
  std::size_t size() const { return certs_.size(); }
  bool empty() const { return certs_.empty(); }
  // True when this exact certificate (same DER) is in the store.
  bool contains(const Certificate &cert) const;
  // The certificates whose subject matches `cert`'s issuer name (RFC 5280 name matching) and
  // whose subjectKeyIdentifier, when both sides have one, equals `cert`'s
  // authorityKeyIdentifier.
  std::vector<const Certificate *> find_issuers(const Certificate &cert) const;

 private:
  std::vector<Certificate> certs_;
};

// True when `issuer` may have issued `cert` by name and key identifier (no signature check).
bool could_have_issued(const Certificate &issuer, const Certificate &cert);

}  // namespace tls::x509
