#include "x509/asn1_tree.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

void parse_into(der::DerReader &r, int depth, std::vector<Asn1Node> &out) {
  while (r.ok() && !r.empty()) {
    Asn1Node node;
    node.depth = depth;
    der::DerReader inner = r.enter_any("element", &node.element);
    if (r.failed()) return;
    std::string why;
    if (!der::check_universal(node.element, &why)) {
      r.fail_at(node.element.offset, why);
      return;
    }
    if (node.element.tag.constructed) parse_into(inner, depth + 1, node.children);
    out.push_back(std::move(node));
  }
}

void encode_into(Writer &w, const Asn1Node &node) {
  if (!node.element.tag.constructed) {
    der::write_element(w, node.element.tag, node.element.content);
    return;
  }
  Writer body;
  for (const Asn1Node &child : node.children)
    encode_into(body, child);
  der::write_element(w, node.element.tag, body.data());
}

std::string upper_hex(ByteView bytes) {
  std::string s = to_hex(bytes);
  for (char &c : s)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The value part of an asn1parse line (without the leading ':'), or nullopt for none.
std::optional<std::string> value_text(const der::Element &e) {
  const der::Tag t = e.tag;
  if (t.cls != der::Tag::kUniversal || t.constructed) return std::nullopt;
  const ByteView c = e.content;
  switch (t.number) {
    case 1:
      return std::to_string(c[0]);
    case 2:
    case 10: {
      // As openssl prints it: the magnitude, without the sign octet.
      if ((c[0] & 0x80) == 0) return upper_hex(c.size() > 1 && c[0] == 0 ? c.subspan(1) : c);
      // Negative: print "-" and the magnitude (two's complement negated).
      Bytes mag(c.begin(), c.end());
      for (auto &b : mag)
        b = static_cast<std::uint8_t>(~b);
      for (std::size_t i = mag.size(); i-- > 0;)
        if (++mag[i] != 0) break;
      std::size_t skip = 0;
      while (skip + 1 < mag.size() && mag[skip] == 0)
        ++skip;
      return "-" + upper_hex(ByteView(mag).subspan(skip));
    }
    case 4: {
      bool printable = true;
      for (std::uint8_t b : c)
        if ((b < ' ' && b != '\n' && b != '\r' && b != '\t') || b > '~') printable = false;
      if (printable) return std::string(c.begin(), c.end());
      return "[HEX DUMP]:" + upper_hex(c);
    }
    case 6:
      return oid_display_name(oid_to_string(c));
    case 23:
    case 24:
      return std::string(c.begin(), c.end());
    default:
      if (der::is_string_tag(t) && t.number != 30 && t.number != 28)
        return std::string(c.begin(), c.end());
      if (der::is_string_tag(t)) return der::decode_string(t, c).value_or("");
      return std::nullopt;
  }
}

void dump_into(std::string &out, const std::vector<Asn1Node> &nodes) {
  for (const Asn1Node &node : nodes) {
    const der::Element &e = node.element;
    char head[96];
    std::snprintf(head, sizeof head, "%5zu:d=%-2d hl=%zu l=%4zu %s: %-18s", e.offset, node.depth,
                  e.header_size, e.content.size(), e.tag.constructed ? "cons" : "prim",
                  e.tag.name().c_str());
    out += head;
    if (const auto v = value_text(e)) {
      out += e.tag.number == 4 && v->rfind("[HEX DUMP]", 0) == 0 ? "" : ":";
      out += *v;
    }
    out += '\n';
    dump_into(out, node.children);
  }
}

}  // namespace

Result<std::vector<Asn1Node>> parse_asn1_tree(ByteView der) {
  der::DerReader r(der, "DER");
  std::vector<Asn1Node> nodes;
  if (der.empty()) r.fail("empty input");
  parse_into(r, 0, nodes);
  if (r.failed()) return r.error();
  return nodes;
}

Bytes encode_asn1_tree(const std::vector<Asn1Node> &nodes) {
  Writer w;
  for (const Asn1Node &node : nodes)
    encode_into(w, node);
  return w.take();
}

std::string dump_asn1_tree(const std::vector<Asn1Node> &nodes) {
  std::string out;
  dump_into(out, nodes);
  return out;
}

}  // namespace tls::x509
