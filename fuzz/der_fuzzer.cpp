// libFuzzer target: the strict DER tree parser. Whatever parses must re-encode to exactly the
// input (DER has one encoding per value), and its dump must not fail.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "x509/asn1_tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const tls::ByteView input(data, size);
  auto tree = tls::x509::parse_asn1_tree(input);
  if (!tree) {
    // A failure always names where it happened.
    if (tree.error().reason.find("at offset") == std::string::npos) std::abort();
    return 0;
  }
  const tls::Bytes again = tls::x509::encode_asn1_tree(*tree);
  if (again.size() != size || std::memcmp(again.data(), data, size) != 0) std::abort();
  (void)tls::x509::dump_asn1_tree(*tree);
  return 0;
}
