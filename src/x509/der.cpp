#include "x509/der.hpp"

#include <array>

#include "x509/oid.hpp"
#include "x509/time.hpp"

namespace tls::x509::der {

namespace {

std::string as_text(ByteView content) {
  return std::string(content.begin(), content.end());
}

// Appends code point `cp` to `out` as UTF-8.
void put_utf8(std::string &out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Valid UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(ByteView s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::uint8_t b = s[i];
    std::size_t n;
    std::uint32_t cp;
    if (b < 0x80) {
      ++i;
      continue;
    } else if ((b & 0xe0) == 0xc0) {
      n = 1;
      cp = b & 0x1f;
    } else if ((b & 0xf0) == 0xe0) {
      n = 2;
      cp = b & 0x0f;
    } else if ((b & 0xf8) == 0xf0) {
      n = 3;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = cp << 6 | (s[i + k] & 0x3f);
    }
    static constexpr std::array<std::uint32_t, 4> kMin = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

bool printable_char(std::uint8_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ' ':
    case '\'':
    case '(':
    case ')':
    case '+':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case '=':
    case '?':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string Tag::name() const {
  static constexpr std::array<const char *, 31> kUniversalNames = {"EOC",
                                                                   "BOOLEAN",
                                                                   "INTEGER",
                                                                   "BIT STRING",
                                                                   "OCTET STRING",
                                                                   "NULL",
                                                                   "OBJECT",
                                                                   "OBJECT DESCRIPTOR",
                                                                   "EXTERNAL",
                                                                   "REAL",
                                                                   "ENUMERATED",
                                                                   "EMBEDDED PDV",
                                                                   "UTF8STRING",
                                                                   "RELATIVE OID",
                                                                   "<ASN1 14>",
                                                                   "<ASN1 15>",
                                                                   "SEQUENCE",
                                                                   "SET",
                                                                   "NUMERICSTRING",
                                                                   "PRINTABLESTRING",
                                                                   "T61STRING",
                                                                   "VIDEOTEXSTRING",
                                                                   "IA5STRING",
                                                                   "UTCTIME",
                                                                   "GENERALIZEDTIME",
                                                                   "GRAPHICSTRING",
                                                                   "VISIBLESTRING",
                                                                   "GENERALSTRING",
                                                                   "UNIVERSALSTRING",
                                                                   "<ASN1 29>",
                                                                   "BMPSTRING"};
  switch (cls) {
    case kUniversal:
      if (number < kUniversalNames.size()) return kUniversalNames[number];
      return "<ASN1 " + std::to_string(number) + ">";
    case kApplication:
      return "appl [ " + std::to_string(number) + " ]";
    case kContext:
      return "cont [ " + std::to_string(number) + " ]";
    default:
      return "priv [ " + std::to_string(number) + " ]";
  }
}

bool is_string_tag(Tag tag) {
  return tag == kUtf8String || tag == kNumericString || tag == kPrintableString ||
         tag == kTeletexString || tag == kIa5String || tag == kVisibleString ||
         tag == kUniversalString || tag == kBmpString;
}

std::optional<std::string> decode_string(Tag tag, ByteView content, std::string *why) {
  auto refuse = [why](const char *reason) -> std::optional<std::string> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (tag == kUtf8String) {
    if (!valid_utf8(content)) return refuse("UTF8String is not valid UTF-8");
    return as_text(content);
  }
  if (tag == kPrintableString) {
    for (std::uint8_t c : content)
      if (!printable_char(c)) return refuse("PrintableString holds a character outside its set");
    return as_text(content);
  }
  if (tag == kIa5String) {
    for (std::uint8_t c : content)
      if (c >= 0x80) return refuse("IA5String holds a non-ASCII octet");
    return as_text(content);
  }
  if (tag == kVisibleString) {
    for (std::uint8_t c : content)
      if (c < 0x20 || c > 0x7e) return refuse("VisibleString holds a non-visible character");
    return as_text(content);
  }
  if (tag == kNumericString) {
    for (std::uint8_t c : content)
      if (c != ' ' && (c < '0' || c > '9'))
        return refuse("NumericString holds a character other than a digit or space");
    return as_text(content);
  }
  if (tag == kTeletexString) {
    // T.61 in practice carries Latin-1; OpenSSL reads it the same way.
    std::string out;
    for (std::uint8_t c : content)
      put_utf8(out, c);
    return out;
  }
  if (tag == kBmpString) {
    if (content.size() % 2 != 0) return refuse("BMPString has an odd number of octets");
    std::string out;
    for (std::size_t i = 0; i < content.size(); i += 2) {
      const std::uint32_t cp = static_cast<std::uint32_t>(content[i]) << 8 | content[i + 1];
      if (cp >= 0xd800 && cp <= 0xdfff) return refuse("BMPString holds a surrogate code unit");
      put_utf8(out, cp);
    }
    return out;
  }
  if (tag == kUniversalString) {
    if (content.size() % 4 != 0)
      return refuse("UniversalString length is not a multiple of 4 octets");
    std::string out;
    for (std::size_t i = 0; i < content.size(); i += 4) {
      const std::uint32_t cp = static_cast<std::uint32_t>(content[i]) << 24 |
                               static_cast<std::uint32_t>(content[i + 1]) << 16 |
                               static_cast<std::uint32_t>(content[i + 2]) << 8 | content[i + 3];
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return refuse("UniversalString holds an invalid code point");
      put_utf8(out, cp);
    }
    return out;
  }
  return refuse("not a character string type");
}

bool check_universal(const Element &element, std::string *why) {
  auto refuse = [why](std::string reason) {
    if (why) *why = std::move(reason);
    return false;
  };
  const Tag tag = element.tag;
  if (tag.cls != Tag::kUniversal) return true;
  const ByteView c = element.content;
  const bool constructed_type = tag.number == 16 || tag.number == 17;  // SEQUENCE, SET
  if (tag.constructed != constructed_type)
    return refuse(tag.name() + (tag.constructed ? " in the constructed form (not DER)"
                                                : " must be constructed"));
  switch (tag.number) {
    case 0:
      return refuse("end-of-contents octets (indefinite lengths are not DER)");
    case 1:  // BOOLEAN
      if (c.size() != 1 || (c[0] != 0x00 && c[0] != 0xff))
        return refuse("BOOLEAN must be one octet, 0x00 or 0xFF");
      return true;
    case 2:   // INTEGER
    case 10:  // ENUMERATED
      if (c.empty()) return refuse(tag.name() + " is empty");
      if (c.size() >= 2 &&
          ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)))
        return refuse(tag.name() + " not minimally encoded");
      return true;
    case 3:  // BIT STRING
      if (c.empty()) return refuse("BIT STRING without the unused-bits octet");
      if (c[0] > 7 || (c.size() == 1 && c[0] != 0))
        return refuse("BIT STRING with " + std::to_string(c[0]) + " unused bits");
      if (c.size() > 1 && (c.back() & ((1u << c[0]) - 1)) != 0)
        return refuse("BIT STRING unused bits are not zero");
      return true;
    case 5:  // NULL
      if (!c.empty()) return refuse("NULL with contents");
      return true;
    case 6:  // OBJECT IDENTIFIER
      return check_oid(c, why);
    case 23:
      if (!parse_utc_time(as_text(c))) return refuse("UTCTime is not YYMMDDHHMMSSZ");
      return true;
    case 24:
      if (!parse_generalized_time(as_text(c)))
        return refuse("GeneralizedTime is not YYYYMMDDHHMMSSZ");
      return true;
    default:
      if (is_string_tag(tag)) return decode_string(tag, c, why).has_value();
      return true;
  }
}

// ---------------------------------------------------------------------------------------------

DerReader::DerReader(ByteView data, std::string_view context) : r_(data, context), data_(data) {}

DerReader::DerReader(Reader &parent, ByteView content, std::size_t base, int depth,
                     const char *what)
    : r_(parent.sub(content.size(), what)), data_(content), base_(base), depth_(depth) {}

bool DerReader::next_is(Tag tag) const {
  if (failed() || empty() || tag.number >= 31) return false;
  const auto id = static_cast<std::uint8_t>(tag.cls | (tag.constructed ? 0x20 : 0) | tag.number);
  return r_.peek_u8() == id;
}

bool DerReader::read_header(Header &header, const char *what) {
  if (failed()) return false;
  const std::size_t start = offset();
  if (empty()) {
    r_.fail(std::string("expected ") + what + ", found the end of the data");
    return false;
  }
  const std::uint8_t id = r_.u8();
  header.tag.cls = id & 0xc0;
  header.tag.constructed = (id & 0x20) != 0;
  header.tag.number = id & 0x1f;
  if (header.tag.number == 0x1f) {
    // High-tag-number form: base-128, minimal, for numbers >= 31 only; at most 4 octets.
    std::uint32_t number = 0;
    for (int i = 0;; ++i) {
      if (r_.empty()) {
        r_.fail_at(start, std::string("tag of ") + what + " truncated");
        return false;
      }
      const std::uint8_t b = r_.u8();
      if ((i == 0 && b == 0x80) || i == 4) {
        r_.fail_at(start, std::string("tag number of ") + what + " not minimally encoded");
        return false;
      }
      number = number << 7 | (b & 0x7f);
      if ((b & 0x80) == 0) break;
    }
    if (number < 31) {
      r_.fail_at(start, std::string("tag number ") + std::to_string(number) + " of " + what +
                            " uses the long form (not DER)");
      return false;
    }
    header.tag.number = number;
  }
  if (r_.empty()) {
    r_.fail(std::string("expected the length of ") + what + ", found the end of the data");
    return false;
  }
  const std::size_t length_at = offset();
  const std::uint8_t first = r_.u8();
  if (first < 0x80) {
    header.length = first;
  } else if (first == 0x80) {
    r_.fail_at(length_at, std::string("indefinite length for ") + what + " (not DER)");
    return false;
  } else {
    const std::size_t octets = first & 0x7f;
    if (octets > kMaxLengthOctets) {
      r_.fail_at(length_at, std::string("length of ") + what + " uses " + std::to_string(octets) +
                                " octets (at most " + std::to_string(kMaxLengthOctets) + ")");
      return false;
    }
    ByteView bytes = r_.bytes(octets);
    if (failed()) return false;
    std::size_t length = 0;
    for (std::uint8_t b : bytes)
      length = length << 8 | b;
    if (bytes[0] == 0 || length < 0x80) {
      r_.fail_at(length_at, std::string("length of ") + what + " not minimally encoded");
      return false;
    }
    header.length = length;
  }
  if (header.length > r_.remaining()) {
    r_.fail_at(length_at, std::string("length ") + std::to_string(header.length) + " of " + what +
                              " exceeds the " + std::to_string(r_.remaining()) + " bytes left");
    return false;
  }
  return true;
}

Element DerReader::read_any(const char *what) {
  Element e;
  DerReader inner = enter_any(what, &e);
  if (failed()) return Element{};
  std::string why;
  if (!check_universal(e, &why)) {
    r_.fail_at(e.offset, std::string(what) + ": " + why);
    return Element{};
  }
  // An element read whole is checked whole: nothing inside it escapes the DER rules.
  if (e.tag.constructed) inner.check_all();
  return failed() ? Element{} : e;
}

void DerReader::check_all() {
  while (ok() && !empty()) {
    Element e;
    DerReader inner = enter_any("element", &e);
    if (failed()) return;
    std::string why;
    if (!check_universal(e, &why)) {
      r_.fail_at(e.offset, why);
      return;
    }
    if (e.tag.constructed) inner.check_all();
  }
}

Element DerReader::read(Tag tag, const char *what) {
  if (failed()) return Element{};
  if (empty()) {
    r_.fail(std::string("expected ") + tag.name() + " for " + what + ", found the end of the data");
    return Element{};
  }
  const std::size_t start = offset();
  Element e = read_any(what);
  if (failed()) return Element{};
  if (!(e.tag == tag)) {
    r_.fail_at(start,
               std::string("expected ") + tag.name() + " for " + what + ", found " + e.tag.name());
    return Element{};
  }
  return e;
}

DerReader DerReader::enter(Tag tag, const char *what, Element *element) {
  return enter_impl(&tag, what, element);
}

DerReader DerReader::enter_any(const char *what, Element *element) {
  return enter_impl(nullptr, what, element);
}

DerReader DerReader::enter_impl(const Tag *tag, const char *what, Element *element) {
  Header h;
  const std::size_t start = offset();
  const std::string expected = tag ? tag->name() + " for " + what : std::string(what);
  if (ok() && empty()) {
    r_.fail("expected " + expected + ", found the end of the data");
  } else if (read_header(h, what) && tag && !(h.tag == *tag)) {
    r_.fail_at(start, "expected " + expected + ", found " + h.tag.name());
  } else if (ok() && depth_ + 1 > kMaxDepth) {
    r_.fail_at(start,
               std::string(what) + " nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  if (failed()) return DerReader(r_, ByteView{}, offset(), depth_ + 1, what);
  const std::size_t content_at = offset();
  if (element) {
    element->tag = h.tag;
    element->offset = start;
    element->header_size = content_at - start;
    element->content = data_.subspan(content_at - base_, h.length);
    element->encoding = data_.subspan(start - base_, element->header_size + h.length);
  }
  return DerReader(r_, data_.subspan(content_at - base_, h.length), content_at, depth_ + 1, what);
}

ByteView DerReader::integer(const char *what, Tag tag) {
  const Element e = read(tag, what);
  if (failed()) return {};
  if (e.content.empty()) {
    r_.fail_at(e.offset, std::string(what) + ": empty INTEGER");
    return {};
  }
  if (e.content.size() >= 2 && ((e.content[0] == 0x00 && (e.content[1] & 0x80) == 0) ||
                                (e.content[0] == 0xff && (e.content[1] & 0x80) != 0))) {
    r_.fail_at(e.offset, std::string(what) + ": INTEGER not minimally encoded");
    return {};
  }
  return e.content;
}

ByteView DerReader::unsigned_integer(const char *what, Tag tag) {
  const std::size_t start = offset();
  ByteView v = integer(what, tag);
  if (failed()) return {};
  if (v[0] & 0x80) {
    r_.fail_at(start, std::string(what) + ": negative INTEGER");
    return {};
  }
  return v[0] == 0 ? v.subspan(1) : v;
}

std::int64_t DerReader::small_integer(const char *what, std::int64_t min, std::int64_t max,
                                      Tag tag) {
  const std::size_t start = offset();
  ByteView v = integer(what, tag);
  if (failed()) return 0;
  bool in_range = v.size() <= 8;
  std::int64_t value = 0;
  if (in_range) {
    std::uint64_t u = (v[0] & 0x80) ? ~std::uint64_t{0} : 0;  // sign extension
    for (std::uint8_t b : v)
      u = u << 8 | b;
    value = static_cast<std::int64_t>(u);
    in_range = value >= min && value <= max;
  }
  if (!in_range) {
    r_.fail_at(start, std::string(what) + ": INTEGER outside [" + std::to_string(min) + ", " +
                          std::to_string(max) + "]");
    return 0;
  }
  return value;
}

bool DerReader::boolean(const char *what, Tag tag) {
  const Element e = read(tag, what);
  if (failed()) return false;
  if (e.content.size() != 1 || (e.content[0] != 0x00 && e.content[0] != 0xff)) {
    r_.fail_at(e.offset, std::string(what) + ": BOOLEAN must be one octet, 0x00 or 0xFF");
    return false;
  }
  return e.content[0] == 0xff;
}

void DerReader::null(const char *what) {
  const Element e = read(kNull, what);
  if (ok() && !e.content.empty()) r_.fail_at(e.offset, std::string(what) + ": NULL with contents");
}

ByteView DerReader::oid(const char *what) {
  const Element e = read(kOid, what);
  if (failed()) return {};
  std::string why;
  if (!check_oid(e.content, &why)) {
    r_.fail_at(e.offset, std::string(what) + ": " + why);
    return {};
  }
  return e.content;
}

BitString DerReader::bit_string(const char *what, Tag tag) {
  const Element e = read(tag, what);
  if (failed()) return {};
  if (e.content.empty()) {
    r_.fail_at(e.offset, std::string(what) + ": BIT STRING without the unused-bits octet");
    return {};
  }
  BitString bits;
  bits.unused_bits = e.content[0];
  bits.bytes = e.content.subspan(1);
  if (bits.unused_bits > 7 || (bits.bytes.empty() && bits.unused_bits != 0)) {
    r_.fail_at(e.offset, std::string(what) + ": BIT STRING with " +
                             std::to_string(bits.unused_bits) + " unused bits");
    return {};
  }
  if (!bits.bytes.empty() && (bits.bytes.back() & ((1u << bits.unused_bits) - 1)) != 0) {
    r_.fail_at(e.offset, std::string(what) + ": BIT STRING unused bits are not zero");
    return {};
  }
  return bits;
}

ByteView DerReader::octet_string(const char *what, Tag tag) {
  return read(tag, what).content;
}

std::int64_t DerReader::time(const char *what) {
  if (failed()) return 0;
  const std::size_t start = offset();
  const Element e = read_any(what);
  if (failed()) return 0;
  std::optional<UnixTime> t;
  if (e.tag == kUtcTime) {
    t = parse_utc_time(as_text(e.content));
    if (!t) r_.fail_at(start, std::string(what) + ": UTCTime is not YYMMDDHHMMSSZ");
  } else if (e.tag == kGeneralizedTime) {
    t = parse_generalized_time(as_text(e.content));
    if (!t) r_.fail_at(start, std::string(what) + ": GeneralizedTime is not YYYYMMDDHHMMSSZ");
  } else {
    r_.fail_at(start, std::string("expected UTCTime or GeneralizedTime for ") + what + ", found " +
                          e.tag.name());
  }
  return t.value_or(0);
}

std::string DerReader::string(const char *what, Tag *tag_out) {
  if (failed()) return {};
  const Element e = read_any(what);
  if (failed()) return {};
  if (tag_out) *tag_out = e.tag;
  if (!is_string_tag(e.tag)) {
    r_.fail_at(e.offset,
               std::string("expected a character string for ") + what + ", found " + e.tag.name());
    return {};
  }
  std::string why;
  auto text = decode_string(e.tag, e.content, &why);
  if (!text) {
    r_.fail_at(e.offset, std::string(what) + ": " + why);
    return {};
  }
  return std::move(*text);
}

std::string DerReader::ia5_string(const char *what, Tag tag) {
  const Element e = read(tag, what);
  if (failed()) return {};
  for (std::uint8_t c : e.content) {
    if (c >= 0x80) {
      r_.fail_at(e.offset, std::string(what) + ": IA5String holds a non-ASCII octet");
      return {};
    }
  }
  return as_text(e.content);
}

bool DerReader::expect_end(const char *what) {
  if (ok() && !empty()) r_.fail(std::to_string(r_.remaining()) + " trailing bytes in " + what);
  return ok();
}

// ---------------------------------------------------------------------------------------------

void write_header(Writer &w, Tag tag, std::size_t length) {
  const auto id = static_cast<std::uint8_t>(tag.cls | (tag.constructed ? 0x20 : 0));
  if (tag.number < 31) {
    w.u8(static_cast<std::uint8_t>(id | tag.number));
  } else {
    w.u8(static_cast<std::uint8_t>(id | 0x1f));
    int shift = 28;
    while (shift > 0 && (tag.number >> shift) == 0)
      shift -= 7;
    for (; shift > 0; shift -= 7)
      w.u8(static_cast<std::uint8_t>(0x80 | ((tag.number >> shift) & 0x7f)));
    w.u8(static_cast<std::uint8_t>(tag.number & 0x7f));
  }
  if (length < 0x80) {
    w.u8(static_cast<std::uint8_t>(length));
    return;
  }
  std::size_t octets = 0;
  for (std::size_t v = length; v != 0; v >>= 8)
    ++octets;
  if (octets > kMaxLengthOctets) {
    w.fail("DER length " + std::to_string(length) + " does not fit in 4 octets");
    return;
  }
  w.u8(static_cast<std::uint8_t>(0x80 | octets));
  for (std::size_t i = octets; i > 0; --i)
    w.u8(static_cast<std::uint8_t>(length >> (8 * (i - 1))));
}

void write_element(Writer &w, Tag tag, ByteView content) {
  write_header(w, tag, content.size());
  w.bytes(content);
}

Bytes encode_element(Tag tag, ByteView content) {
  Writer w;
  write_element(w, tag, content);
  return w.take();
}

}  // namespace tls::x509::der
