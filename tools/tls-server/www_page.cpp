// The -www page: what openssl s_server -www shows (the summary, the suites) and what a
// learner wants to see besides: every suite and extension the client offered, in its order.
#include <set>
#include <sstream>

#include "../common/summary.hpp"
#include "server.hpp"

namespace tls::tools {
namespace {

std::string html_escape(const std::string &text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        break;  // the request's CRLF shows as a line end
      default:
        // Control bytes from the request stay visible without reaching the page raw.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += '.';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string hex4(std::uint16_t v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%04x", v);
  return buffer;
}

std::set<std::string> split_names(const std::string &colon_separated) {
  std::set<std::string> names;
  std::stringstream in(colon_separated);
  for (std::string name; std::getline(in, name, ':');)
    names.insert(name);
  return names;
}

}  // namespace

std::string www_response(const Connection &conn, const Context &context, const std::string &peer,
                         const std::string &request) {
  std::string text;
  text += "tls-server: a TLS connection from " + peer + "\n";
  text += session_summary(conn);

  const std::set<std::string> ours = split_names(context.cipher_list());
  const auto suites = conn.client_cipher_suites();
  text += "Cipher suites the client offered (" + std::to_string(suites.size()) +
          ", in its order; * chosen, + enabled here):\n";
  for (const std::uint16_t id : suites) {
    const std::string name = cipher_suite_openssl_name(id);
    const char mark = id == conn.cipher_id() ? '*' : (ours.count(name) != 0 ? '+' : ' ');
    text += std::string("  ") + mark + " " + hex4(id) + "  " + cipher_suite_text(id);
    if (!name.empty()) text += "  (" + name + ")";
    text += "\n";
  }
  const auto extensions = conn.client_extensions();
  text += "---\nExtensions the client sent (" + std::to_string(extensions.size()) +
          ", in its order):\n";
  for (const std::uint16_t type : extensions)
    text += "    " + extension_text(type) + "\n";
  text += "---\nThe request:\n" + request;

  std::string page =
      "HTTP/1.0 200 ok\r\n"
      "Content-type: text/html\r\n"
      "\r\n"
      "<!DOCTYPE html>\n<html><head><title>tls-server</title></head>\n"
      "<body><pre>\n";
  page += html_escape(text);
  page += "</pre></body></html>\n";
  return page;
}

}  // namespace tls::tools
