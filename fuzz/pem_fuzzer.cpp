// libFuzzer target: PEM parsing (and what reads PEM: certificate and key loading). The blocks
// that parse, written back out with encode_pem(), must parse to the same labels and contents.
#include <cstdint>

#include "fuzz_check.hpp"
#include "x509/load.hpp"
#include "x509/pem.hpp"
#include "x509/private_key.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace tls::x509;
  const tls::ByteView input(data, size);
  auto blocks = parse_pem(input);
  if (blocks) {
    std::string text;
    for (const PemBlock &b : *blocks)
      text += encode_pem(b.label, b.der);
    auto again = parse_pem(tls::as_bytes(text));
    tls::fuzz::require(again.ok() && again->size() == blocks->size(),
                       "re-encoded PEM parses to as many blocks");
    for (std::size_t i = 0; i < blocks->size(); ++i)
      tls::fuzz::require(
          (*again)[i].label == (*blocks)[i].label && (*again)[i].der == (*blocks)[i].der,
          "re-encoded PEM blocks keep their labels and contents");
  } else {
    tls::fuzz::require(blocks.error().reason.find("at offset") != std::string::npos,
                       "a PEM error names its offset");
  }
  (void)load_certificates(input);
  (void)parse_private_key(input);
  return 0;
}
