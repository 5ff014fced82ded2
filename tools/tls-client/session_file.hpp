// -sess_out / -sess_in: a tls::Session in a PEM file ("TLSPP SESSION PARAMETERS"), like
// openssl's "SSL SESSION PARAMETERS": Session::to_bytes() inside (version, suite, id, master
// secret, EMS, server name, ALPN, the peer's chain, times, the ticket). The file holds the
// master secret: it is written with mode 0600.
#pragma once

#include <string>

#include <tls/error.hpp>
#include <tls/session.hpp>

namespace tls::tools {

Status save_session(const Session &session, const std::string &path);
Result<Session> load_session(const std::string &path);

}  // namespace tls::tools
