#include "runner.hpp"

namespace tls::vectors {

void add_prf_checks(Registry &registry) {
  (void)registry;
}

}  // namespace tls::vectors
