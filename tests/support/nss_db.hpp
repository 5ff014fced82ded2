// A throw-away NSS certificate database (the `sql:` kind selfserv and tstclnt read), filled from
// the PEM certificates and keys of tests/data with certutil and pk12util. openssl makes the
// PKCS#12 file pk12util imports, so NSS tests need the openssl command line too.
#pragma once

#include <memory>
#include <string>

#include "support/temp_dir.hpp"

namespace tls::test {

class NssDb {
 public:
  // An empty database with no password; nullptr, the reason in *error, when the tools fail.
  static std::unique_ptr<NssDb> create(std::string *error = nullptr);

  // Trusts a CA certificate (PEM file) for issuing server and client certificates.
  bool add_trust_anchor(const std::string &ca_pem, const std::string &nickname,
                        std::string *error = nullptr);
  // Imports a certificate chain (PEM, leaf first) and the leaf's private key (PEM) under
  // `nickname`, which selfserv -n / -e and tstclnt -n then name.
  bool add_key(const std::string &chain_pem, const std::string &key_pem,
               const std::string &nickname, std::string *error = nullptr);

  // "sql:<dir>", for -d.
  std::string spec() const { return "sql:" + dir_.path(); }

 private:
  NssDb() : dir_("tlspp-nssdb") {}
  TempDir dir_;
  int imported_ = 0;
};

// Whether selfserv, tstclnt, certutil and pk12util (package libnss3-tools) and openssl are there.
bool have_nss_tools();

}  // namespace tls::test
