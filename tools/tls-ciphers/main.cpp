// tls-ciphers: prints the suites a cipher string selects, like `openssl ciphers`.
//
//   tls-ciphers [-v | -V] [-stdname] [-s] ['CIPHER STRING']
//
// Without -v: the names joined by ':'. -v: one line per suite as `openssl ciphers -v` prints it
// (name, lowest protocol version, Kx=, Au=, Enc=, Mac=). -V: the same with the suite id in front.
// -stdname: the IANA name too. -s: only the suites allowed at the security level (@SECLEVEL=n in
// the string, else 1). The default string is DEFAULT.
#include <cstdio>
#include <cstring>
#include <string>

#include "cipher/cipher_string.hpp"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: tls-ciphers [-v | -V] [-stdname] [-s] ['CIPHER STRING']\n"
               "  -v        one line per suite, as `openssl ciphers -v`\n"
               "  -V        as -v, with the suite id in front\n"
               "  -stdname  also print the IANA name\n"
               "  -s        only suites allowed at the security level (@SECLEVEL=n, else 1)\n");
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  using namespace tls::cipher;
  bool verbose = false;
  bool with_id = false;
  bool stdname = false;
  bool supported_only = false;
  std::string text = "DEFAULT";
  bool have_text = false;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (std::strcmp(arg, "-v") == 0) {
      verbose = true;
    } else if (std::strcmp(arg, "-V") == 0) {
      verbose = with_id = true;
    } else if (std::strcmp(arg, "-stdname") == 0 || std::strcmp(arg, "--stdname") == 0) {
      stdname = true;
    } else if (std::strcmp(arg, "-s") == 0) {
      supported_only = true;
    } else if (std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help") == 0) {
      usage();
      return 0;
    } else if (arg[0] == '-' && arg[1] != '\0' && !have_text) {
      std::fprintf(stderr, "tls-ciphers: unknown option %s\n", arg);
      return usage();
    } else if (!have_text) {
      text = arg;
      have_text = true;
    } else {
      return usage();
    }
  }

  auto parsed = parse_cipher_string(text);
  if (!parsed.ok()) {
    std::fprintf(stderr, "tls-ciphers: %s\n", parsed.error().reason.c_str());
    return 1;
  }
  for (const std::string &note : parsed->notes) {
    std::fprintf(stderr, "tls-ciphers: note: %s\n", note.c_str());
  }
  std::vector<const CipherSuite *> suites = parsed->suites;
  if (supported_only) suites = filter_by_security_level(suites, parsed->security_level.value_or(1));

  if (!verbose) {
    std::printf("%s\n", join_names(suites).c_str());
    return 0;
  }
  for (const CipherSuite *suite : suites) {
    if (with_id) {
      std::printf("          0x%02X,0x%02X - ", suite->id >> 8, suite->id & 0xff);
    }
    if (stdname) std::printf("%-45s - ", suite->iana_name);
    std::fputs(describe_suite(*suite).c_str(), stdout);
  }
  return 0;
}
