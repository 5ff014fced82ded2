#include "cipher/ecdsa_der.hpp"

#include "common/reader.hpp"
#include "common/writer.hpp"

namespace tls::cipher {

namespace {

constexpr std::uint8_t kTagInteger = 0x02;
constexpr std::uint8_t kTagSequence = 0x30;

ByteView strip_leading_zeros(ByteView v) {
  while (!v.empty() && v.front() == 0)
    v = v.subspan(1);
  return v;
}

// A DER length: the short form for 0..127, 81 xx for 128..255. Longer values cannot occur in a
// signature on any curve tlspp supports.
void write_length(Writer &w, std::size_t length) {
  if (length >= 0x80) w.u8(0x81);
  w.u8(static_cast<std::uint8_t>(length));
}

std::size_t read_length(Reader &r) {
  const std::uint8_t first = r.u8();
  if (first < 0x80) return first;
  if (first != 0x81) {
    r.fail(first == 0x80 ? "indefinite length" : "length longer than one byte");
    return 0;
  }
  const std::uint8_t length = r.u8();
  if (r.ok() && length < 0x80) r.fail("long-form length where the short form fits");
  return length;
}

// Reads one INTEGER and returns its value as unsigned big-endian without the sign byte.
Bytes read_positive_integer(Reader &r, const char *name) {
  if (r.u8() != kTagInteger) {
    if (r.ok()) r.fail(std::string(name) + ": not an INTEGER");
    return {};
  }
  const std::size_t length = read_length(r);
  const ByteView content = r.bytes(length);
  if (!r.ok()) return {};
  if (content.empty()) {
    r.fail(std::string(name) + ": empty INTEGER");
    return {};
  }
  if (content[0] & 0x80) {
    r.fail(std::string(name) + ": negative INTEGER");
    return {};
  }
  if (content.size() > 1 && content[0] == 0 && !(content[1] & 0x80)) {
    r.fail(std::string(name) + ": INTEGER not minimally encoded");
    return {};
  }
  const ByteView value = strip_leading_zeros(content);
  if (value.empty()) {
    r.fail(std::string(name) + ": zero");
    return {};
  }
  return Bytes(value.begin(), value.end());
}

}  // namespace

Result<Bytes> encode_ecdsa_signature(ByteView r, ByteView s) {
  r = strip_leading_zeros(r);
  s = strip_leading_zeros(s);
  if (r.empty() || s.empty() || r.size() > 120 || s.size() > 120) {
    return make_error(AlertDescription::internal_error,
                      "ECDSA signature: r and s must be non-zero and at most 120 bytes");
  }
  // Each INTEGER gets a 00 in front when its top bit is set, so that it stays positive.
  auto integer_size = [](ByteView v) { return v.size() + ((v[0] & 0x80) ? 1 : 0); };
  auto header_size = [](std::size_t length) -> std::size_t { return length >= 0x80 ? 3 : 2; };
  const std::size_t body = header_size(integer_size(r)) + integer_size(r) +
                           header_size(integer_size(s)) + integer_size(s);
  Writer w;
  w.u8(kTagSequence);
  write_length(w, body);
  for (ByteView v : {r, s}) {
    w.u8(kTagInteger);
    write_length(w, integer_size(v));
    if (v[0] & 0x80) w.u8(0x00);
    w.bytes(v);
  }
  if (!w.ok()) return w.error();
  return w.take();
}

Result<EcdsaSignatureValue> decode_ecdsa_signature(ByteView der) {
  Reader in(der, "ECDSA signature");
  if (in.u8() != kTagSequence) {
    if (in.ok()) in.fail("not a SEQUENCE");
    return in.error(AlertDescription::decode_error);
  }
  const std::size_t length = read_length(in);
  Reader body(in.bytes(length), "ECDSA signature");
  if (!in.ok() || !in.expect_end()) return in.error(AlertDescription::decode_error);
  EcdsaSignatureValue value;
  value.r = read_positive_integer(body, "r");
  value.s = read_positive_integer(body, "s");
  if (!body.ok() || !body.expect_end()) return body.error(AlertDescription::decode_error);
  return value;
}

}  // namespace tls::cipher
