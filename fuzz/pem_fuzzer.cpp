// libFuzzer target: PEM parsing (and what reads PEM: certificate and key loading). The blocks
// that parse, written back out with encode_pem(), must parse to the same labels and contents.
#include <cstdint>
#include <cstdlib>

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
    if (!again || again->size() != blocks->size()) std::abort();
    for (std::size_t i = 0; i < blocks->size(); ++i)
      if ((*again)[i].label != (*blocks)[i].label || (*again)[i].der != (*blocks)[i].der)
        std::abort();
  } else if (blocks.error().reason.find("at offset") == std::string::npos) {
    std::abort();
  }
  (void)load_certificates(input);
  (void)parse_private_key(input);
  return 0;
}
