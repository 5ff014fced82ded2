#include "handshake/machine.hpp"

#include "handshake/client_machine.hpp"
#include "handshake/server_machine.hpp"

namespace tls::handshake {

std::unique_ptr<Machine> Machine::create(std::shared_ptr<const Config> config,
                                         record::RecordLayer &records, ConnectionParams params) {
  if (config->role == Role::client)
    return std::make_unique<ClientMachine>(std::move(config), records, std::move(params));
  return std::make_unique<ServerMachine>(std::move(config), records);
}

}  // namespace tls::handshake

namespace tls::handshake {

std::optional<Session> Machine::session() const {
  if (state_ != State::ok || negotiated_.suite == nullptr) return std::nullopt;
  if (negotiated_.session_id.empty() && negotiated_.session_ticket.empty()) return std::nullopt;
  return session_snapshot();
}

Session Machine::session_snapshot() const {
  Session s;
  s.version = negotiated_.version;
  s.cipher_suite = negotiated_.suite != nullptr ? negotiated_.suite->id : 0;
  s.session_id = negotiated_.session_id;
  s.master_secret = negotiated_.master_secret;
  s.extended_master_secret = negotiated_.extended_master_secret;
  s.server_name = negotiated_.server_name;
  s.alpn = negotiated_.alpn;
  for (const x509::Certificate &cert : negotiated_.peer_chain)
    s.peer_chain.emplace_back(cert.der().begin(), cert.der().end());
  s.created = negotiated_.session_created;
  s.ticket = negotiated_.session_ticket;
  s.ticket_lifetime_hint = negotiated_.ticket_lifetime_hint;
  s.lifetime = negotiated_.ticket_lifetime_hint;
  return s;
}

}  // namespace tls::handshake
