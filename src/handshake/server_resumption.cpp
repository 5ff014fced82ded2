// The server's resumption decisions: which session the client offered (a ticket, else an id),
// and whether this connection may resume it. Every refusal falls back to a full handshake and
// says why in a trace note; only RFC 7627 §5.3's one case aborts.
#include <algorithm>

#include "cipher/suites.hpp"
#include "handshake/client_hello_builder.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/server_machine.hpp"
#include "handshake/session_cache.hpp"
#include "handshake/ticket.hpp"

namespace tls::handshake {

Result<std::optional<Session>> ServerMachine::find_resumable_session(const ClientHello &hello) {
  HandshakeData &h = hs();
  const Extensions &offered = h.client_extensions;
  const ProtocolVersion version = negotiated_.version;
  // A renegotiation is a fresh full handshake (it usually exists to ask for a certificate).
  if (renegotiating_) return std::optional<Session>();
  std::optional<Session> found;
  bool renew = false;
  const bool tickets = config_->session_tickets && config_->ticket_keys != nullptr &&
                       version != ProtocolVersion::ssl3;
  if (offered.session_ticket && !offered.session_ticket->empty()) {
    if (!tickets) {
      note("session tickets are off: the offered ticket is ignored");
    } else if (auto opened = config_->ticket_keys->open(*offered.session_ticket)) {
      found = std::move(opened->session);
      renew = opened->renew;
    } else {
      note("the session ticket does not open (unknown key, damaged or expired): full handshake");
    }
  } else if (!hello.session_id.empty() && config_->session_cache) {
    found = config_->session_cache->find(hello.session_id, provider().now());
    if (!found) note("session id unknown or expired: full handshake");
  }
  if (!found) return std::optional<Session>();

  auto refuse = [&](const std::string &why) {
    note("not resuming the session: " + why + "; full handshake");
    return std::optional<Session>();
  };
  const Session &s = *found;
  if (s.version != version)
    return refuse(std::string("it was made with ") + version_name(s.version) + ", this is " +
                  version_name(version));
  const cipher::CipherSuite *suite = cipher::find_suite(s.cipher_suite);
  const auto ours = configured_suites(*config_);
  if (suite == nullptr || !suite->allows(version) ||
      std::find(ours.begin(), ours.end(), s.cipher_suite) == ours.end())
    return refuse("its cipher suite is not enabled");
  if (std::find(hello.cipher_suites.begin(), hello.cipher_suites.end(), s.cipher_suite) ==
      hello.cipher_suites.end())
    return refuse(std::string("the client no longer offers ") + suite->name);
  if (s.server_name != negotiated_.server_name)
    return refuse("it was made for server name '" + s.server_name + "'");
  if (s.master_secret.size() != 48) return refuse("it holds no master secret");
  // RFC 7627 §5.3.
  const bool would_use_ems = config_->extended_master_secret && offered.extended_master_secret &&
                             version != ProtocolVersion::ssl3;
  if (s.extended_master_secret && !offered.extended_master_secret)
    return make_error(AlertDescription::handshake_failure,
                      "the client resumes an extended-master-secret session without the "
                      "extension (RFC 7627 §5.3)");
  if (s.extended_master_secret != would_use_ems)
    return refuse(s.extended_master_secret
                      ? "it used the extended master secret and this connection would not"
                      : "it did not use the extended master secret and this connection would");
  if (verify_mode() == VerifyMode::require_peer_cert && s.peer_chain.empty())
    return refuse("a client certificate is required and the session has none");
  h.issue_ticket = renew && tickets && offered.session_ticket.has_value();
  if (h.issue_ticket) note("the ticket was sealed under the previous key: renewing it");
  return found;
}

void ServerMachine::cache_session() {
  if (!config_->session_cache || negotiated_.session_id.empty()) return;
  if (auto session = this->session()) config_->session_cache->store(std::move(*session));
}

}  // namespace tls::handshake
