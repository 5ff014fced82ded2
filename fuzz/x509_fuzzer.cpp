// libFuzzer target: certificate parsing and everything that reads a parsed certificate
// (printing, host-name matching, extension lookup, name comparison). A certificate that parses
// is strict DER throughout, so the generic tree parser must accept it and re-encode it to the
// same bytes.
#include <cstdint>

#include "fuzz_check.hpp"
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
    tls::fuzz::require(cert.error().reason.find("at offset") != std::string::npos,
                       "a certificate error names its offset");
    return 0;
  }
  tls::fuzz::require_round_trip(
      tls::Result<tls::Bytes>(tls::Bytes(cert->der().begin(), cert->der().end())), input,
      "Certificate::der()");
  auto tree = parse_asn1_tree(input);
  tls::fuzz::require(tree.ok(), "a parsed certificate is strict DER for the tree parser too");
  tls::fuzz::require_round_trip(tls::Result<tls::Bytes>(encode_asn1_tree(*tree)), input,
                                "certificate DER tree");

  (void)certificate_text(*cert);
  for (const char *host : {"localhost", "a.example.com", "127.0.0.1", "::1", "*.example.com"})
    (void)match_host(*cert, host);
  for (const Extension &ext : cert->extensions().all)
    tls::fuzz::require(cert->extension(ext.oid) == &ext, "lookup by OID finds each extension");
  (void)cert->is_self_signed();
  tls::fuzz::require(names_match(cert->subject(), cert->subject()), "a name matches itself");
  return 0;
}
