// The text form: each step under a heading that names the side and the state, then what the
// step did — messages with every field decoded, records with their protection, secrets as they
// are derived — in the order it happened.
#include <algorithm>
#include <set>
#include <string_view>

#include <tls/alert.hpp>
#include <tls/version.hpp>

#include "common/ct.hpp"
#include "common/hex.hpp"
#include "explanations.hpp"
#include "handshake/field_trace.hpp"
#include "handshake/messages/handshake_header.hpp"
#include "printer.hpp"
#include "record/content_type.hpp"

namespace tls::step {
namespace {

using Kind = handshake::TraceEvent::Kind;

const char *side_name(bool client) {
  return client ? "client" : "server";
}

// Hex in lines of 32 bytes, each line indented.
std::string hex_block(ByteView bytes, std::string_view indent) {
  std::string out;
  for (std::size_t at = 0; at < bytes.size(); at += 32) {
    out += indent;
    out += to_hex(bytes.subspan(at, std::min<std::size_t>(32, bytes.size() - at)));
    out += '\n';
  }
  return out;
}

// Printable text with \r, \n and other control bytes escaped.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      static const char digits[] = "0123456789abcdef";
      out += "\\x";
      out += digits[static_cast<unsigned char>(c) >> 4];
      out += digits[static_cast<unsigned char>(c) & 15];
    } else
      out += c;
  }
  return out + "\"";
}

std::string version_text(std::uint16_t wire) {
  const auto v = version_from_wire(wire);
  return v ? version_name(*v)
           : "0x" + to_hex(Bytes{static_cast<std::uint8_t>(wire >> 8),
                                 static_cast<std::uint8_t>(wire)});
}

class TextPrinter final : public Printer {
 public:
  explicit TextPrinter(std::ostream &out) : out_(out) {}

  void intro(const Options &o) override {
    out_ << "tls-step: a " << version_name(o.version)
         << " handshake between tlspp's client and server, in one process.\n"
         << "The client offers: " << o.cipher << "\n"
         << "The server's certificate: "
         << (o.cert == CertType::rsa     ? "RSA-2048"
             : o.cert == CertType::ecdsa ? "ECDSA P-256"
                                         : "Ed25519")
         << (o.client_auth ? "; the server asks the client for a certificate" : "") << "\n"
         << "Every random value comes from seed " << o.seed
         << ": the same seed prints the same bytes.\n"
         << "Arrows: -> a side sends, <- a side receives. Field tables give offset, length,\n"
         << "name, bytes (hex) and meaning; offsets count from the message's first byte.\n";
  }

  void part(const std::string &title, const std::string &explanation) override {
    out_ << "\n##### " << title << "\n" << explanation << "\n";
  }

  void step(const Step &s) override {
    out_ << "\n=== step " << s.number << ": " << side_name(s.client) << ", "
         << handshake::state_name(s.state) << " ("
         << (s.action.empty() ? handshake::state_description(s.state) : s.action) << ")\n";
    if (s.action.empty() && explained_states_.insert(s.state).second) {
      const std::string_view lesson = explain_state(s.state);
      if (!lesson.empty()) out_ << indent(std::string(lesson), "  | ");
    }
    std::size_t next_record = 0;
    for (const Happening &h : s.happenings) {
      show(h, s.client);
      // Records written for a message follow it; received ones come before it is parsed.
      if (h.kind == Kind::message_sent || h.kind == Kind::change_cipher_spec_sent ||
          h.kind == Kind::alert_sent) {
        while (next_record < s.records.size() && s.records[next_record].outgoing)
          show(s.records[next_record++]);
      }
    }
    for (; next_record < s.records.size(); ++next_record)
      show(s.records[next_record]);
    if (!s.received.empty())
      out_ << "  the " << side_name(s.client) << " reads " << quoted(s.received) << "\n";
    const bool moved_message =
        std::any_of(s.happenings.begin(), s.happenings.end(),
                    [](const Happening &h) { return h.kind != Kind::state; });
    if (s.result == handshake::StepResult::need_input && !moved_message)
      out_ << "  (waits for the " << side_name(!s.client) << "'s next flight)\n";
  }

