// Host-name and IP-address matching against a certificate (RFC 6125, RFC 5280 §4.2.1.6).
//
// The rules, in full (docs/x509.md repeats them):
// - A reference name that parses as an IPv4 or IPv6 address ("192.0.2.1", "2001:db8::1",
//   "[::1]") is matched only against iPAddress entries of subjectAltName, byte for byte.
//   Never against dNSName entries or the common name, even when they hold the same text.
// - Otherwise it is a DNS name, matched against the dNSName entries of subjectAltName. Only
//   when the certificate has no dNSName entry at all are the subject's common names used
//   instead (RFC 6125 §6.4.4).
// - Comparison is ASCII case-insensitive; one trailing dot on the reference name is ignored.
// - A wildcard is allowed only as the whole left-most label ("*.example.com"), matches exactly
//   one non-empty label, and needs at least two labels after it: "*.com" and "*" match
//   nothing, nor do "w*.example.com" or "www.*.example.com".
// - A name containing a NUL octet, an empty label, or a character outside letters, digits,
//   '-', '_' and '.', never matches (neither presented nor reference).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "x509/certificate.hpp"

namespace tls::x509 {

// The 4 or 16 octets of an IP address literal ("192.0.2.1", "2001:db8::1", "[::1]"), or
// nullopt when `text` is not one. IPv4 is strict dotted-quad (four decimal parts of 0..255,
// no leading zeros).
std::optional<Bytes> parse_ip_address(std::string_view text);

// True when the presented DNS identifier (a dNSName or CN value) matches the reference name
// under the rules above. `reference` must not be an IP literal.
bool dns_name_matches(std::string_view presented, std::string_view reference);

struct HostMatch {
  bool ok = false;
  bool is_ip = false;  // the reference was an IP address
  // What the certificate presents, for error messages: "DNS:a.example, IP Address:10.0.0.1"
  // (or "CN:a.example" when the common name was used).
  std::string presented;
};

// Matches a host name or IP address literal against the certificate.
HostMatch match_host(const Certificate &cert, std::string_view host);

}  // namespace tls::x509
