// Error values for the protocol core: every failure carries the TLS alert to send and a
// human-readable reason that names what failed. No exception crosses a function that handles
// wire data; these values do instead.
#pragma once

#include <string>
#include <utility>

#include <tls/error.hpp>

namespace tls {

inline Error make_error(AlertDescription alert, std::string reason) {
  return Error{alert, std::move(reason)};
}

// Adds context in front of an error's reason: "ServerKeyExchange: " + reason.
inline Error with_context(Error error, const std::string &context) {
  error.reason = context + ": " + error.reason;
  return error;
}

}  // namespace tls

// Returns the error of a Status or Result from the enclosing function when it failed.
#define TLS_TRY(expr)                                                                         \
  do {                                                                                        \
    if (auto tls_try_result_ = (expr); !tls_try_result_.ok()) return tls_try_result_.error(); \
  } while (0)
