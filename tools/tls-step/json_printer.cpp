// The JSON form (--json): one object per line, one line per step, for programs that animate or
// check a handshake. The same fields as the text form, nothing summarised away.
#include <tls/alert.hpp>
#include <tls/version.hpp>

#include "common/ct.hpp"
#include "common/hex.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "printer.hpp"
#include "record/content_type.hpp"

namespace tls::step {
namespace {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static const char digits[] = "0123456789abcdef";
      out += "\\u00";
      out += digits[u >> 4];
      out += digits[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(std::ostream &out) : out_(out) {}

  void intro(const Options &o) override {
    out_ << "{\"intro\":{\"version\":" << json_string(version_name(o.version))
         << ",\"cipher\":" << json_string(o.cipher) << ",\"seed\":" << o.seed
         << ",\"client_auth\":" << (o.client_auth ? "true" : "false") << "}}\n";
  }

  void part(const std::string &title, const std::string &explanation) override {
    out_ << "{\"part\":" << json_string(title) << ",\"explanation\":" << json_string(explanation)
         << "}\n";
  }

  void step(const Step &s) override {
    out_ << "{\"step\":" << s.number << ",\"side\":\"" << (s.client ? "client" : "server")
         << "\",\"state\":" << json_string(handshake::state_name(s.state))
         << ",\"description\":" << json_string(handshake::state_description(s.state))
         << ",\"result\":" << json_string(handshake::step_result_name(s.result)) << ",\"events\":[";
    for (std::size_t i = 0; i < s.happenings.size(); ++i) {
      if (i) out_ << ",";
      event(s.happenings[i]);
    }
    out_ << "],\"records\":[";
    for (std::size_t i = 0; i < s.records.size(); ++i) {
      const RecordSeen &r = s.records[i];
      if (i) out_ << ",";
      out_ << "{\"direction\":\"" << (r.outgoing ? "out" : "in")
           << "\",\"type\":" << json_string(record::content_type_name(r.type))
           << ",\"version\":" << r.version << ",\"sequence\":" << r.sequence
           << ",\"protection\":" << json_string(r.protection) << ",\"header\":\""
           << to_hex(r.header) << "\",\"fragment\":\"" << to_hex(r.fragment)
           << "\",\"plaintext\":\"" << to_hex(r.plaintext) << "\"}";
    }
    out_ << "]";
    if (!s.action.empty()) out_ << ",\"action\":" << json_string(s.action);
    if (!s.received.empty()) out_ << ",\"received\":" << json_string(s.received);
    out_ << "}\n";
  }

  void summary(const Duet &duet) override {
    out_ << "{\"summary\":{\"ok\":" << (duet.succeeded() ? "true" : "false");
    if (duet.succeeded()) {
      const handshake::Negotiated &n = duet.negotiated(true);
      out_ << ",\"version\":" << json_string(version_name(n.version))
           << ",\"cipher\":" << json_string(n.suite->name)
           << ",\"extended_master_secret\":" << (n.extended_master_secret ? "true" : "false")
           << ",\"same_master_secret\":"
           << (ct::equal(n.master_secret, duet.negotiated(false).master_secret) ? "true" : "false")
           << ",\"resumed\":" << (n.resumed ? "true" : "false")
           << ",\"handshakes\":" << duet.handshakes();
    } else {
      out_ << ",\"error\":" << json_string(duet.failure());
    }
    out_ << "}}\n";
  }

 private:
  void event(const Happening &h) {
    out_ << "{\"kind\":" << json_string(handshake::trace_kind_name(h.kind));
    if (h.message_type)
      out_ << ",\"message\":"
           << json_string(
                  handshake::handshake_type_text(static_cast<std::uint8_t>(*h.message_type)));
    if (!h.secret_name.empty()) out_ << ",\"secret\":" << json_string(h.secret_name);
    if (h.kind == handshake::TraceEvent::Kind::alert_sent ||
        h.kind == handshake::TraceEvent::Kind::alert_received)
      out_ << ",\"level\":" << int{h.alert_level}
           << ",\"alert\":" << json_string(alert_name(h.alert));
    if (!h.text.empty()) out_ << ",\"text\":" << json_string(h.text);
    if (!h.raw.empty()) out_ << ",\"bytes\":\"" << to_hex(h.raw) << "\"";
    if (!h.fields.empty()) {
      out_ << ",\"fields\":[";
      for (std::size_t i = 0; i < h.fields.size(); ++i) {
        const handshake::Field &f = h.fields[i];
        if (i) out_ << ",";
        out_ << "{\"name\":" << json_string(f.name) << ",\"offset\":" << f.offset
             << ",\"length\":" << f.length << ",\"bytes\":\"" << f.bytes
             << "\",\"meaning\":" << json_string(f.meaning) << "}";
      }
      out_ << "]";
    }
    out_ << "}";
  }

  std::ostream &out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream &out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace tls::step
