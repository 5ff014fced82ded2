// A provider whose hash compressors count their compressions, to show that the CBC MAC check
// does the same work whatever the padding (Lucky Thirteen).
#pragma once

#include <memory>

#include "cipher/forwarding_provider.hpp"

namespace tls::record::testing {

class CountingProvider final : public cipher::ForwardingProvider {
 public:
  explicit CountingProvider(std::shared_ptr<const cipher::Provider> inner)
      : ForwardingProvider(std::move(inner)) {}

  std::unique_ptr<cipher::HashCompressor> compressor(cipher::HashAlg alg) const override {
    return std::make_unique<Counting>(inner().compressor(alg), count_);
  }

  std::size_t compressions() const { return *count_; }
  void reset() const { *count_ = 0; }

 private:
  class Counting final : public cipher::HashCompressor {
   public:
    Counting(std::unique_ptr<cipher::HashCompressor> inner, std::shared_ptr<std::size_t> count)
        : inner_(std::move(inner)), count_(std::move(count)) {}
    cipher::HashAlg alg() const override { return inner_->alg(); }
    std::size_t block_size() const override { return inner_->block_size(); }
    std::size_t length_field_size() const override { return inner_->length_field_size(); }
    bool little_endian() const override { return inner_->little_endian(); }
    void reset() override { inner_->reset(); }
    void compress(ByteView block) override {
      ++*count_;
      inner_->compress(block);
    }
    void state(MutableByteView out) const override { inner_->state(out); }
    std::unique_ptr<cipher::HashCompressor> clone() const override {
      return std::make_unique<Counting>(inner_->clone(), count_);
    }

   private:
    std::unique_ptr<cipher::HashCompressor> inner_;
    std::shared_ptr<std::size_t> count_;
  };

  std::shared_ptr<std::size_t> count_ = std::make_shared<std::size_t>(0);
};

}  // namespace tls::record::testing
