// OpenSSL cipher strings over tlspp's suite table: "ECDHE+AESGCM:!aNULL:@STRENGTH".
//
// The algorithm is OpenSSL 3.0's ssl_create_cipher_list(): every suite starts in OpenSSL's
// preference order (ECDHE first, then DHE; AEAD before CBC; AES-GCM before ChaCha20; stronger
// before weaker; TLS 1.2 suites before older ones), disabled; then each rule of the string runs
// in turn:
//   WORD      add the matching suites not yet in the list, at its end (in preference order)
//   A+B       a word made of several: the suites matching all of them
//   -WORD     take the matching suites out (a later rule may add them back)
//   !WORD     take them out for good: no later rule adds them back
//   +WORD     move the matching suites that are in the list to its end
//   @STRENGTH sort the list by strength bits, strongest first, keeping the order within a tie
//   @SECLEVEL=n  record the security level (see allowed_at_security_level)
// Rules are separated by ':', ',', ';' or spaces. "DEFAULT" at the start stands for
// "ALL:!COMPLEMENTOFDEFAULT:!eNULL". Words are OpenSSL suite names, IANA names of tlspp's
// suites, or the aliases of OpenSSL 3.0 (ALL, HIGH, kECDHE, aRSA, AESGCM, SHA256, TLSv1.2, ...).
//
// Where tlspp is stricter than OpenSSL: an unknown word is an error naming it (OpenSSL skips
// it), and so is DEFAULT anywhere but at the start. Names of OpenSSL suites that tlspp does not
// implement, and aliases that match none of its suites (CAMELLIA, PSK, aDSS, ...), are accepted
// and select nothing; they are listed in CipherList::notes.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cipher/suites.hpp"
#include "common/error.hpp"

namespace tls::cipher {

struct CipherList {
  std::vector<const CipherSuite *> suites;  // most preferred first
  std::optional<int> security_level;        // from @SECLEVEL=n
  std::vector<std::string> notes;           // words that selected nothing tlspp implements
};

// What "DEFAULT" stands for (OpenSSL 3.0's SSL_DEFAULT_CIPHER_LIST).
inline constexpr std::string_view kDefaultCipherString = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

// Parses and applies a cipher string. Errors (internal_error, as for any configuration error):
// an unknown word, a character outside words and separators, an unknown @command, a string that
// selects no suite at all ("no cipher suite matches ...").
Result<CipherList> parse_cipher_string(std::string_view text);

// The suites of DEFAULT, in order.
const std::vector<const CipherSuite *> &default_cipher_list();

// OpenSSL 3.0's security levels, as its default security callback applies them to suites:
// level 0 allows all; from level 1 a suite needs strength_bits of at least 80/112/128/192/256
// (levels 1-5), an authenticated key exchange and a MAC other than MD5; from level 3 forward
// secrecy (ECDHE or DHE); from level 4 a MAC other than SHA-1.
bool allowed_at_security_level(const CipherSuite &suite, int level) noexcept;

std::vector<const CipherSuite *> filter_by_security_level(
    std::span<const CipherSuite *const> suites, int level);

// "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:..."
std::string join_names(std::span<const CipherSuite *const> suites);

}  // namespace tls::cipher
