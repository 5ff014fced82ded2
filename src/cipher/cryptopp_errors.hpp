// The provider boundary for Crypto++: its exceptions become Error values here and never reach
// the protocol core.
#pragma once

#include <exception>
#include <string>

#include "common/error.hpp"

namespace tls::cipher {

// Runs f() (which returns a Status or a Result) and turns any exception it throws into an
// internal_error naming `what` and the exception's text.
template <class F>
auto catch_exceptions(const char *what, F &&f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception &e) {
    return make_error(AlertDescription::internal_error, std::string(what) + ": " + e.what());
  } catch (...) {
    return make_error(AlertDescription::internal_error, std::string(what) + ": unknown exception");
  }
}

}  // namespace tls::cipher
