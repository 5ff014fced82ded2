#include "x509/general_name.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

std::uint16_t group(ByteView address, std::size_t i) {
  return static_cast<std::uint16_t>(address[2 * i] << 8 | address[2 * i + 1]);
}

// Control and non-ASCII octets as \xHH, so that a NUL in a dNSName shows in messages.
std::string escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string ip_to_string(ByteView address, bool openssl_style) {
  char buf[8];
  std::string out;
  if (address.size() == 4) {
    for (std::size_t i = 0; i < 4; ++i) {
      if (i) out += '.';
      out += std::to_string(address[i]);
    }
    return out;
  }
  if (address.size() != 16) return "<invalid " + std::to_string(address.size()) + "-byte address>";
  if (openssl_style) {
    for (std::size_t i = 0; i < 8; ++i) {
      std::snprintf(buf, sizeof buf, "%X", group(address, i));
      if (i) out += ':';
      out += buf;
    }
    return out;
  }
  // RFC 5952: the longest run of two or more zero groups (the first if tied) becomes "::".
  std::size_t best_at = 8, best_len = 0;
  for (std::size_t i = 0; i < 8;) {
    if (group(address, i) != 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < 8 && group(address, j) == 0)
      ++j;
    if (j - i > best_len && j - i >= 2) {
      best_at = i;
      best_len = j - i;
    }
    i = j;
  }
  for (std::size_t i = 0; i < 8;) {
    if (i == best_at) {
      out += "::";
      i += best_len;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buf, sizeof buf, "%x", group(address, i));
    out += buf;
    ++i;
  }
  return out;
}

std::string GeneralName::to_string() const {
  switch (type) {
    case GeneralNameType::other_name:
      return "othername:<unsupported>";
    case GeneralNameType::rfc822_name:
      return "email:" + escaped(text);
    case GeneralNameType::dns_name:
      return "DNS:" + escaped(text);
    case GeneralNameType::x400_address:
      return "X400Name:<unsupported>";
    case GeneralNameType::directory_name:
      return "DirName:" + directory_name.to_string();
    case GeneralNameType::edi_party_name:
      return "EdiPartyName:<unsupported>";
    case GeneralNameType::uri:
      return "URI:" + escaped(text);
    case GeneralNameType::ip_address:
      if (bytes.size() == 8 || bytes.size() == 32) {
        const std::size_t half = bytes.size() / 2;
        return "IP:" + ip_to_string(bytes.first(half), true) + "/" +
               ip_to_string(bytes.subspan(half), true);
      }
      return "IP Address:" + ip_to_string(bytes, true);
    case GeneralNameType::registered_id:
      return "Registered ID:" + oid_display_name(text);
  }
  return "<unknown GeneralName>";
}

GeneralName read_general_name(der::DerReader &r, bool in_name_constraints) {
  GeneralName name;
  if (r.failed()) return name;
  const std::size_t at = r.offset();
  const std::uint8_t id = r.peek_identifier();
  const bool constructed = (id & 0x20) != 0;
  const std::uint32_t number = id & 0x1f;
  if ((id & 0xc0) != der::Tag::kContext || number > 8) {
    const der::Element e = r.read_any("GeneralName");
    if (r.ok()) r.fail_at(at, "expected a GeneralName ([0]..[8]), found " + e.tag.name());
    return name;
  }
  name.type = static_cast<GeneralNameType>(number);
  // otherName, x400Address, directoryName and ediPartyName are constructed; the rest are
  // primitive (IMPLICIT over a primitive type).
  const bool want_constructed = number == 0 || number == 3 || number == 4 || number == 5;
  if (constructed != want_constructed) {
    r.fail_at(at, "GeneralName [" + std::to_string(number) + "] has the wrong form (" +
                      (constructed ? "constructed" : "primitive") + ")");
    return name;
  }
  switch (name.type) {
    case GeneralNameType::rfc822_name:
    case GeneralNameType::dns_name:
    case GeneralNameType::uri: {
      const der::Element e = r.read(der::context(number, false), "GeneralName");
      if (r.failed()) return name;
      name.encoding = e.encoding;
      name.bytes = e.content;
      for (std::uint8_t c : e.content) {
        if (c >= 0x80) {
          r.fail_at(at, "GeneralName: IA5String holds a non-ASCII octet");
          return name;
        }
      }
      name.text.assign(e.content.begin(), e.content.end());
      return name;
    }
    case GeneralNameType::ip_address: {
      const der::Element e = r.read(der::context(7, false), "iPAddress");
      if (r.failed()) return name;
      name.encoding = e.encoding;
      name.bytes = e.content;
      const std::size_t n = e.content.size();
      const bool ok = in_name_constraints ? (n == 8 || n == 32) : (n == 4 || n == 16);
      if (!ok)
        r.fail_at(at, "iPAddress of " + std::to_string(n) + " octets (expected " +
                          (in_name_constraints ? "8 or 32" : "4 or 16") + ")");
      return name;
    }
    case GeneralNameType::registered_id: {
      const der::Element e = r.read(der::context(8, false), "registeredID");
      if (r.failed()) return name;
      std::string why;
      if (!check_oid(e.content, &why)) {
        r.fail_at(at, "registeredID: " + why);
        return name;
      }
      name.encoding = e.encoding;
      name.bytes = e.content;
      name.text = oid_to_string(e.content);
      return name;
    }
    case GeneralNameType::directory_name: {
      der::Element e;
      der::DerReader inner = r.enter(der::context(4, true), "directoryName", &e);
      name.encoding = e.encoding;
      name.bytes = e.content;
      name.directory_name = read_name(inner, "directoryName");
      inner.expect_end("directoryName");
      return name;
    }
    case GeneralNameType::other_name: {
      der::Element e;
      der::DerReader inner = r.enter(der::context(0, true), "otherName", &e);
      (void)inner.oid("otherName type-id");
      der::DerReader value = inner.enter(der::context(0, true), "otherName value");
      (void)value.read_any("otherName value");
      value.expect_end("otherName value");
      inner.expect_end("otherName");
      name.encoding = e.encoding;
      name.bytes = e.content;
      return name;
    }
    default: {
      const der::Element e = r.read_any("GeneralName");
      name.encoding = e.encoding;
      name.bytes = e.content;
      return name;
    }
  }
}

std::vector<GeneralName> read_general_names(der::DerReader &r, der::Tag tag, const char *what) {
  std::vector<GeneralName> names;
  der::DerReader seq = r.enter(tag, what);
  if (seq.ok() && seq.empty()) seq.fail(std::string("empty ") + what);
  while (seq.ok() && !seq.empty())
    names.push_back(read_general_name(seq));
  return names;
}

}  // namespace tls::x509
