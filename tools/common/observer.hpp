// What -msg, -state, -trace and -showkeys print, hung off a Context's callbacks.
//
// The callbacks of a Context do not say which connection they come from; the tools drive one
// connection at a time, so they point `current` at it before every call (the server switches
// it as it goes from client to client) and the observer reads the version and the prefix from
// there.
#pragma once

#include <cstdio>
#include <string>

#include <tls/tls.hpp>

#include "hex.hpp"

namespace tls::tools {

// "ClientHello", ... as openssl -msg names handshake messages.
inline const char *handshake_message_name(int type) {
  switch (type) {
    case 0:
      return "HelloRequest";
    case 1:
      return "ClientHello";
    case 2:
      return "ServerHello";
    case 4:
      return "NewSessionTicket";
    case 11:
      return "Certificate";
    case 12:
      return "ServerKeyExchange";
    case 13:
      return "CertificateRequest";
    case 14:
      return "ServerHelloDone";
    case 15:
      return "CertificateVerify";
    case 16:
      return "ClientKeyExchange";
    case 20:
      return "Finished";
    default:
      return "UnknownHandshakeMessage";
  }
}

class Observer {
 public:
  bool show_msg = false;    // -msg: every message, its direction, type, length and hex
  bool show_state = false;  // -state: every state entered
  bool show_trace = false;  // -trace: every event, messages decoded field by field
  bool show_keys = false;   // -showkeys: every secret as it is derived
  std::FILE *out = stdout;
  std::FILE *state_out = stderr;  // openssl prints -state to stderr

  // The connection being driven, and what to put before each line ("[3] " on the server).
  const Connection *current = nullptr;
  std::string prefix;
  // The last state the current connection entered (for failure reports); always tracked.
  std::string *last_state = nullptr;

  // Installs the callbacks on `ctx` (the observer must outlive every connection made from it).
  void install(Context &ctx) {
    ctx.set_state_callback([this](bool from_client, HandshakeState, const char *name) {
      if (last_state != nullptr) *last_state = name;
      if (show_state) {
        std::fprintf(state_out, "%s%s: %s\n", prefix.c_str(),
                     from_client ? "SSL_connect" : "SSL_accept", name);
        std::fflush(state_out);
      }
    });
    if (show_msg)
      ctx.set_message_callback([this](bool sent, int type, std::span<const std::uint8_t> bytes) {
        on_message(sent, type, bytes);
      });
    if (show_trace || show_keys) {
      ctx.set_trace_fields(show_trace);
      ctx.set_trace_secrets(show_keys);
      ctx.set_trace_callback([this](const TraceEvent &event) { on_trace(event); });
    }
  }

 private:
  std::string version() const {
    if (current != nullptr && current->version()) return current->version_name();
    return "TLS";  // before the ServerHello settled it
  }

  void on_message(bool sent, int type, std::span<const std::uint8_t> bytes) {
    std::string what;
    switch (type) {
      case 22:
        what = std::string("Handshake [length ") + length4(bytes.size()) + "], " +
               handshake_message_name(bytes.empty() ? -1 : bytes[0]);
        break;
      case 20:
        what = "ChangeCipherSpec [length " + length4(bytes.size()) + "]";
        break;
      case 21: {
        what = "Alert [length " + length4(bytes.size()) + "]";
        if (bytes.size() == 2)
          what += std::string(", ") + alert_level_name(static_cast<AlertLevel>(bytes[0])) + " " +
                  alert_name(static_cast<AlertDescription>(bytes[1]));
        break;
      }
      default:
        what = "content type " + std::to_string(type);
        break;
    }
    std::fprintf(out, "%s%s %s %s\n", prefix.c_str(), sent ? ">>>" : "<<<", version().c_str(),
                 what.c_str());
    std::fputs(hex_dump(bytes, prefix + "    ").c_str(), out);
    std::fflush(out);
  }

  void on_trace(const TraceEvent &e) {
    const char *side = e.from_client ? "client" : "server";
    using Kind = TraceEvent::Kind;
    if (e.kind == Kind::secret) {
      if (show_keys)
        std::fprintf(out, "%s%s derived %.*s (%zu bytes): %s\n", prefix.c_str(), side,
                     static_cast<int>(e.secret_name.size()), e.secret_name.data(), e.raw.size(),
                     hex(e.raw).c_str());
      std::fflush(out);
      return;
    }
    if (!show_trace) return;
    switch (e.kind) {
      case Kind::state:
        std::fprintf(out, "%s[%s] state %s\n", prefix.c_str(), side, e.state_name);
        break;
      case Kind::message_sent:
      case Kind::message_received: {
        const bool sent = e.kind == Kind::message_sent;
        std::fprintf(out, "%s[%s] %s %s, %zu bytes, in %s\n", prefix.c_str(), side,
                     sent ? "sent" : "received",
                     handshake_message_name(e.message_type ? *e.message_type : -1), e.raw.size(),
                     e.state_name);
        print_fields(e);
        break;
      }
      case Kind::change_cipher_spec_sent:
      case Kind::change_cipher_spec_received:
        std::fprintf(out, "%s[%s] %s ChangeCipherSpec in %s\n", prefix.c_str(), side,
                     e.kind == Kind::change_cipher_spec_sent ? "sent" : "received", e.state_name);
        break;
      case Kind::alert_sent:
      case Kind::alert_received:
        std::fprintf(out, "%s[%s] %s alert %s %s\n", prefix.c_str(), side,
                     e.kind == Kind::alert_sent ? "sent" : "received",
                     alert_level_name(e.alert_level), alert_name(e.alert));
        break;
      case Kind::keys_installed:
      case Kind::note:
        std::fprintf(out, "%s[%s] %s: %.*s\n", prefix.c_str(), side, trace_kind_name(e.kind),
                     static_cast<int>(e.text.size()), e.text.data());
        break;
      case Kind::secret:
        break;
    }
    std::fflush(out);
  }

  // "    +0004  2  client_version = 0303  (TLSv1.2)"; long values wrap at 32 bytes a line.
  void print_fields(const TraceEvent &e) {
    if (e.fields.empty()) {
      std::fputs(hex_dump(e.raw, prefix + "    ").c_str(), out);
      return;
    }
    for (const TraceField &f : e.fields) {
      std::fprintf(out, "%s    +%04zx %4zu  %s", prefix.c_str(), f.offset, f.length,
                   f.name.c_str());
      if (f.bytes.size() <= 64) {
        std::fprintf(out, " = %s", f.bytes.c_str());
        if (!f.meaning.empty()) std::fprintf(out, "  (%s)", f.meaning.c_str());
        std::fputc('\n', out);
      } else {
        if (!f.meaning.empty()) std::fprintf(out, "  (%s)", f.meaning.c_str());
        std::fputc('\n', out);
        for (std::size_t i = 0; i < f.bytes.size(); i += 64)
          std::fprintf(out, "%s        %s\n", prefix.c_str(), f.bytes.substr(i, 64).c_str());
      }
    }
  }

  static std::string length4(std::size_t n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04zx", n);
    return buffer;
  }
};

}  // namespace tls::tools
