// No heap allocation per record in steady state: after a warm-up, writing, sending, receiving
// and reading records allocates nothing. Checked by counting every operator new of the process.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "record_test_util.hpp"

// GCC sees the malloc inside the replacement operator new and the free inside the replacement
// operator delete and wrongly reports them as mismatched.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {
std::atomic<std::size_t> g_allocations{0};
}  // namespace

// Replacements for the whole test program; they only count.
void *operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void *operator new[](std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept {
  std::free(p);
}
void operator delete[](void *p) noexcept {
  std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept {
  std::free(p);
}

namespace tls::record::testing {
namespace {

class SteadyState : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(SteadyState, NoAllocationPerRecord) {
  LayerPair pair(GetParam());
  const Bytes data = pattern(3 * kMaxPlaintext + 100);
  const Bytes handshake = {0, 0, 0, 0};  // HelloRequest: a handshake record under keys too

  // One round: the client writes application data and a handshake record; the server reads it
  // all through input_space()/commit_input() and next_event(). Returns bytes received.
  auto round = [&]() -> std::size_t {
    std::size_t received = 0;
    RecordLayer &from = pair.client;
    RecordLayer &to = pair.server;
    if (!from.write_application_data(data).ok()) return 0;
    if (!from.write_handshake(handshake).ok()) return 0;
    for (;;) {
      const ByteView out = from.pending_output();
      if (out.empty()) break;
      const MutableByteView space = to.input_space();
      const std::size_t n = std::min(space.size(), out.size());
      std::copy_n(out.begin(), n, space.begin());
      if (!to.commit_input(n).ok()) return 0;
      from.consume_output(n);
      for (;;) {
        auto e = to.next_event();
        if (!e.ok()) return 0;
        if (e->kind == Event::Kind::need_more_input) break;
        if (e->kind == Event::Kind::application_data) received += e->application_data.size();
      }
    }
    return received;
  };

  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(round(), data.size());  // warm-up
  const std::size_t before = g_allocations.load();
  std::size_t received = 0;
  for (int i = 0; i < 20; ++i)
    received += round();
  const std::size_t allocations = g_allocations.load() - before;
  EXPECT_EQ(received, 20 * data.size());
  EXPECT_EQ(allocations, 0u) << allocations << " allocations in 20 rounds of "
                             << pair.server.read_sequence() << " records";
}

std::vector<SuiteCase> steady_state_cases() {
  auto c = [](const char *suite, ProtocolVersion v, bool etm = false) {
    return SuiteCase{cipher::find_suite(suite), v, etm};
  };
  return {c("AES128-GCM-SHA256", ProtocolVersion::tls12),
          c("ECDHE-RSA-CHACHA20-POLY1305", ProtocolVersion::tls12),
          c("AES128-SHA", ProtocolVersion::tls12),
          c("AES256-SHA256", ProtocolVersion::tls12, true),
          c("AES128-SHA", ProtocolVersion::tls10),
          c("ECDHE-RSA-AES256-SHA384", ProtocolVersion::tls12),
          c("DES-CBC3-SHA", ProtocolVersion::ssl3),
          c("RC4-SHA", ProtocolVersion::tls11),
          c("NULL-SHA256", ProtocolVersion::tls12)};
}

INSTANTIATE_TEST_SUITE_P(Suites, SteadyState, ::testing::ValuesIn(steady_state_cases()),
                         [](const auto &info) { return info.param.name(); });

TEST(AllocationCounter, CountsAllocations) {
  const std::size_t before = g_allocations.load();
  int *volatile p = new int(5);
  delete p;
  EXPECT_EQ(g_allocations.load() - before, 1u);
}

}  // namespace
}  // namespace tls::record::testing
