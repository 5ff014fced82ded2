// libFuzzer target: certificate parsing and everything that reads a parsed certificate
// (printing, host-name matching, extension lookup, name comparison). A certificate that parses
// is strict DER throughout, so the generic tree parser must accept it and re-encode it to the
// same bytes.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "x509/asn1_tree.hpp"
#include "x509/certificate.hpp"
#include "x509/certificate_text.hpp"
#include "x509/hostname.hpp"
#include "x509/oid.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace tls::x509;
  const tls::ByteView input(data, size);
  auto cert = Certificate::parse(input);
  if (!cert) {
    if (cert.error().reason.find("at offset") == std::string::npos) std::abort();
    return 0;
  }
  if (cert->der().size() != size || std::memcmp(cert->der().data(), data, size) != 0) std::abort();
  auto tree = parse_asn1_tree(input);
  if (!tree) std::abort();  // the certificate parser accepted something that is not strict DER
  const tls::Bytes again = encode_asn1_tree(*tree);
  if (again.size() != size || std::memcmp(again.data(), data, size) != 0) std::abort();

  (void)certificate_text(*cert);
  for (const char *host : {"localhost", "a.example.com", "127.0.0.1", "::1", "*.example.com"})
    (void)match_host(*cert, host);
  for (const Extension &ext : cert->extensions().all)
    if (cert->extension(ext.oid) != &ext) std::abort();  // lookup finds each extension
  (void)cert->is_self_signed();
  if (!names_match(cert->subject(), cert->subject())) std::abort();
  return 0;
}