  void summary(const Duet &duet) override {
    out_ << "\n##### summary\n";
    if (!duet.succeeded()) {
      out_ << "The handshake failed: " << duet.failure() << "\n";
      return;
    }
    const handshake::Negotiated &n = duet.negotiated(true);
    out_ << "version:                 " << version_name(n.version) << "\n"
         << "cipher suite:            " << n.suite->name << " (" << n.suite->iana_name << ")\n"
         << "extended master secret:  " << (n.extended_master_secret ? "yes" : "no") << "\n"
         << "secure renegotiation:    " << (n.secure_renegotiation ? "yes" : "no") << "\n"
         << "same master secret:      "
         << (ct::equal(n.master_secret, duet.negotiated(false).master_secret) ? "yes" : "NO")
         << "\n";
    if (n.resumed) out_ << "session:                 resumed (abbreviated handshake)\n";
    if (duet.handshakes() > 1)
      out_ << "handshakes:              " << duet.handshakes() << " (renegotiated)\n";
  }

 private:
  void show(const Happening &h, bool client) {
    switch (h.kind) {
      case Kind::state:
        return;
      case Kind::message_sent:
      case Kind::message_received: {
        const bool sent = h.kind == Kind::message_sent;
        out_ << "  " << (sent ? "-> " : "<- ")
             << (h.message_type
                     ? handshake::handshake_type_text(static_cast<std::uint8_t>(*h.message_type))
                     : std::string("handshake message"))
             << ", " << h.raw.size() << " bytes (4-byte header + " << (h.raw.size() - 4)
             << "-byte body)\n";
        if (!h.fields.empty()) {
          std::string table = handshake::format_fields(h.fields, 64);
          out_ << indent(table, "     ");
        } else {
          out_ << hex_block(h.raw, "     ");
        }
        return;
      }
      case Kind::change_cipher_spec_sent:
        out_ << "  -> ChangeCipherSpec (payload 01): from now on the " << side_name(client)
             << " writes with the new keys\n";
        return;
      case Kind::change_cipher_spec_received:
        out_ << "  <- ChangeCipherSpec (payload 01): from now on the " << side_name(!client)
             << " writes with the new keys\n";
        return;
      case Kind::alert_sent:
      case Kind::alert_received:
        out_ << "  " << (h.kind == Kind::alert_sent ? "-> " : "<- ") << "alert "
             << alert_level_name(static_cast<AlertLevel>(h.alert_level)) << " "
             << alert_name(h.alert) << (h.text.empty() ? "" : ": " + h.text) << "\n";
        return;
      case Kind::secret:
        out_ << "  * " << h.secret_name << " (" << h.raw.size() << " bytes)"
             << (h.raw.empty() ? ": none for this suite" : "") << "\n";
        if (explained_secrets_.insert(h.secret_name).second) {
          const std::string_view how = explain_secret(h.secret_name);
          if (!how.empty()) out_ << "      = " << how << "\n";
        }
        out_ << hex_block(h.raw, "      ");
        return;
      case Kind::keys_installed:
        out_ << "  * " << h.text << "\n";
        return;
      case Kind::note:
        out_ << "  note: " << h.text << "\n";
        return;
    }
  }

  void show(const RecordSeen &r) {
    const bool hidden = r.fragment != r.plaintext;
    out_ << "     record " << (r.outgoing ? "out" : "in") << ": "
         << record::content_type_name(r.type) << ", " << version_text(r.version) << ", "
         << r.fragment.size() << " bytes on the wire, sequence " << r.sequence << ", "
         << r.protection << "\n";
    if (!hidden) return;
    out_ << "       header    " << to_hex(r.header) << "\n"
         << "       protected\n"
         << hex_block(r.fragment, "         ") << "       plaintext\n"
         << hex_block(r.plaintext, "         ");
  }

  static std::string indent(const std::string &text, std::string_view by) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      const std::size_t stop = end == std::string::npos ? text.size() : end;
      out += by;
      out.append(text, start, stop - start);
      out += '\n';
      start = stop + 1;
    }
    return out;
  }

  std::ostream &out_;
  std::set<handshake::State> explained_states_;  // each state is explained once
  std::set<std::string> explained_secrets_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream &out) {
  return std::make_unique<TextPrinter>(out);
}

}  // namespace tls::step
