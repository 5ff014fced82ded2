#include "runner.hpp"

namespace tls::vectors {

void add_hash_checks(Registry &registry) {
  (void)registry;
}

}  // namespace tls::vectors
