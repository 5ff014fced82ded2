// A resumable TLS session: what a full handshake settled that an abbreviated one reuses (RFC
// 5246 §7.3: version, suite, master secret, peer certificates) plus what resumption must match
// (the SNI name, the extended-master-secret status) and, on a client, the RFC 5077 ticket.
//
// A client takes one from Machine::session() after a handshake and gives it to the next
// connection (ConnectionParams::session); a server keeps them in a SessionCache or seals them
// into tickets. serialize_session()/parse_session() turn one into bytes and back, for an
// application that keeps sessions across processes (the bytes hold the master secret: protect
// them as a key).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <tls/version.hpp>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/messages/hello_fields.hpp"  // kMaxSessionIdLength

namespace tls::handshake {

struct Session {
  ProtocolVersion version = ProtocolVersion::tls12;
  std::uint16_t cipher_suite = 0;
  Bytes session_id;  // 0..32 bytes; may be empty for a ticket-only session
  SecureBuffer master_secret;
  bool extended_master_secret = false;
  std::string server_name;        // the SNI name of the handshake that made it ("" for none)
  std::string alpn;               // the protocol agreed then (kept for the application)
  std::vector<Bytes> peer_chain;  // DER, leaf first, as the peer sent it (empty: none)
  std::int64_t created = 0;       // seconds since the epoch (provider clock)
  std::uint32_t lifetime = 0;     // seconds from `created` it may be resumed; 0: no limit here

  // Client side: the RFC 5077 ticket the server issued, and its lifetime hint.
  Bytes ticket;
  std::uint32_t ticket_lifetime_hint = 0;

  // True when `now` is past the session's lifetime.
  bool expired(std::int64_t now) const {
    return lifetime != 0 && (now < created || now - created >= static_cast<std::int64_t>(lifetime));
  }

  bool operator==(const Session &) const = default;
};

// A versioned binary form (tls::Writer); parse_session refuses anything malformed with
// decode_error and an unknown format version with illegal_parameter.
Result<Bytes> serialize_session(const Session &session);
Result<Session> parse_session(ByteView bytes);

}  // namespace tls::handshake
