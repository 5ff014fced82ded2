#include "api/memory_pair.hpp"

#include <algorithm>
#include <deque>

namespace tls {
namespace {

struct Channel {
  std::deque<std::uint8_t> bytes;
  std::size_t capacity = 0;  // 0: unlimited
  bool writer_gone = false;  // the writing end was destroyed: readers see end of stream
};

class MemoryTransport final : public Transport {
 public:
  MemoryTransport(std::shared_ptr<Channel> in, std::shared_ptr<Channel> out)
      : in_(std::move(in)), out_(std::move(out)) {}
  ~MemoryTransport() override { out_->writer_gone = true; }

  IoResult read(MutableByteView buffer) override {
    if (in_->bytes.empty())
      return in_->writer_gone ? IoResult{IoCode::ok, 0} : want(IoCode::want_read);
    const std::size_t n = std::min(buffer.size(), in_->bytes.size());
    std::copy_n(in_->bytes.begin(), n, buffer.begin());
    in_->bytes.erase(in_->bytes.begin(), in_->bytes.begin() + static_cast<std::ptrdiff_t>(n));
    return {IoCode::ok, n};
  }

  IoResult write(ByteView data) override {
    std::size_t room = data.size();
    if (out_->capacity != 0) room = std::min(room, out_->capacity - out_->bytes.size());
    if (room == 0) return want(IoCode::want_write);
    out_->bytes.insert(out_->bytes.end(), data.begin(),
                       data.begin() + static_cast<std::ptrdiff_t>(room));
    return {IoCode::ok, room};
  }

 private:
  static IoResult want(IoCode code) { return {code, 0}; }

  std::shared_ptr<Channel> in_;
  std::shared_ptr<Channel> out_;
};

}  // namespace

std::pair<std::unique_ptr<Transport>, std::unique_ptr<Transport>> make_memory_pair(
    std::size_t capacity) {
  auto a_to_b = std::make_shared<Channel>();
  auto b_to_a = std::make_shared<Channel>();
  a_to_b->capacity = capacity;
  b_to_a->capacity = capacity;
  return {std::make_unique<MemoryTransport>(b_to_a, a_to_b),
          std::make_unique<MemoryTransport>(a_to_b, b_to_a)};
}

}  // namespace tls
