// Errors as values, shared by the protocol core and the public API: every failure carries the
// TLS alert that goes with it and a human-readable reason that names what failed.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include <tls/alert.hpp>

namespace tls {

struct Error {
  AlertDescription alert = AlertDescription::internal_error;
  std::string reason;

  // "decode_error: ServerHello: at offset 38: need 2 bytes for u16, 1 left"
  std::string to_string() const;
};

// Success, or an Error. [[nodiscard]] so that a failure cannot be dropped silently.
class [[nodiscard]] Status {
 public:
  Status() = default;                                               // success
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit on purpose

  static Status success() { return Status(); }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error &error() const {
    assert(failed_);
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

// A value or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}             // NOLINT: implicit
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}         // NOLINT: implicit
  Result(const Status &status) : v_(std::in_place_index<1>, status.error()) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T &value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T &value() const & {
    assert(ok());
    return std::get<0>(v_);
  }
  T &&value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

  const Error &error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace tls
