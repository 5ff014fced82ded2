#include "runner.hpp"

namespace tls::vectors {

void add_cipher_checks(Registry &registry) {
  (void)registry;
}

}  // namespace tls::vectors
