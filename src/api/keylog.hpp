// NSS key log lines (SSLKEYLOGFILE): "CLIENT_RANDOM <client random hex> <master secret hex>".
#pragma once

#include <string>

#include "common/bytes.hpp"

namespace tls {

std::string keylog_line(ByteView client_random, ByteView master_secret);

}  // namespace tls
