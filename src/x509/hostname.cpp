#include "x509/hostname.hpp"

#include <vector>

#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Splits on '.'; nullopt when a label is empty or holds a character that has no place in a
// host name (NUL included).
std::optional<std::vector<std::string_view>> labels(std::string_view name) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t dot = name.find('.', pos);
    const std::string_view label =
        name.substr(pos, dot == std::string_view::npos ? name.npos : dot - pos);
    if (label.empty()) return std::nullopt;
    for (char c : label) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '*';
      if (!ok) return std::nullopt;
    }
    out.push_back(label);
    if (dot == std::string_view::npos) return out;
    pos = dot + 1;
  }
}

std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view text) {
  std::array<std::uint8_t, 4> out{};
  std::size_t part = 0, pos = 0;
  while (part < 4) {
    std::size_t end = pos;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9')
      ++end;
    const std::size_t len = end - pos;
    if (len == 0 || len > 3 || (len > 1 && text[pos] == '0')) return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = pos; i < end; ++i)
      v = v * 10 + static_cast<unsigned>(text[i] - '0');
    if (v > 255) return std::nullopt;
    out[part++] = static_cast<std::uint8_t>(v);
    if (part == 4) {
      if (end != text.size()) return std::nullopt;
      break;
    }
    if (end >= text.size() || text[end] != '.') return std::nullopt;
    pos = end + 1;
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Bytes> parse_ipv6(std::string_view text) {
  // Groups before and after a "::"; an embedded IPv4 address may end the text.
  std::vector<std::uint16_t> head, tail;
  bool compressed = false;
  if (text.size() >= 2 && text.substr(0, 2) == "::") {
    compressed = true;
    text.remove_prefix(2);
  }
  std::vector<std::uint16_t> *groups = compressed ? &tail : &head;
  while (!text.empty()) {
    std::size_t end = 0;
    while (end < text.size() && text[end] != ':')
      ++end;
    const std::string_view group = text.substr(0, end);
    if (group.find('.') != std::string_view::npos) {
      // Embedded IPv4: must be last.
      if (end != text.size()) return std::nullopt;
      const auto v4 = parse_ipv4(group);
      if (!v4) return std::nullopt;
      groups->push_back(static_cast<std::uint16_t>((*v4)[0] << 8 | (*v4)[1]));
      groups->push_back(static_cast<std::uint16_t>((*v4)[2] << 8 | (*v4)[3]));
      text = {};
      break;
    }
    if (group.empty() || group.size() > 4) return std::nullopt;
    unsigned v = 0;
    for (char c : group) {
      const int d = hex_digit(c);
      if (d < 0) return std::nullopt;
      v = v << 4 | static_cast<unsigned>(d);
    }
    groups->push_back(static_cast<std::uint16_t>(v));
    text.remove_prefix(end);
    if (text.empty()) break;
    text.remove_prefix(1);  // ':'
    if (!text.empty() && text[0] == ':') {
      if (compressed) return std::nullopt;  // a second "::"
      compressed = true;
      groups = &tail;
      text.remove_prefix(1);
    } else if (text.empty()) {
      return std::nullopt;  // a trailing single ':'
    }
  }
  const std::size_t total = head.size() + tail.size();
  if (compressed ? total > 7 : total != 8) return std::nullopt;
  Bytes out(16, 0);
  for (std::size_t i = 0; i < head.size(); ++i) {
    out[2 * i] = static_cast<std::uint8_t>(head[i] >> 8);
    out[2 * i + 1] = static_cast<std::uint8_t>(head[i]);
  }
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const std::size_t at = 8 - tail.size() + i;
    out[2 * at] = static_cast<std::uint8_t>(tail[i] >> 8);
    out[2 * at + 1] = static_cast<std::uint8_t>(tail[i]);
  }
  return out;
}

std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
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

std::optional<Bytes> parse_ip_address(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
    return parse_ipv6(text);
  }
  if (text.find(':') != std::string_view::npos) return parse_ipv6(text);
  if (auto v4 = parse_ipv4(text)) return Bytes(v4->begin(), v4->end());
  return std::nullopt;
}

bool dns_name_matches(std::string_view presented, std::string_view reference) {
  if (!reference.empty() && reference.back() == '.') reference.remove_suffix(1);
  const auto ref = labels(reference);
  const auto pres = labels(presented);
  if (!ref || !pres || ref->size() != pres->size()) return false;
  for (std::string_view label : *ref)
    if (label.find('*') != std::string_view::npos) return false;  // a wildcard is not a host
  for (std::size_t i = 0; i < pres->size(); ++i) {
    const std::string_view p = (*pres)[i];
    if (p.find('*') != std::string_view::npos) {
      // Only the whole left-most label, and not over a single remaining label ("*.com").
      if (i != 0 || p != "*" || pres->size() < 3) return false;
      continue;  // matches any one non-empty label (labels() refused empty ones)
    }
    if (!equal_ignoring_case(p, (*ref)[i])) return false;
  }
  return true;
}

HostMatch match_host(const Certificate &cert, std::string_view host) {
  HostMatch result;
  const auto &sans = cert.subject_alt_names();
  std::string presented;
  auto note = [&presented](const std::string &item) {
    if (!presented.empty()) presented += ", ";
    presented += item;
  };

  if (const auto ip = parse_ip_address(host)) {
    result.is_ip = true;
    for (const GeneralName &name : sans) {
      if (name.type != GeneralNameType::ip_address) continue;
      note(name.to_string());
      if (name.bytes.size() == ip->size() &&
          std::equal(name.bytes.begin(), name.bytes.end(), ip->begin()))
        result.ok = true;
    }
    result.presented = presented.empty() ? "no IP address" : presented;
    return result;
  }

  bool has_dns = false;
  for (const GeneralName &name : sans) {
    if (name.type != GeneralNameType::dns_name) continue;
    has_dns = true;
    note(name.to_string());
    if (dns_name_matches(name.text, host)) result.ok = true;
  }
  if (!has_dns) {
    // RFC 6125 §6.4.4: the common name only when there is no dNSName at all.
    for (const std::string &cn : cert.subject().values(oid::kCommonName)) {
      note("CN:" + printable(cn));
      if (dns_name_matches(cn, host)) result.ok = true;
    }
  }
  result.presented = presented.empty() ? "no DNS name" : presented;
  return result;
}

}  // namespace tls::x509
