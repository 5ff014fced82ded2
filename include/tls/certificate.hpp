// A parsed X.509 certificate as the public API hands it out: the peer's chain, the certificate
// a verify callback is asked about. Cheap to copy (the parsed form is shared).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <tls/error.hpp>

namespace tls {

namespace x509 {
class Certificate;
}

class Certificate {
 public:
  // Parses one DER certificate, or the first certificate of a PEM text.
  static Result<Certificate> parse(std::span<const std::uint8_t> pem_or_der);
  // Every certificate of a PEM file (or the one of a DER file), in file order.
  static Result<std::vector<Certificate>> load_file(const std::string &path);

  std::span<const std::uint8_t> der() const;
  std::string pem() const;
  // As `openssl x509 -subject/-issuer` prints them: "C = US, O = tlspp, CN = Test Root".
  std::string subject() const;
  std::string issuer() const;
  std::string serial_hex() const;   // "01:a2:..."
  std::int64_t not_before() const;  // seconds since the Unix epoch
  std::int64_t not_after() const;
  // subjectAltName entries as OpenSSL prints them: "DNS:a.example", "IP Address:127.0.0.1".
  std::vector<std::string> subject_alt_names() const;
  // "RSA 2048", "EC P-256 256", "Ed25519 255"
  std::string public_key_description() const;
  // A multi-line description in the spirit of `openssl x509 -text -noout`.
  std::string text() const;

  // For code inside tlspp (the internal x509 form).
  explicit Certificate(const x509::Certificate &cert);
  const x509::Certificate &internal() const { return *cert_; }

 private:
  std::shared_ptr<const x509::Certificate> cert_;
};

}  // namespace tls
