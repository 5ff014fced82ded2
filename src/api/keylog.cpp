#include "api/keylog.hpp"

#include "common/hex.hpp"

namespace tls {

std::string keylog_line(ByteView client_random, ByteView master_secret) {
  return "CLIENT_RANDOM " + to_hex(client_random) + " " + to_hex(master_secret);
}

}  // namespace tls
