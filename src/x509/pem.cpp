#include "x509/pem.hpp"

#include <algorithm>
#include <optional>

namespace tls::x509 {

namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Strict base64 of `text` (no white space) appended to `out`; false when invalid, with `why`.
template <class Out>
bool decode_into(std::string_view text, Out &out, const char **why) {
  if (text.size() % 4 != 0) {
    *why = "base64 length is not a multiple of 4";
    return false;
  }
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int v[4];
    std::size_t padding = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && last && k >= 2) {
        ++padding;
        v[k] = 0;
        continue;
      }
      if (padding > 0 || (v[k] = base64_value(c)) < 0) {
        *why = c == '=' ? "base64 padding '=' before the end"
                        : "character outside the base64 alphabet";
        return false;
      }
    }
    const std::uint32_t quad =
        static_cast<std::uint32_t>(v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3]);
    // The bits that padding leaves over must be zero (RFC 4648 §3.5, canonical encoding).
    if ((padding == 1 && (quad & 0xff) != 0) || (padding == 2 && (quad & 0xffff) != 0)) {
      *why = "base64 padding bits are not zero";
      return false;
    }
    out.push_back(static_cast<std::uint8_t>(quad >> 16));
    if (padding < 2) out.push_back(static_cast<std::uint8_t>(quad >> 8));
    if (padding < 1) out.push_back(static_cast<std::uint8_t>(quad));
  }
  return true;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "-----BEGIN X-----" / "-----END X-----": the label X, or nullopt.
std::optional<std::string_view> boundary_label(std::string_view line, std::string_view kind) {
  if (!starts_with(line, kind) || !ends_with(line, kDashes) ||
      line.size() < kind.size() + kDashes.size())
    return std::nullopt;
  return line.substr(kind.size(), line.size() - kind.size() - kDashes.size());
}

Error pem_error(std::size_t offset, std::size_t line, const std::string &what) {
  return make_error(
      AlertDescription::decode_error,
      "PEM: at offset " + std::to_string(offset) + " (line " + std::to_string(line) + "): " + what);
}

}  // namespace

bool contains_pem(ByteView data) {
  const std::string_view text(reinterpret_cast<const char *>(data.data()), data.size());
  return text.find(kBegin) != std::string_view::npos;
}

Result<std::vector<PemBlock>> parse_pem(ByteView data) {
  const std::string_view text(reinterpret_cast<const char *>(data.data()), data.size());
  std::vector<PemBlock> blocks;
  std::optional<PemBlock> open;
  SecureBuffer body;  // the base64 of the open block, white space removed
  std::size_t pos = 0;
  std::size_t line_number = 0;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    pos = eol + 1;
    ++line_number;
    const std::string_view line = trim(text.substr(line_start, eol - line_start));

    if (!open) {
      if (!starts_with(line, kBegin)) continue;  // explanatory text
      const auto label = boundary_label(line, kBegin);
      if (!label || label->empty())
        return pem_error(line_start, line_number, "malformed BEGIN line");
      open = PemBlock{std::string(*label), {}, line_start, line_number};
      body.clear();
      continue;
    }
    if (starts_with(line, kEnd)) {
      const auto label = boundary_label(line, kEnd);
      if (!label || *label != open->label)
        return pem_error(line_start, line_number,
                         "END line does not match BEGIN " + open->label + " at line " +
                             std::to_string(open->line));
      if (body.empty())
        return pem_error(open->offset, open->line, "empty " + open->label + " block");
      const char *why = nullptr;
      const std::string_view b64(reinterpret_cast<const char *>(body.data()), body.size());
      if (!decode_into(b64, open->der, &why))
        return pem_error(open->offset, open->line, open->label + " block: " + why);
      blocks.push_back(std::move(*open));
      open.reset();
      continue;
    }
    if (starts_with(line, kBegin))
      return pem_error(line_start, line_number, "BEGIN line inside the " + open->label + " block");
    if (line.find(':') != std::string_view::npos)
      return pem_error(line_start, line_number, "PEM headers (encrypted PEM) are not supported");
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (is_blank(c)) continue;
      if (base64_value(c) < 0 && c != '=')
        return pem_error(line_start + i, line_number,
                         "character outside the base64 alphabet in the " + open->label + " block");
      body.push_back(static_cast<std::uint8_t>(c));
    }
  }
  if (open) return pem_error(open->offset, open->line, "no END line for BEGIN " + open->label);
  return blocks;
}

std::optional<Bytes> base64_decode(std::string_view text) {
  Bytes out;
  const char *why = nullptr;
  if (!decode_into(text, out, &why)) return std::nullopt;
  return out;
}

std::string base64_encode(ByteView data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, data.size() - i);
    std::uint32_t quad = static_cast<std::uint32_t>(data[i]) << 16;
    if (n > 1) quad |= static_cast<std::uint32_t>(data[i + 1]) << 8;
    if (n > 2) quad |= data[i + 2];
    out.push_back(kAlphabet[(quad >> 18) & 63]);
    out.push_back(kAlphabet[(quad >> 12) & 63]);
    out.push_back(n > 1 ? kAlphabet[(quad >> 6) & 63] : '=');
    out.push_back(n > 2 ? kAlphabet[quad & 63] : '=');
  }
  return out;
}

std::string encode_pem(std::string_view label, ByteView der) {
  const std::string b64 = base64_encode(der);
  std::string out = "-----BEGIN " + std::string(label) + "-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) {
    out += b64.substr(i, 64);
    out += '\n';
  }
  out += "-----END " + std::string(label) + "-----\n";
  return out;
}

}  // namespace tls::x509
