// Handshake-only data: what a machine needs while the handshake runs and never after (randoms,
// the transcript, key shares, the pre-master secret, the key block, what the peer offered).
// The machine holds it behind a pointer and frees it on reaching SSL_ST_OK, so that an idle
// connection keeps only its record keys and buffers.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <tls/version.hpp>

#include "cipher/key_schedule.hpp"
#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/config.hpp"
#include "handshake/extensions.hpp"
#include "handshake/key_exchange_ephemeral.hpp"
#include "handshake/messages/certificate_request.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/hello_fields.hpp"
#include "handshake/messages/key_exchange.hpp"
#include "handshake/session.hpp"
#include "handshake/transcript.hpp"

namespace tls::handshake {

struct HandshakeData {
  Transcript transcript;
  Random client_random{};
  Random server_random{};
  std::uint16_t client_version = 0;  // as in the ClientHello (the RSA pre-master carries it)

  // Client: what it offered. Server: what the client offered.
  std::vector<std::uint16_t> offered_suites;
  std::vector<std::uint16_t> offered_extension_types;
  Extensions client_extensions;
  std::vector<std::uint16_t> our_signature_schemes;

  KeyExchangeKind kx = KeyExchangeKind::ecdhe;
  cipher::PublicKey peer_key;                     // the peer's leaf key
  const CertifiedKey *our_certificate = nullptr;  // the one we present, if any
  std::optional<std::uint16_t> our_scheme;        // TLS 1.2 scheme we sign with

  // Server: its ephemeral key share between ServerKeyExchange and ClientKeyExchange.
  std::optional<ServerEphemeral> ephemeral;
  // Client: the server's ephemeral params, checked and signed.
  std::optional<ServerKeyExchange> server_key_exchange;
  Bytes client_public;  // client: its DH / ECDH public value for ClientKeyExchange

  // Client authentication.
  std::optional<CertificateRequest> certificate_request;  // client: what the server asked
  bool certificate_requested = false;                     // server: we asked
  bool peer_sent_certificate = false;                     // a non-empty chain arrived

  // Sessions. Client: the session it offered (its id as sent). Both: whether a
  // NewSessionTicket follows the peer's / our Finished (the server promised one).
  std::optional<Session> offered_session;
  bool ticket_expected = false;
  // Server: the session being resumed, and whether to issue a (renewed) ticket.
  std::optional<Session> resumed_session;
  bool issue_ticket = false;

  SecureBuffer pre_master;
  cipher::KeyBlock key_block;

  // Record-size negotiation: the limit the peer announced (RFC 8449), ours, and the
  // max_fragment_length agreed (RFC 6066).
  std::uint16_t peer_record_size_limit = 0;
  std::uint16_t our_record_size_limit = 0;
  std::size_t max_fragment_bytes = 0;

  // A message an optional state read ahead and left for the next state (a copy: the record
  // layer's views do not outlive the next read).
  Bytes held_message;
  Bytes held_in_use;  // the held message while the next state works on it
};

}  // namespace tls::handshake
