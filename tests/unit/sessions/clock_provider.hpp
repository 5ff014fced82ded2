// A provider whose clock the test sets (everything else from the deterministic provider).
#pragma once

#include <atomic>
#include <memory>

#include "cipher/forwarding_provider.hpp"

namespace tls::handshake::test {

class ClockProvider final : public cipher::ForwardingProvider {
 public:
  ClockProvider(std::shared_ptr<const cipher::Provider> inner, std::int64_t start)
      : ForwardingProvider(std::move(inner)), now_(start) {}
  std::int64_t now() const override { return now_.load(); }
  void advance(std::int64_t seconds) { now_ += seconds; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace tls::handshake::test
