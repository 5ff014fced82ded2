// The groups of measurements tls-bench runs, each over the default provider and, where the
// other library offers the same primitive, over that library directly.
#pragma once

#include "cipher/provider.hpp"
#include "measure.hpp"

namespace tls::bench {

void bench_symmetric(const cipher::Provider &provider, Report &report);
void bench_public_key(const cipher::Provider &provider, Report &report);

}  // namespace tls::bench
