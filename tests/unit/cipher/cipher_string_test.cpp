// Cipher strings: rule semantics on hand-checked examples, errors, and agreement with
// `openssl ciphers -v` on the suites both know.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cipher/cipher_string.hpp"
#include "openssl_cli.hpp"

namespace tls::cipher {
namespace {

std::vector<std::string> names(std::string_view text) {
  auto parsed = parse_cipher_string(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().reason);
  std::vector<std::string> out;
  if (parsed.ok()) {
    for (const CipherSuite *s : parsed->suites)
      out.push_back(s->name);
  }
  return out;
}

std::string error_of(std::string_view text) {
  auto parsed = parse_cipher_string(text);
  EXPECT_FALSE(parsed.ok()) << text << " was accepted";
  return parsed.ok() ? std::string() : parsed.error().reason;
}

using Names = std::vector<std::string>;

TEST(CipherString, Intersection) {
  EXPECT_EQ(names("ECDHE+AESGCM"),
            (Names{"ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                   "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256"}));
  EXPECT_EQ(names("kECDHE+aRSA+SHA384"), (Names{"ECDHE-RSA-AES256-SHA384"}));
  EXPECT_EQ(names("TLSv1+AES256"), (Names{"ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-SHA"}));
}

TEST(CipherString, NamesKeepTheirOrderAndSeparatorsAreEquivalent) {
  const Names expected = {"AES128-SHA", "AES256-SHA", "AES128-GCM-SHA256", "AES256-GCM-SHA384"};
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:AES128-GCM-SHA256:AES256-GCM-SHA384"), expected);
  EXPECT_EQ(names("AES128-SHA AES256-SHA,AES128-GCM-SHA256;AES256-GCM-SHA384"), expected);
  EXPECT_EQ(names("::AES128-SHA, AES256-SHA  AES128-GCM-SHA256:AES256-GCM-SHA384:"), expected);
  // IANA names work too.
  EXPECT_EQ(names("TLS_RSA_WITH_AES_128_CBC_SHA:AES256-SHA"), (Names{"AES128-SHA", "AES256-SHA"}));
  // Adding a suite that is already in the list does not move it.
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:AES128-SHA"), (Names{"AES128-SHA", "AES256-SHA"}));
}

TEST(CipherString, MinusDeletesButALaterRuleMayAddBack) {
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:-AES128-SHA:AES128-SHA"),
            (Names{"AES256-SHA", "AES128-SHA"}));
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:-AES128-SHA"), (Names{"AES256-SHA"}));
}

TEST(CipherString, BangDeletesForGood) {
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:!AES128-SHA:AES128-SHA"), (Names{"AES256-SHA"}));
  // A suite killed before it was added can never come in.
  EXPECT_EQ(names("!kRSA:AES128-SHA:AES256-SHA:DHE-RSA-AES128-SHA"), (Names{"DHE-RSA-AES128-SHA"}));
  const Names without_rsa_kx = names("ALL:!kRSA:kRSA");
  for (const std::string &n : without_rsa_kx)
    EXPECT_EQ(find_suite(n)->kx == kRSA, false) << n;
}

TEST(CipherString, PlusMovesToTheEnd) {
  EXPECT_EQ(names("AES128-SHA:AES256-SHA:DHE-RSA-AES128-SHA:+AES128"),
            (Names{"AES256-SHA", "AES128-SHA", "DHE-RSA-AES128-SHA"}));
  // '+' never adds.
  EXPECT_EQ(names("AES128-SHA:+AES256-SHA"), (Names{"AES128-SHA"}));
}

TEST(CipherString, StrengthSortIsStable) {
  EXPECT_EQ(names("AES128-SHA:DES-CBC3-SHA:AES256-SHA:AES128-SHA256:NULL-SHA:@STRENGTH"),
            (Names{"AES256-SHA", "AES128-SHA", "AES128-SHA256", "DES-CBC3-SHA", "NULL-SHA"}));
}

TEST(CipherString, DefaultLeavesOutTheLegacySuites) {
  const auto &defaults = default_cipher_list();
  ASSERT_FALSE(defaults.empty());
  std::set<const CipherSuite *> in_default(defaults.begin(), defaults.end());
  for (const CipherSuite &s : all_suites()) {
    EXPECT_EQ(in_default.count(&s) == 1, (s.flags & kFlagDefaultOff) == 0) << s.name;
  }
  EXPECT_EQ(names("DEFAULT"), names(kDefaultCipherString));
  EXPECT_EQ(defaults.front()->id, 0xc02c);  // ECDHE-ECDSA-AES256-GCM-SHA384
  // DEFAULT followed by more rules.
  const Names no_ecdhe = names("DEFAULT:!ECDHE");
  EXPECT_EQ(no_ecdhe.front(), "DHE-RSA-AES256-GCM-SHA384");
  EXPECT_EQ(no_ecdhe.size(), defaults.size() - 14);
}

TEST(CipherString, AliasGroups) {
  EXPECT_EQ(names("COMPLEMENTOFALL:@STRENGTH").size(), 3u);  // the NULL suites
  EXPECT_EQ(names("eNULL"), names("NULL"));
  EXPECT_EQ(names("MEDIUM"), (Names{"DHE-RSA-DES-CBC3-SHA", "RC4-SHA", "RC4-MD5", "DES-CBC3-SHA"}));
  EXPECT_EQ(names("3DES"), (Names{"DHE-RSA-DES-CBC3-SHA", "DES-CBC3-SHA"}));
  EXPECT_EQ(names("EDH-RSA-DES-CBC3-SHA"), (Names{"DHE-RSA-DES-CBC3-SHA"}));
  EXPECT_EQ(names("kEDH"), names("DHE"));
  EXPECT_EQ(names("kEECDH"), names("ECDHE"));
  EXPECT_EQ(names("SHA"), names("SHA1"));
  EXPECT_EQ(names("TLSv1.0"), names("TLSv1"));
  EXPECT_EQ(names("SSLv3").size(), 10u);
  EXPECT_EQ(names("ECDSA"), names("aECDSA"));
  EXPECT_EQ(names("RSA"), names("kRSA"));  // all kRSA suites are aRSA
}

TEST(CipherString, KnownWordsThatSelectNothingAreNoted) {
  auto parsed = parse_cipher_string("CAMELLIA:DHE-DSS-AES128-SHA:AES128-SHA:!PSK:!SRP");
  ASSERT_TRUE(parsed.ok()) << parsed.error().reason;
  EXPECT_EQ(parsed->suites.size(), 1u);
  ASSERT_EQ(parsed->notes.size(), 2u);
  EXPECT_EQ(parsed->notes[0], "'CAMELLIA' matches no suite tlspp implements");
  EXPECT_EQ(parsed->notes[1], "'DHE-DSS-AES128-SHA' is an OpenSSL suite tlspp does not implement");
}

TEST(CipherString, SecurityLevelCommand) {
  auto parsed = parse_cipher_string("ALL:@SECLEVEL=3");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->security_level, 3);
  EXPECT_FALSE(parse_cipher_string("ALL").value().security_level.has_value());
  EXPECT_EQ(error_of("ALL:@SECLEVEL=6"),
            "cipher string 'ALL:@SECLEVEL=6': unknown command "
            "'@SECLEVEL=6'");
  EXPECT_EQ(error_of("ALL:@FASTEST"), "cipher string 'ALL:@FASTEST': unknown command '@FASTEST'");
}

TEST(CipherString, SecurityLevels) {
  const CipherSuite &null_sha = *find_suite(0x0002);
  const CipherSuite &rc4_md5 = *find_suite(0x0004);
  const CipherSuite &rc4_sha = *find_suite(0x0005);
  const CipherSuite &des3 = *find_suite(0x000a);
  const CipherSuite &aes128 = *find_suite(0x002f);
  const CipherSuite &ecdhe_aes256_sha = *find_suite(0xc014);
  const CipherSuite &ecdhe_gcm256 = *find_suite(0xc030);
  for (const CipherSuite &s : all_suites())
    EXPECT_TRUE(allowed_at_security_level(s, 0));
  EXPECT_FALSE(allowed_at_security_level(null_sha, 1));  // 0 bits
  EXPECT_FALSE(allowed_at_security_level(rc4_md5, 1));   // MD5 MAC
  EXPECT_TRUE(allowed_at_security_level(rc4_sha, 1));
  EXPECT_TRUE(allowed_at_security_level(des3, 2));  // 112 bits
  EXPECT_FALSE(allowed_at_security_level(des3, 3));
  EXPECT_TRUE(allowed_at_security_level(aes128, 2));
  EXPECT_FALSE(allowed_at_security_level(aes128, 3));  // no forward secrecy
  EXPECT_TRUE(allowed_at_security_level(ecdhe_aes256_sha, 3));
  EXPECT_FALSE(allowed_at_security_level(ecdhe_aes256_sha, 4));  // SHA-1 MAC
  EXPECT_TRUE(allowed_at_security_level(ecdhe_gcm256, 5));
  const auto filtered = filter_by_security_level(default_cipher_list(), 4);
  for (const CipherSuite *s : filtered)
    EXPECT_EQ(s->strength_bits, 256) << s->name;
  EXPECT_EQ(filtered.size(), 9u);
}

TEST(CipherString, UnknownWordIsAnErrorNamingIt) {
  EXPECT_EQ(error_of("HIGH:FOO:!aNULL"), "cipher string 'HIGH:FOO:!aNULL': unknown word 'FOO'");
  EXPECT_EQ(error_of("AES+FOO"), "cipher string 'AES+FOO': unknown word 'FOO'");
  EXPECT_EQ(error_of("high"), "cipher string 'high': unknown word 'high'");  // case matters
  EXPECT_EQ(error_of("TLSv1.1"), "cipher string 'TLSv1.1': unknown word 'TLSv1.1'");
  EXPECT_EQ(error_of("AES+RC4+BAR"), "cipher string 'AES+RC4+BAR': unknown word 'BAR'");
  EXPECT_NE(error_of("HIGH:TLS_AES_128_GCM_SHA256").find("TLS 1.3"), std::string::npos);
  EXPECT_NE(error_of("HIGH:DEFAULT").find("DEFAULT is only recognised at the start"),
            std::string::npos);
  EXPECT_EQ(error_of("DEFAULTS"), "cipher string 'DEFAULTS': unknown word 'DEFAULTS'");
  EXPECT_NE(error_of("SUITEB128").find("Suite B"), std::string::npos);
}

TEST(CipherString, SyntaxErrors) {
  EXPECT_EQ(error_of("AES*"), "cipher string 'AES*': unexpected character '*'");
  EXPECT_EQ(error_of("!"), "cipher string '!': a rule ends without a word");
  EXPECT_EQ(error_of("AES+"), "cipher string 'AES+': a rule ends without a word");
  EXPECT_EQ(error_of("!!AES"), "cipher string '!!AES': unexpected character '!'");
  EXPECT_EQ(error_of(""), "cipher string '' selects no cipher suite");
  EXPECT_EQ(error_of("ALL:!ALL"), "cipher string 'ALL:!ALL' selects no cipher suite");
  EXPECT_EQ(error_of("CAMELLIA"), "cipher string 'CAMELLIA' selects no cipher suite");
}

// ---------------------------------------------------------------------------------------------
// Agreement with OpenSSL.

// The `openssl ciphers -v` lines of a string, TLS 1.3 suites left out; empty when OpenSSL
// rejects the string (it does when nothing matches).
std::vector<std::string> openssl_lines(const std::string &text) {
  const auto out = testing::run_command("openssl ciphers -v " + testing::shell_quote(text));
  std::vector<std::string> lines;
  if (!out) return lines;
  for (std::string &line : testing::lines_of(*out)) {
    if (line.find(" TLSv1.3 ") == std::string::npos) lines.push_back(line + "\n");
  }
  return lines;
}

std::string name_of_line(const std::string &line) {
  return line.substr(0, line.find(' '));
}

const std::vector<std::string> kComparedStrings = {
    "DEFAULT",
    "ALL",
    "HIGH",
    "ECDHE+AESGCM",
    "ALL:!aNULL:!eNULL",
    "AES:!SHA1",
    "kRSA:@STRENGTH",
    "3DES:RC4:@SECLEVEL=0",
    "ECDHE:-AES128:+AES256",
    "aECDSA",
    "DEFAULT:!ECDHE",
    "CHACHA20:AESGCM",
    "COMPLEMENTOFDEFAULT",
    "ALL:COMPLEMENTOFALL",
    "NULL:@STRENGTH",
    "MEDIUM:HIGH:@SECLEVEL=0",
    "TLSv1:SSLv3:TLSv1.2",
    "kEECDH:kEDH:kRSA",
    "HIGH:!aNULL:!MD5:!PSK:!SRP:!CAMELLIA:!DSS",
    "AES128:AES256:-SHA1:+kRSA",
    "AES256-SHA:AES128-SHA:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-GCM-SHA256",
    "SHA256:SHA384:SHA1:MD5",
    "ALL:+AESGCM:+CHACHA20:@STRENGTH",
    "kRSA+AES256:kECDHE:-aRSA:ALL",
    "ALL:-ECDHE:ECDHE-RSA-AES128-SHA:-ALL:AES",
    "CBC:!ECDHE",
    "!ECDHE:ALL",
    "HIGH:+kRSA:-DHE:!SHA1:SHA1",
    "aRSA+kECDHE+AESGCM:aECDSA:FIPS",
    "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH",
    // OpenSSL quirk: a strength class after COMPLEMENTOFDEFAULT replaces it.
    "COMPLEMENTOFDEFAULT+HIGH",
    "HIGH+COMPLEMENTOFDEFAULT:AES128-SHA",
};

TEST(CipherStringVsOpenssl, SameSuitesInTheSameOrder) {
  if (!testing::openssl_available()) GTEST_SKIP() << "openssl is not installed";
  // The suites OpenSSL has that tlspp has too (Debian's OpenSSL has no 3DES or RC4 suites).
  std::set<std::string> both;
  for (const std::string &line : openssl_lines("ALL:COMPLEMENTOFALL:@SECLEVEL=0")) {
    if (find_suite(name_of_line(line)) != nullptr) both.insert(name_of_line(line));
  }
  ASSERT_GE(both.size(), 30u);

  int compared = 0;
  for (const std::string &text : kComparedStrings) {
    SCOPED_TRACE(text);
    std::vector<std::string> expected;
    for (const std::string &line : openssl_lines(text)) {
      if (both.count(name_of_line(line))) expected.push_back(line);
    }
    std::vector<std::string> ours;
    auto parsed = parse_cipher_string(text);
    if (parsed.ok()) {
      for (const CipherSuite *s : parsed->suites) {
        if (both.count(s->name)) ours.push_back(describe_suite(*s));
      }
    }
    EXPECT_EQ(ours, expected);
    ++compared;
  }
  EXPECT_GE(compared, 12);
}

}  // namespace
}  // namespace tls::cipher
