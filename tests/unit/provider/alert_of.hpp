// The alert a failed Status or Result carries, or nullopt on success, so that a test can
// compare alerts in one expression without calling error() on a success.
#pragma once

#include <optional>

#include "common/error.hpp"

namespace tls::cipher::testing {

template <class StatusOrResult>
std::optional<AlertDescription> alert_of(const StatusOrResult &outcome) {
  if (outcome.ok()) return std::nullopt;
  return outcome.error().alert;
}

}  // namespace tls::cipher::testing
