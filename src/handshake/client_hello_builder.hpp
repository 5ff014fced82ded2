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

// What a particular hello carries beyond the configuration.
struct ClientHelloExtras {
  Bytes session_id;                     // the session offered for resumption (0..32 bytes)
  std::optional<Bytes> session_ticket;  // RFC 5077: a ticket, empty to ask for one, or none
  // RFC 5746: the client_verify_data of the connection being renegotiated (empty for an
  // initial handshake).
  Bytes renegotiated_connection;
  bool renegotiating = false;
};

// `hostname` goes into server_name unless it is an IP address literal (RFC 6066 §3).
Result<BuiltClientHello> build_client_hello(const Config &config, const std::string &hostname,
                                            const Random &random,
                                            const ClientHelloExtras &extras = {});

// The suite ids a configuration names (the default list when it names none).
std::vector<std::uint16_t> configured_suites(const Config &config);

}  // namespace tls::handshake
