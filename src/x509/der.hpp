// A strict ASN.1 DER reader, in the shape of tls::Reader: a cursor over untrusted bytes whose
// failures are sticky, shared with the readers it hands out for nested values, and reported
// with the absolute byte offset and what was expected there.
//
// Strict means every rule of X.690 DER that matters for X.509 is enforced, because lax DER
// parsing is where most certificate-parsing CVEs come from:
// - definite lengths only, in the shortest form, with at most 4 length octets;
// - identifier octets in the shortest form (high tag numbers only for numbers >= 31);
// - INTEGER in the minimal two's-complement form, BOOLEAN only 0x00 / 0xFF, NULL empty;
// - BIT STRING: 0..7 unused bits, and the unused bits are zero;
// - OBJECT IDENTIFIER: minimal base-128 sub-identifiers;
// - UTCTime / GeneralizedTime exactly as RFC 5280 requires (Z, seconds, no fractions);
// - strings checked against their character sets;
// - nesting deeper than kMaxDepth is refused, so no input can exhaust the stack.
//
// Everything the reader returns (Element::content, integer bytes, ...) is a view into the
// original input: nothing is copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/reader.hpp"
#include "common/writer.hpp"

namespace tls::x509::der {

// The identifier octets of a DER element.
struct Tag {
  static constexpr std::uint8_t kUniversal = 0x00;
  static constexpr std::uint8_t kApplication = 0x40;
  static constexpr std::uint8_t kContext = 0x80;
  static constexpr std::uint8_t kPrivate = 0xc0;

  std::uint8_t cls = kUniversal;  // one of the four class bits above
  bool constructed = false;
  std::uint32_t number = 0;

  bool operator==(const Tag &) const = default;

  // As openssl asn1parse names it: "SEQUENCE", "INTEGER", "cont [ 3 ]", "appl [ 1 ]".
  std::string name() const;
};

// Universal tags used by X.509.
inline constexpr Tag kBoolean{Tag::kUniversal, false, 1};
inline constexpr Tag kInteger{Tag::kUniversal, false, 2};
inline constexpr Tag kBitString{Tag::kUniversal, false, 3};
inline constexpr Tag kOctetString{Tag::kUniversal, false, 4};
inline constexpr Tag kNull{Tag::kUniversal, false, 5};
inline constexpr Tag kOid{Tag::kUniversal, false, 6};
inline constexpr Tag kUtf8String{Tag::kUniversal, false, 12};
inline constexpr Tag kSequence{Tag::kUniversal, true, 16};
inline constexpr Tag kSet{Tag::kUniversal, true, 17};
inline constexpr Tag kNumericString{Tag::kUniversal, false, 18};
inline constexpr Tag kPrintableString{Tag::kUniversal, false, 19};
inline constexpr Tag kTeletexString{Tag::kUniversal, false, 20};
inline constexpr Tag kIa5String{Tag::kUniversal, false, 22};
inline constexpr Tag kUtcTime{Tag::kUniversal, false, 23};
inline constexpr Tag kGeneralizedTime{Tag::kUniversal, false, 24};
inline constexpr Tag kVisibleString{Tag::kUniversal, false, 26};
inline constexpr Tag kUniversalString{Tag::kUniversal, false, 28};
inline constexpr Tag kBmpString{Tag::kUniversal, false, 30};

// Context-specific tags: [n] primitive (IMPLICIT over a primitive type) and [n] constructed
// (EXPLICIT, or IMPLICIT over a SEQUENCE).
constexpr Tag context(std::uint32_t number, bool constructed) {
  return Tag{Tag::kContext, constructed, number};
}

// The deepest nesting the reader accepts (a certificate needs about 8).
inline constexpr int kMaxDepth = 32;
// The longest length field accepted, in octets (4 GiB values are far beyond any certificate).
inline constexpr std::size_t kMaxLengthOctets = 4;

// One element: its tag and views of its encoding and its contents.
struct Element {
  Tag tag;
  std::size_t offset = 0;       // absolute offset of the identifier octet
  std::size_t header_size = 0;  // identifier + length octets
  ByteView encoding;            // the whole element (identifier, length, contents)
  ByteView content;             // the contents octets
};

struct BitString {
  ByteView bytes;                // the bit octets (without the unused-bits octet)
  std::uint8_t unused_bits = 0;  // 0..7; always 0 when bytes is empty

  std::size_t bit_count() const { return bytes.size() * 8 - unused_bits; }
  bool bit(std::size_t i) const {  // bit 0 is the most significant bit of the first octet
    return i < bit_count() && (bytes[i / 8] & (0x80 >> (i % 8))) != 0;
  }
};

class DerReader {
 public:
  // `context` names what is parsed ("Certificate"); it prefixes errors and must outlive the
  // reader (a string literal).
  explicit DerReader(ByteView data, std::string_view context = "DER");
  DerReader(const DerReader &) = delete;
  DerReader &operator=(const DerReader &) = delete;

  bool ok() const { return r_.ok(); }
  bool failed() const { return r_.failed(); }
  bool empty() const { return r_.empty(); }
  std::size_t offset() const { return r_.offset(); }
  int depth() const { return depth_; }

