// The ClientHello a client configuration produces: its highest version, the suites usable in
// its version range (with the signalling values), and the extensions it offers.
#pragma once

#include <string>

#include "common/error.hpp"
#include "handshake/config.hpp"
#include "handshake/extensions.hpp"
#include "handshake/messages/client_hello.hpp"

namespace tls::handshake {

struct BuiltClientHello {
  ClientHello hello;
  Extensions extensions;  // the typed view of what it offers
};

// `hostname` goes into server_name unless it is an IP address literal (RFC 6066 §3).
Result<BuiltClientHello> build_client_hello(const Config &config, const std::string &hostname,
                                            const Random &random);

// The suite ids a configuration names (the default list when it names none).
std::vector<std::uint16_t> configured_suites(const Config &config);

}  // namespace tls::handshake
