// libFuzzer target: the strict DER tree parser. Whatever parses must re-encode to exactly the
// input (DER has one encoding per value), and its dump must not fail.
#include <cstdint>

#include "fuzz_check.hpp"
#include "x509/asn1_tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const tls::ByteView input(data, size);
  auto tree = tls::x509::parse_asn1_tree(input);
  if (!tree) {
    tls::fuzz::require(tree.error().reason.find("at offset") != std::string::npos,
                       "a DER error names its offset");
    return 0;
  }
  tls::fuzz::require_round_trip(tls::Result<tls::Bytes>(tls::x509::encode_asn1_tree(*tree)), input,
                                "DER tree");
  (void)tls::x509::dump_asn1_tree(*tree);
  return 0;
}
