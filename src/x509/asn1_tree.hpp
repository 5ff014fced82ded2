// A DER document as a tree of elements, for tools (tls-x509 --asn1), the fuzzers and anyone
// who wants to look inside a structure tlspp does not model. Parsing is strict: every element
// obeys DER (definite, minimal lengths; universal types in their DER form, see
// der::check_universal()), nesting is bounded by der::kMaxDepth, and the elements cover the
// input exactly. Because DER has one encoding per value, encode_tree() of a parsed tree gives
// back the input byte for byte.
#pragma once

#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "x509/der.hpp"

namespace tls::x509 {

struct Asn1Node {
  der::Element element;
  int depth = 0;
  std::vector<Asn1Node> children;  // constructed elements only
};

// The top-level elements of `der` (usually one).
Result<std::vector<Asn1Node>> parse_asn1_tree(ByteView der);

// The DER encoding of the trees: headers recomputed, primitive contents copied.
Bytes encode_asn1_tree(const std::vector<Asn1Node> &nodes);

// Like `openssl asn1parse`: one line per element, "offset:d=depth hl=header l=length
// cons|prim: TAG :value".
std::string dump_asn1_tree(const std::vector<Asn1Node> &nodes);

}  // namespace tls::x509
