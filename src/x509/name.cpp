#include "x509/name.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "common/hex.hpp"
#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// RFC 5280 §7.1 / RFC 4518 in the simplified form OpenSSL uses: ASCII letters folded to lower
// case, leading and trailing white space removed, inner runs of white space made one space.
std::string canonical(const NameAttribute &attr) {
  if (!attr.is_string) return "#" + to_hex(attr.encoding);
  std::string out;
  bool pending_space = false;
  for (char c : attr.value) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// The canonical form of a whole name, as one string: each RDN's attributes (type, folded
// value) sorted, since a SET's order carries no meaning; every piece length-prefixed so that
// no two different names serialise alike.
std::string canonical_form(const Name &name) {
  std::string out;
  auto put = [&out](const std::string &piece) {
    out += std::to_string(piece.size());
    out += ':';
    out += piece;
  };
  for (const Rdn &rdn : name.rdns) {
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const NameAttribute &attr : rdn)
      attrs.emplace_back(attr.oid, canonical(attr));
    std::sort(attrs.begin(), attrs.end());
    out += '{';
    for (const auto &[oid, value] : attrs) {
      put(oid);
      put(value);
    }
    out += '}';
  }
  return out;
}

// One value the way OpenSSL's XN_FLAG_ONELINE prints it: characters RFC 2253 treats as
// special make the value quoted; control and non-ASCII octets are escaped as \XX.
std::string print_value(const NameAttribute &attr) {
  if (!attr.is_string) return "#" + to_hex(attr.encoding);
  std::string out;
  bool quote = false;
  for (std::size_t i = 0; i < attr.value.size(); ++i) {
    const auto c = static_cast<unsigned char>(attr.value[i]);
    if (c < 0x20 || c >= 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "\\%02X", c);
      out += buf;
      continue;
    }
    switch (c) {
      case ',':
      case '+':
      case '<':
      case '>':
      case ';':
        quote = true;
        break;
      case '"':
      case '\\':
        out.push_back('\\');
        break;
      case '#':
        if (i == 0) quote = true;
        break;
      case ' ':
        if (i == 0 || i + 1 == attr.value.size()) quote = true;
        break;
      default:
        break;
    }
    out.push_back(static_cast<char>(c));
  }
  return quote ? "\"" + out + "\"" : out;
}

NameAttribute read_attribute(der::DerReader &r) {
  der::DerReader atv = r.enter(der::kSequence, "AttributeTypeAndValue");
  NameAttribute attr;
  attr.oid = oid_to_string(atv.oid("attribute type"));
  if (atv.failed()) return attr;
  const der::Element e = atv.read_any("attribute value");
  if (atv.failed()) return attr;
  attr.type = e.tag;
  attr.encoding = e.encoding;
  attr.is_string = der::is_string_tag(e.tag);
  if (attr.is_string) {
    std::string why;
    auto text = der::decode_string(e.tag, e.content, &why);
    if (!text) {
      atv.fail_at(e.offset, std::string("attribute value: ") + why);
      return attr;
    }
    attr.value = std::move(*text);
  }
  atv.expect_end("AttributeTypeAndValue");
  return attr;
}

}  // namespace

Name read_name(der::DerReader &r, const char *what) {
  Name name;
  der::Element whole;
  der::DerReader seq = r.enter(der::kSequence, what, &whole);
  name.der = whole.encoding;
  while (seq.ok() && !seq.empty()) {
    der::DerReader set = seq.enter(der::kSet, "RelativeDistinguishedName");
    Rdn rdn;
    if (set.ok() && set.empty()) set.fail("empty RelativeDistinguishedName");
    while (set.ok() && !set.empty())
      rdn.push_back(read_attribute(set));
    name.rdns.push_back(std::move(rdn));
  }
  name.canonical = canonical_form(name);
  return name;
}

std::string Name::to_string() const {
  std::string out;
  for (const Rdn &rdn : rdns) {
    if (!out.empty()) out += ", ";
    bool first = true;
    for (const NameAttribute &attr : rdn) {
      if (!first) out += " + ";
      first = false;
      const char *sn = oid_short_name(attr.oid);
      out += sn ? sn : attr.oid;
      out += " = ";
      out += print_value(attr);
    }
  }
  return out;
}

std::vector<std::string> Name::values(std::string_view oid) const {
  std::vector<std::string> out;
  for (const Rdn &rdn : rdns)
    for (const NameAttribute &attr : rdn)
      if (attr.oid == oid && attr.is_string) out.push_back(attr.value);
  return out;
}

bool names_match(const Name &a, const Name &b) {
  if (a.der.size() == b.der.size() && std::equal(a.der.begin(), a.der.end(), b.der.begin()))
    return true;
  return a.canonical == b.canonical;
}

}  // namespace tls::x509
