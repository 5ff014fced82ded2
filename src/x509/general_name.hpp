// GeneralName (RFC 5280 §4.2.1.6): the names in subjectAltName, name constraints and
// authorityKeyIdentifier. dNSName, rfc822Name, URI, iPAddress, registeredID and directoryName
// are decoded; the other forms are kept as raw bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "x509/der.hpp"
#include "x509/name.hpp"

namespace tls::x509 {

enum class GeneralNameType : std::uint8_t {
  other_name = 0,
  rfc822_name = 1,
  dns_name = 2,
  x400_address = 3,
  directory_name = 4,
  edi_party_name = 5,
  uri = 6,
  ip_address = 7,
  registered_id = 8,
};

struct GeneralName {
  GeneralNameType type = GeneralNameType::dns_name;
  // rfc822Name, dNSName, URI: the IA5String octets exactly (a NUL octet is kept, so that host
  // matching can refuse it); registeredID: the dotted OID.
  std::string text;
  // iPAddress: 4 or 16 octets (8 or 32 in name constraints: address then mask).
  // Other forms: the contents octets.
  ByteView bytes;
  Name directory_name;  // directoryName only
  ByteView encoding;    // the whole GeneralName element

  // As openssl prints it: "DNS:a.example", "IP Address:127.0.0.1", "email:a@b",
  // "URI:https://x", "DirName:CN = x", "Registered ID:1.2.3", "othername:<unsupported>";
  // in name constraints an address range prints as "IP:10.0.0.0/255.0.0.0".
  std::string to_string() const;
};

// Reads one GeneralName. `in_name_constraints` changes the iPAddress form (address + mask).
GeneralName read_general_name(der::DerReader &r, bool in_name_constraints = false);

// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, with the given tag (SEQUENCE, or
// [1] IMPLICIT inside authorityKeyIdentifier).
std::vector<GeneralName> read_general_names(der::DerReader &r, der::Tag tag, const char *what);

// "127.0.0.1", "::1"-style text for 4 or 16 address octets (IPv6 in openssl's uncompressed
// upper-case form "0:0:0:0:0:0:0:1" when `openssl_style`, else RFC 5952 compressed form).
std::string ip_to_string(ByteView address, bool openssl_style = false);

}  // namespace tls::x509
