#include "measure.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace tls::bench {

namespace {

volatile std::uint8_t g_sink = 0;

}  // namespace

void keep(std::uint8_t byte) {
  g_sink = static_cast<std::uint8_t>(g_sink ^ byte);
}

namespace {

// Calls per second over one slice of `seconds`.
double one_slice(const std::function<void()> &op, double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto budget = std::chrono::duration<double>(seconds);
  std::uint64_t calls = 0;
  std::uint64_t batch = 1;
  for (;;) {
    for (std::uint64_t i = 0; i < batch; ++i)
      op();
    calls += batch;
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    if (elapsed >= budget) return static_cast<double>(calls) / elapsed.count();
    // Grow the batch so that reading the clock stays a negligible part of the time.
    if (elapsed.count() < seconds / 8) batch *= 2;
  }
}

}  // namespace

double calls_per_second(const std::function<void()> &op, double seconds) {
  op();  // warm-up: first-use tables, caches, lazy initialisation
  // The budget is split into slices and the best slice counts: on a machine shared with other
  // work, the fastest slice is the one least disturbed by it.
  constexpr int kSlices = 5;
  double best = 0;
  for (int i = 0; i < kSlices; ++i)
    best = std::max(best, one_slice(op, seconds / kSlices));
  return best;
}

bool Report::selected(const std::string &primitive) const {
  return options_.filter.empty() || primitive.find(options_.filter) != std::string::npos;
}

void Report::heading(const std::string &title) {
  pending_heading_ = title;
}

void Report::print(const std::string &primitive, const std::string &library,
                   bool in_default_provider, const std::string &value) {
  if (!pending_heading_.empty()) {
    std::printf("\n%s\n", pending_heading_.c_str());
    pending_heading_.clear();
  }
  std::printf("  %-40s %-10s %16s  %s\n", primitive.c_str(), library.c_str(), value.c_str(),
              in_default_provider ? "<- default provider" : "");
  std::fflush(stdout);
}

void Report::note(const std::string &primitive, const std::string &library,
                  const std::string &why) {
  if (!selected(primitive)) return;
  print(primitive, library, false, why);
}

void Report::throughput(const std::string &primitive, const std::string &library,
                        bool in_default_provider, std::size_t bytes,
                        const std::function<void()> &op) {
  if (!selected(primitive)) return;
  const double rate = calls_per_second(op, options_.seconds);
  char value[64];
  std::snprintf(value, sizeof value, "%9.1f MB/s", rate * static_cast<double>(bytes) / 1e6);
  print(primitive, library, in_default_provider, value);
}

void Report::rate(const std::string &primitive, const std::string &library,
                  bool in_default_provider, const std::function<void()> &op) {
  if (!selected(primitive)) return;
  const double rate = calls_per_second(op, options_.seconds);
  char value[64];
  if (rate >= 10000) {
    std::snprintf(value, sizeof value, "%9.0f op/s", rate);
  } else {
    std::snprintf(value, sizeof value, "%9.1f op/s", rate);
  }
  print(primitive, library, in_default_provider, value);
}

}  // namespace tls::bench
