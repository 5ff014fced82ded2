#include "support/interop_matrix.hpp"

#include <cctype>
#include <set>
#include <sstream>

#include "support/process.hpp"

namespace tls::test {
namespace {

// Whether the installed openssl has the suite at all (Debian's OpenSSL 3.0 has no 3DES; builds
// differ): its full list, asked once.
bool openssl_has_suite(const cipher::CipherSuite &suite) {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    const auto list = run("openssl ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' 2>/dev/null");
    std::stringstream words(list.value_or(""));
    std::string word;
    while (std::getline(words, word, ':')) {
      while (!word.empty() && (word.back() == '\n' || word.back() == '\r'))
        word.pop_back();
      out.insert(word);
    }
    return out;
  }();
  return names.count(suite.name) != 0;
}

}  // namespace

bool peer_supports_suite(PeerTool tool, ProtocolVersion version, const cipher::CipherSuite &suite) {
  if (!peer_supports(tool, version) || !suite.allows(version)) return false;
  // RC4: openssl 3 keeps it in the legacy provider, GnuTLS and NSS have it off (RFC 7465).
  if (suite.cipher == cipher::BulkCipher::rc4_128) return false;
  // NULL encryption: only openssl lets the command line enable it.
  if (suite.cipher == cipher::BulkCipher::null && tool != PeerTool::openssl) return false;
  if (tool == PeerTool::openssl && !openssl_has_suite(suite)) return false;
  return true;
}

std::vector<MatrixCase> matrix_cases() {
  std::vector<MatrixCase> cases;
  for (PeerTool tool : {PeerTool::openssl, PeerTool::gnutls, PeerTool::nss})
    for (ProtocolVersion v : {ProtocolVersion::tls12, ProtocolVersion::tls11,
                              ProtocolVersion::tls10, ProtocolVersion::ssl3})
      for (const cipher::CipherSuite &suite : cipher::all_suites()) {
        if (v != ProtocolVersion::tls12 && suite.bulk().kind != cipher::CipherKind::cbc) continue;
        if (peer_supports_suite(tool, v, suite)) cases.push_back({tool, v, &suite});
      }
  return cases;
}

std::string matrix_case_name(const MatrixCase &c) {
  std::string name =
      std::string(tool_name(c.tool)) + "_" + version_name(c.version) + "_" + c.suite->name;
  for (char &ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

std::string server_cert_for(const cipher::CipherSuite &suite) {
  return suite.auth == cipher::aECDSA ? "server-p256" : "server-rsa2048";
}

PeerOptions pinned_options(const MatrixCase &c, PeerRole role) {
  PeerOptions o;
  o.min_version = o.max_version = c.version;
  o.ciphers = {c.suite->name};
  if (role == PeerRole::server) {
    o.cert_chain = data_file(server_cert_for(*c.suite) + ".chain.pem");
    o.key = data_file(server_cert_for(*c.suite) + ".key");
  }
  return o;
}

void PrintTo(const MatrixCase &c, std::ostream *os) {
  *os << matrix_case_name(c);
}

}  // namespace tls::test
