// -sess_out / -sess_in: a tls::Session in a PEM file ("TLSPP SESSION PARAMETERS"), like
// openssl's "SSL SESSION PARAMETERS". The file holds the master secret: keep it private.
//
// The public API has no serialized form of a session yet, so this reads and writes the
// session's fields through the library's internal Session::Impl.
#pragma once

#include <string>

#include <tls/error.hpp>
#include <tls/session.hpp>

namespace tls::tools {

Status save_session(const Session &session, const std::string &path);
Result<Session> load_session(const std::string &path);

}  // namespace tls::tools
