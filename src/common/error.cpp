#include "common/error.hpp"

namespace tls {

std::string Error::to_string() const {
  return std::string(alert_name(alert)) + ": " + reason;
}

}  // namespace tls
