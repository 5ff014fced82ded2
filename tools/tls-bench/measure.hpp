// Timing for tls-bench: run one operation for a time budget and report its rate, one printed
// row per measurement.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace tls::bench {

struct Options {
  double seconds = 0.5;  // time budget of each row
  std::string filter;    // only rows whose name contains this text
};

// Calls op() for about `seconds` (after one untimed warm-up call) in five slices and returns
// the calls per second of the fastest slice.
double calls_per_second(const std::function<void()> &op, double seconds);

// Folds a byte of each result into a global the compiler cannot see through, so that the work
// being measured is not optimised away.
void keep(std::uint8_t byte);

class Report {
 public:
  explicit Report(Options options) : options_(std::move(options)) {}

  // A throughput row: op() processes `bytes` bytes per call. `in_default_provider` marks the
  // library the default provider uses for the primitive.
  void throughput(const std::string &primitive, const std::string &library,
                  bool in_default_provider, std::size_t bytes, const std::function<void()> &op);
  // A rate row: op() does one operation per call.
  void rate(const std::string &primitive, const std::string &library, bool in_default_provider,
            const std::function<void()> &op);
  // A row that could not be measured, with the reason.
  void note(const std::string &primitive, const std::string &library, const std::string &why);
  // Starts a group of rows; the title is printed before the group's first selected row.
  void heading(const std::string &title);

 private:
  bool selected(const std::string &primitive) const;
  void print(const std::string &primitive, const std::string &library, bool in_default_provider,
             const std::string &value);

  Options options_;
  std::string pending_heading_;
};

}  // namespace tls::bench
