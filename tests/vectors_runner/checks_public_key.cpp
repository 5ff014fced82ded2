#include "runner.hpp"

namespace tls::vectors {

void add_public_key_checks(Registry &registry) {
  (void)registry;
}

}  // namespace tls::vectors