  // True when the next element has tag `tag` (false when empty or failed). Only for tag
  // numbers below 31, which is all X.509 uses.
  bool next_is(Tag tag) const;
  // The first identifier octet of the next element (0 when empty or failed).
  std::uint8_t peek_identifier() const { return r_.peek_u8(); }

  // Reads the next element, whatever its tag, and checks it and everything inside it against
  // the DER rules of their universal types (check_universal()).
  Element read_any(const char *what);
  // Checks every remaining element, recursively, against the DER rules (check_universal()).
  void check_all();
  // Reads the next element and fails unless it has tag `tag`:
  // "at offset 12: expected INTEGER for serialNumber, found SEQUENCE".
  Element read(Tag tag, const char *what);
  // A reader over the contents of the next element, which must have tag `tag` (constructed):
  // it shares this reader's failure state and sits one level deeper. `element`, when given,
  // receives the element itself (for its encoding).
  DerReader enter(Tag tag, const char *what, Element *element = nullptr);
  // The same for the next element whatever its tag (primitive or constructed): `element`
  // receives it; the returned reader covers its contents. For walking unknown structures.
  DerReader enter_any(const char *what, Element *element);

  // Typed values. Each reads one element with the universal tag (or `tag` where given, for
  // IMPLICIT tagging) and checks its DER form. On failure they return an empty value and the
  // reader is failed.
  ByteView integer(const char *what, Tag tag = kInteger);  // two's-complement contents
  // A non-negative INTEGER's magnitude: big-endian without the sign octet (empty for zero).
  ByteView unsigned_integer(const char *what, Tag tag = kInteger);
  // An INTEGER that must lie in [min, max].
  std::int64_t small_integer(const char *what, std::int64_t min, std::int64_t max,
                             Tag tag = kInteger);
  bool boolean(const char *what, Tag tag = kBoolean);
  void null(const char *what);
  // OBJECT IDENTIFIER contents, checked; oid_to_string() (oid.hpp) gives the dotted text.
  ByteView oid(const char *what);
  BitString bit_string(const char *what, Tag tag = kBitString);
  ByteView octet_string(const char *what, Tag tag = kOctetString);
  // UTCTime or GeneralizedTime, as seconds since the Unix epoch.
  std::int64_t time(const char *what);
  // Any of the ASN.1 character string types, checked against its character set and returned
  // as UTF-8. `tag_out`, when given, receives the string type.
  std::string string(const char *what, Tag *tag_out = nullptr);
  // An IA5String (or `tag`, for IMPLICIT tagging) as its raw octets; NUL octets are kept so
  // that host-name matching can refuse them.
  std::string ia5_string(const char *what, Tag tag = kIa5String);

  // Fails with "N trailing bytes after <what>" unless everything was read. Returns ok().
  bool expect_end(const char *what);
  // Records a failure at the current offset; only the first failure is kept.
  void fail(std::string_view what) { r_.fail(what); }
  // The same, naming an earlier absolute offset (the start of an element found to be bad).
  void fail_at(std::size_t offset, std::string_view what) { r_.fail_at(offset, what); }
  // "<context>: at offset <n>: <what>".
  Error error(AlertDescription alert = AlertDescription::decode_error) const {
    return r_.error(alert);
  }
  std::string message() const { return r_.message(); }

 private:
  DerReader(Reader &parent, ByteView content, std::size_t base, int depth, const char *what);
  struct Header {
    Tag tag;
    std::size_t length = 0;
  };
  bool read_header(Header &header, const char *what);
  DerReader enter_impl(const Tag *tag, const char *what, Element *element);

  Reader r_;
  ByteView data_;         // what r_ reads, to hand out views of whole elements
  std::size_t base_ = 0;  // absolute offset of data_[0]
  int depth_ = 0;
};

// Checks a character string's contents against its type and converts it to UTF-8:
// PrintableString, IA5String, VisibleString, NumericString, UTF8String, BMPString,
// UniversalString, and TeletexString (read as Latin-1, as OpenSSL prints it). nullopt when the
// type is not a string type or the contents break its rules; `why` then says which rule.
std::optional<std::string> decode_string(Tag tag, ByteView content, std::string *why = nullptr);
bool is_string_tag(Tag tag);

// Checks the contents of a universal-class element against the DER rules of its type
// (INTEGER / ENUMERATED minimal, BOOLEAN 0x00 / 0xFF, NULL empty, BIT STRING unused bits, OID,
// UTCTime / GeneralizedTime, character sets) and its form (SEQUENCE and SET constructed,
// everything else primitive). Other classes and types not listed always pass. `why` receives
// the broken rule.
bool check_universal(const Element &element, std::string *why);

// Encoding, through tls::Writer: the identifier and minimal length octets, and whole elements.
void write_header(Writer &w, Tag tag, std::size_t length);
void write_element(Writer &w, Tag tag, ByteView content);
Bytes encode_element(Tag tag, ByteView content);

}  // namespace tls::x509::der
