// tls::cipher_suite_text and friends: the public face of the handshake's IANA name tables.
#include <tls/iana.hpp>

#include "cipher/suites.hpp"
#include "handshake/extension_type.hpp"
#include "handshake/iana_names.hpp"

namespace tls {

std::string cipher_suite_text(std::uint16_t id) {
  return handshake::cipher_suite_text(id);
}

std::string cipher_suite_openssl_name(std::uint16_t id) {
  const auto *suite = cipher::find_suite(id);
  return suite != nullptr ? std::string(suite->name) : std::string();
}

std::string extension_text(std::uint16_t type) {
  return handshake::extension_text(type);
}

}  // namespace tls
