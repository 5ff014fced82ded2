#include "x509/hostname.hpp"

#include <gtest/gtest.h>

#include "common/hex.hpp"
#include "x509_test_util.hpp"

namespace tls::x509 {
namespace {

using test::load_cert;

std::string ip_hex(std::string_view text) {
  const auto ip = parse_ip_address(text);
  return ip ? to_hex(*ip) : "none";
}

TEST(Hostname, IpAddressLiterals) {
  EXPECT_EQ(ip_hex("127.0.0.1"), "7f000001");
  EXPECT_EQ(ip_hex("255.255.255.255"), "ffffffff");
  EXPECT_EQ(ip_hex("::1"), "00000000000000000000000000000001");
  EXPECT_EQ(ip_hex("[::1]"), "00000000000000000000000000000001");
  EXPECT_EQ(ip_hex("2001:db8::1"), "20010db8000000000000000000000001");
  EXPECT_EQ(ip_hex("2001:DB8:0:0:0:0:0:1"), "20010db8000000000000000000000001");
  EXPECT_EQ(ip_hex("::ffff:192.0.2.1"), "00000000000000000000ffffc0000201");
  EXPECT_EQ(ip_hex("fe80::"), "fe800000000000000000000000000000");
  EXPECT_EQ(ip_hex("::"), "00000000000000000000000000000000");
  for (const char *bad : {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4 ", "1..3.4",
                          "localhost", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3",
                          "12345::", "::g", "1:", ":1", "[::1", "", "0x7f.0.0.1"}) {
    EXPECT_EQ(ip_hex(bad), "none") << bad;
  }
}

TEST(Hostname, DnsMatchingRules) {
  EXPECT_TRUE(dns_name_matches("www.example.com", "www.example.com"));
  EXPECT_TRUE(dns_name_matches("WWW.Example.COM", "www.example.com"));   // case
  EXPECT_TRUE(dns_name_matches("www.example.com", "www.example.com."));  // absolute name
  EXPECT_FALSE(dns_name_matches("www.example.com.", "www.example.com"));
  EXPECT_TRUE(dns_name_matches("*.example.com", "a.example.com"));
  EXPECT_TRUE(dns_name_matches("*.example.com", "A-1.EXAMPLE.com"));
  EXPECT_FALSE(dns_name_matches("*.example.com", "a.b.example.com"));  // one label only
  EXPECT_FALSE(dns_name_matches("*.example.com", "example.com"));      // not zero labels
  EXPECT_FALSE(dns_name_matches("*.example.com", ".example.com"));
  EXPECT_FALSE(dns_name_matches("*.com", "example.com"));  // public-suffix-like
  EXPECT_FALSE(dns_name_matches("*", "localhost"));
  EXPECT_FALSE(dns_name_matches("w*.example.com", "www.example.com"));  // partial
  EXPECT_FALSE(dns_name_matches("www.*.com", "www.example.com"));       // not left-most
  EXPECT_FALSE(dns_name_matches("*.*.example.com", "a.b.example.com"));
  EXPECT_FALSE(dns_name_matches("www.example.com", "*.example.com"));  // reference wildcard
  EXPECT_FALSE(dns_name_matches(std::string("a.example\0.com", 14), "a.example"));
  EXPECT_FALSE(dns_name_matches("a.example", std::string("a.example\0.evil", 15)));
  EXPECT_FALSE(dns_name_matches("a..example", "a..example"));
  EXPECT_FALSE(dns_name_matches("", ""));
  EXPECT_FALSE(dns_name_matches("a example", "a example"));
}

struct Case {
  const char *file;
  const char *host;
  bool ok;
};

// Each row is a certificate of tests/data and a host name; see make-certs.sh for the names
// each certificate carries.
const Case kCases[] = {
    // exact, any case, trailing dot
    {"server-p256.pem", "localhost", true},
    {"server-p256.pem", "LOCALHOST", true},
    {"server-p256.pem", "localhost.", true},
    {"server-p256.pem", "otherhost", false},
    {"leaf-san-mix.pem", "www.example.com", true},
    {"leaf-san-mix.pem", "mixed.example.org", true},
    {"leaf-san-mix.pem", "MIXED.EXAMPLE.ORG", true},
    {"leaf-san-mix.pem", "example.com", false},
    // the common name is ignored when there is a dNSName (its CN is "wild")
    {"leaf-san-wildcard.pem", "wild", false},
    // IP addresses match iPAddress entries only
    {"server-p256.pem", "127.0.0.1", true},
    {"server-p256.pem", "::1", true},
    {"server-p256.pem", "[::1]", true},
    {"server-p256.pem", "0:0:0:0:0:0:0:1", true},
    {"server-p256.pem", "127.0.0.2", false},
    {"leaf-san-mix.pem", "192.0.2.1", true},
    {"leaf-san-mix.pem", "2001:db8::1", true},
    {"leaf-san-mix.pem", "2001:db8::2", false},
    {"leaf-san-ip-as-dns.pem", "192.0.2.7", false},  // the IP is only a dNSName there
    {"leaf-san-ip-only.pem", "192.0.2.8", true},
    {"leaf-san-ip-only.pem", "ip-only", true},  // no dNSName: the CN "ip-only" is used
    // wildcards
    {"leaf-san-wildcard.pem", "a.wild.example", true},
    {"leaf-san-wildcard.pem", "A.WILD.EXAMPLE", true},
    {"leaf-san-wildcard.pem", "a.b.wild.example", false},  // two labels
    {"leaf-san-wildcard.pem", "wild.example", false},
    {"leaf-san-wildcard.pem", "exact.example", true},
    {"leaf-san-wildcard-tld.pem", "example.com", false},  // *.com
    {"leaf-san-wildcard-tld.pem", "com", false},          // *
    {"leaf-san-partial-wildcard.pem", "www.partial.example", false},
    {"leaf-san-partial-wildcard.pem", "www.x.example", false},
    {"leaf-san-partial-wildcard.pem", "a.b.double.example", false},
    // common name fallback (no subjectAltName at all)
    {"leaf-cn-only.pem", "cn-only.example", true},
    {"leaf-cn-only.pem", "CN-ONLY.example", true},
    {"leaf-cn-only.pem", "other.example", false},
    // a NUL byte never matches
    {"leaf-san-nul.pem", "evil.example", false},
    {"leaf-san-nul.pem", "good.example", false},
};

TEST(Hostname, MatrixOverTheTestCertificates) {
  for (const Case &c : kCases) {
    const Certificate cert = load_cert(c.file);
    const HostMatch m = match_host(cert, c.host);
    EXPECT_EQ(m.ok, c.ok) << c.file << " / " << c.host << " (presented: " << m.presented << ")";
  }
  // A reference name with a NUL never matches either.
  EXPECT_FALSE(match_host(load_cert("server-p256.pem"), std::string("localhost\0.evil", 15)).ok);
}

TEST(Hostname, PresentedNamesForErrorMessages) {
  const HostMatch dns = match_host(load_cert("server-p256.pem"), "a.example");
  EXPECT_FALSE(dns.is_ip);
  EXPECT_EQ(dns.presented, "DNS:localhost");
  const HostMatch ip = match_host(load_cert("server-p256.pem"), "10.0.0.1");
  EXPECT_TRUE(ip.is_ip);
  EXPECT_EQ(ip.presented, "IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
  const HostMatch cn = match_host(load_cert("leaf-cn-only.pem"), "x.example");
  EXPECT_EQ(cn.presented, "CN:cn-only.example");
  const HostMatch nul = match_host(load_cert("leaf-san-nul.pem"), "evil.example");
  EXPECT_EQ(nul.presented, "DNS:evil.example\\x00.good.example");
  const HostMatch none = match_host(load_cert("leaf-san-ip-as-dns.pem"), "192.0.2.7");
  EXPECT_EQ(none.presented, "no IP address");
}

}  // namespace
}  // namespace tls::x509
