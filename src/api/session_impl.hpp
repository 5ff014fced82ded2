// What a tls::Session holds: enough of a finished handshake to offer it for resumption.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <tls/session.hpp>

#include "cipher/suites.hpp"
#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/session.hpp"

namespace tls {

struct Session::Impl {
  ProtocolVersion version = ProtocolVersion::tls12;
  const cipher::CipherSuite *suite = nullptr;
  Bytes id;
  SecureBuffer master_secret;
  bool extended_master_secret = false;
  std::string server_name;
  // Everything the handshake needs to offer it again (id, ticket, peer chain, ...).
  std::optional<handshake::Session> state;
};

}  // namespace tls

namespace tls {

// A public Session around a handshake session (as a server's store or from_bytes sees it).
Session make_session(handshake::Session state);

}  // namespace tls
