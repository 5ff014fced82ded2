// tls-bench: what each primitive costs on this machine, through the default provider and, where
// the other library offers the same primitive, through that library directly. The numbers
// decide which library the default provider uses for what (docs/provider.md).
//
//   tls-bench [--seconds S] [--filter TEXT]
#include <cryptopp/config.h>
#include <cryptopp/cpu.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench.hpp"
#include "cipher/provider.hpp"

namespace {

void usage() {
  std::puts(
      "usage: tls-bench [--seconds S] [--filter TEXT]\n"
      "  --seconds S    time spent on each row (default 0.5)\n"
      "  --filter TEXT  only rows whose primitive contains TEXT (e.g. GCM, Ed25519)");
}

const char *yes_no(bool b) {
  return b ? "yes" : "no";
}

void print_machine() {
  std::printf("libsodium %s, Crypto++ %d.%d.%d\n", sodium_version_string(), CRYPTOPP_VERSION / 100,
              CRYPTOPP_VERSION / 10 % 10, CRYPTOPP_VERSION % 10);
#if defined(__x86_64__) || defined(__i386__)
  std::printf("CPU (as Crypto++ sees it): AES-NI %s, PCLMUL %s, SHA-NI %s, AVX2 %s\n",
              yes_no(CryptoPP::HasAESNI()), yes_no(CryptoPP::HasCLMUL()),
              yes_no(CryptoPP::HasSHA()), yes_no(CryptoPP::HasAVX2()));
#endif
  std::printf("CPU (as libsodium sees it): AES-NI %s, PCLMUL %s, AVX2 %s\n",
              yes_no(sodium_runtime_has_aesni()), yes_no(sodium_runtime_has_pclmul()),
              yes_no(sodium_runtime_has_avx2()));
  std::puts(
      "Crypto++* = Crypto++'s own ECDSA classes; the provider's ECDSA is tlspp's formulas "
      "over Crypto++'s curve arithmetic.");
}

}  // namespace

int main(int argc, char **argv) {
  tls::bench::Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      options.seconds = std::atof(argv[++i]);
      if (options.seconds <= 0) {
        usage();
        return 2;
      }
    } else if (arg == "--filter" && i + 1 < argc) {
      options.filter = argv[++i];
    } else {
      usage();
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  if (sodium_init() < 0) {
    std::fputs("tls-bench: libsodium failed to initialise\n", stderr);
    return 1;
  }
  print_machine();
  const auto provider = tls::cipher::default_provider();
  tls::bench::Report report(options);
  tls::bench::bench_symmetric(*provider, report);
  tls::bench::bench_public_key(*provider, report);
  return 0;
}
