// Distinguished names: parsing, printing the way openssl prints them, and comparing them the
// way RFC 5280 §7.1 says (so an issuer encoded as PrintableString matches a subject encoded as
// UTF8String with the same text).
#pragma once

#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "x509/der.hpp"

namespace tls::x509 {

struct NameAttribute {
  std::string oid;    // dotted, e.g. "2.5.4.3" (oid::kCommonName)
  der::Tag type;      // the value's ASN.1 type (PrintableString, UTF8String, ...)
  std::string value;  // a string type's value as UTF-8; other types are not decoded
  ByteView encoding;  // the value element as it appears in the certificate
  bool is_string = true;
};

// A RelativeDistinguishedName: one or more attributes (almost always one).
using Rdn = std::vector<NameAttribute>;

struct Name {
  ByteView der;  // the whole Name element, for byte-exact comparison and hashing
  std::vector<Rdn> rdns;
  // The RFC 5280 §7.1 comparison form, computed once by read_name(): two names match when
  // these are equal (see names_match()).
  std::string canonical;

  bool empty() const { return rdns.empty(); }
  // As `openssl x509 -text` prints it: "C = US, O = tlspp, CN = Test Root" (RDNs in
  // certificate order, multi-valued ones joined with " + ", special values quoted, control
  // and non-ASCII octets escaped as \XX).
  std::string to_string() const;
  // The values of every attribute with this OID, in order ("2.5.4.3" for the common names).
  std::vector<std::string> values(std::string_view oid) const;
};

// Parses a Name (SEQUENCE OF SET OF AttributeTypeAndValue) from `r`. Every RDN must have at
// least one attribute; string values must obey their character sets.
Name read_name(der::DerReader &r, const char *what);

// RFC 5280 §7.1 name matching: equal encodings match; otherwise the names match when they
// have the same RDNs with the same attribute types and values, string values compared after
// case folding of ASCII letters and collapsing of white space (as OpenSSL does).
bool names_match(const Name &a, const Name &b);

}  // namespace tls::x509
