// What both tools print about a connection: after the handshake (in the manner of openssl
// s_client's summary), and after a handshake failure (the state, the alert, the reason).
#pragma once

#include <optional>
#include <string>

#include <tls/tls.hpp>

#include "hex.hpp"

namespace tls::tools {

// The chain as the peer sent it: " 0 s:CN = localhost\n   i:CN = Intermediate\n".
inline std::string chain_text(const Connection &conn, bool with_pem) {
  std::string out;
  const auto chain = conn.peer_certificates();
  int depth = 0;
  for (const Certificate &cert : chain) {
    out += " " + std::to_string(depth++) + " s:" + cert.subject() + "\n";
    out += "   i:" + cert.issuer() + "\n";
    if (with_pem) out += cert.pem();
  }
  return out;
}

// When the application overrode a verification failure (tls-client -noverify), the error it
// overrode; the connection then reports the chain as verified.
struct VerifyOverride {
  std::optional<long> error;
};

inline std::string verify_text(const Connection &conn, const VerifyOverride &override_) {
  long code = conn.verify_result();
  std::string text = conn.verify_result_text();
  if (override_.error && code == 0) {
    code = *override_.error;
    text = verify_error_string(code);
  }
  return std::to_string(code) + " (" + text + ")";
}

// The lines openssl s_client prints after "---" (chain, protocol, cipher, session), in plain
// text; the server uses them too (the chain then is the client's).
inline std::string session_summary(const Connection &conn, const VerifyOverride &override_ = {},
                                   bool show_certs = false) {
  std::string out = "---\n";
  const bool client = conn.role() == Role::client;
  if (conn.peer_certificates().empty()) {
    out += client ? "no peer certificate available\n" : "no client certificate\n";
  } else {
    out += client ? "Certificate chain\n" : "Client certificate chain\n";
    out += chain_text(conn, show_certs);
  }
  out += "---\n";
  out += std::string(conn.session_resumed() ? "Reused, " : "New, ") + conn.version_name() +
         ", Cipher is " + conn.cipher() + "\n";
  out += std::string("Secure Renegotiation IS ") + (conn.secure_renegotiation() ? "" : "NOT ") +
         "supported\n";
  const std::string alpn = conn.alpn_selected();
  out += alpn.empty() ? "No ALPN negotiated\n" : "ALPN protocol: " + alpn + "\n";
  out += "SSL-Session:\n";
  out += std::string("    Protocol  : ") + conn.version_name() + "\n";
  out += std::string("    Cipher    : ") + conn.cipher() + "\n";
  out += "    Session-ID: " + upper_hex(conn.session().id()) + "\n";
  out += std::string("    Extended master secret: ") +
         (conn.extended_master_secret() ? "yes" : "no") + "\n";
  const std::string sni = conn.server_name();
  if (!sni.empty()) out += "    Server name: " + sni + "\n";
  if (client || !conn.peer_certificates().empty())
    out += "    Verify return code: " + verify_text(conn, override_) + "\n";
  out += "---\n";
  return out;
}

// "handshake failed in SSL3_ST_CR_CERT\nalert: unknown_ca (fatal, sent)\nreason: ..."
inline std::string failure_text(const Connection &conn, const std::string &last_state) {
  std::string out =
      "handshake failed in " + (last_state.empty() ? "SSL_ST_BEFORE" : last_state) + "\n";
  if (const auto alert = conn.last_alert()) {
    out += std::string("alert: ") + alert_name(alert->description) + " (" +
           alert_level_name(alert->level) + ", " + (alert->sent ? "sent" : "received") + ")\n";
  } else {
    out += "alert: none\n";
  }
  const std::string reason = conn.error_text();
  out += "reason: " + (reason.empty() ? std::string("the connection ended") : reason) + "\n";
  if (conn.role() == Role::client && !conn.peer_certificates().empty())
    out += "verify result: " + std::to_string(conn.verify_result()) + " (" +
           conn.verify_result_text() + ")\n";
  return out;
}

}  // namespace tls::tools
