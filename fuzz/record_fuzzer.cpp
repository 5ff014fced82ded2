// libFuzzer target for the record layer's reading side, under every kind of protection.
//
// Input:  byte 0   protection (see kKinds), with deterministic keys
//         byte 1   options: bit 0 sealed mode, bit 1 corrupt one byte, bit 2 small plaintext
//                  limit (512), bits 4-7 feeding chunk size (0 = everything at once)
//         rest     raw mode: the bytes the peer sends, fed to the reading side as they are;
//                  sealed mode: plaintext records  type(1) length(2) payload  that a writer with
//                  the same keys protects first, so that inputs get past the MAC to reassembly,
//                  alerts and ChangeCipherSpec. With bit 1, the two bytes after the options
//                  pick a byte of the sealed stream to flip.
// Checks: views stay inside the buffers (ASan), handshake events are well formed, a dead layer
// repeats its error, and in sealed mode without corruption no record fails authentication.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "cipher/key_schedule.hpp"
#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "record/protection_builder.hpp"
#include "record/protection_null.hpp"
#include "record/record_layer.hpp"

namespace {

using namespace tls;
using namespace tls::record;

struct Kind {
  const char *suite;  // nullptr: no keys (the initial state)
  ProtocolVersion version;
  bool encrypt_then_mac;
};

constexpr Kind kKinds[] = {
    {nullptr, ProtocolVersion::tls12, false},
    {"NULL-SHA", ProtocolVersion::tls12, false},
    {"RC4-MD5", ProtocolVersion::ssl3, false},
    {"RC4-SHA", ProtocolVersion::tls12, false},
    {"AES128-SHA", ProtocolVersion::ssl3, false},
    {"AES128-SHA", ProtocolVersion::tls10, false},
    {"AES128-SHA256", ProtocolVersion::tls12, false},
    {"AES256-SHA", ProtocolVersion::tls11, true},
    {"ECDHE-RSA-AES256-SHA384", ProtocolVersion::tls12, false},
    {"DES-CBC3-SHA", ProtocolVersion::tls12, false},
    {"AES128-GCM-SHA256", ProtocolVersion::tls12, false},
    {"AES256-GCM-SHA384", ProtocolVersion::tls12, false},
    {"ECDHE-RSA-CHACHA20-POLY1305", ProtocolVersion::tls12, false},
};
constexpr std::size_t kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);

const std::shared_ptr<const cipher::Provider> &provider() {
  static const auto p = cipher::deterministic_provider(1);
  return p;
}

cipher::KeyBlock keys_for(const cipher::CipherSuite &suite, ProtocolVersion version) {
  const cipher::KeyBlockLayout layout = cipher::key_block_layout(version, suite);
  auto fill = [](std::size_t n, std::uint8_t tag) {
    SecureBuffer b(n);
    for (std::size_t i = 0; i < n; ++i)
      b[i] = static_cast<std::uint8_t>(tag + 3 * i);
    return b;
  };
  cipher::KeyBlock k;
  k.client_write_mac_key = fill(layout.mac_key_size, 1);
  k.server_write_mac_key = fill(layout.mac_key_size, 2);
  k.client_write_key = fill(layout.key_size, 3);
  k.server_write_key = fill(layout.key_size, 4);
  k.client_write_iv = fill(layout.iv_size, 5);
  k.server_write_iv = fill(layout.iv_size, 6);
  return k;
}

std::unique_ptr<Protection> protection(const Kind &kind, bool write) {
  if (kind.suite == nullptr) return std::make_unique<NullProtection>();
  const cipher::CipherSuite *suite = cipher::find_suite(kind.suite);
  if (suite == nullptr) std::abort();
  auto p = make_protection(provider(), kind.version, *suite, keys_for(*suite, kind.version),
                           /*is_client=*/write, write ? Direction::write : Direction::read,
                           kind.encrypt_then_mac);
  if (!p) std::abort();
  return std::move(*p);
}

// Seals plaintext records described by `in` into `out` with `writer`.
void seal_records(const std::uint8_t *in, std::size_t size, Protection &writer,
                  std::uint16_t version, Bytes &out) {
  std::uint64_t seq = 0;
  std::size_t pos = 0;
  while (pos + 3 <= size) {
    const std::uint8_t type = in[pos];
    std::size_t length = static_cast<std::size_t>(in[pos + 1]) << 8 | in[pos + 2];
    pos += 3;
    length = std::min({length, size - pos, kMaxPlaintext});
    const std::size_t sealed = writer.sealed_size(length);
    out.push_back(type);
    out.push_back(static_cast<std::uint8_t>(version >> 8));
    out.push_back(static_cast<std::uint8_t>(version));
    out.push_back(static_cast<std::uint8_t>(sealed >> 8));
    out.push_back(static_cast<std::uint8_t>(sealed));
    const std::size_t at = out.size();
    out.resize(at + sealed);
    std::copy(in + pos, in + pos + length, out.begin() + at + writer.plaintext_offset());
    const RecordContext context{seq++, static_cast<ContentType>(type), version};
    if (!writer.seal(context, MutableByteView(out).subspan(at, sealed), length).ok()) std::abort();
    pos += length;
  }
}

std::uint64_t touch(ByteView bytes) {
  std::uint64_t sum = 0;
  for (std::uint8_t b : bytes)
    sum += b;
  return sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 2) return 0;
  const Kind &kind = kKinds[data[0] % kKindCount];
  const std::uint8_t options = data[1];
  const bool sealed_mode = (options & 1) != 0;
  const bool corrupt = (options & 2) != 0;
  const bool small_limit = (options & 4) != 0;
  const std::size_t chunk = (options >> 4) * 37;
  data += 2;
  size -= 2;

  RecordLayer layer(provider());
  if (kind.suite != nullptr) layer.set_version(kind.version);
  layer.set_read_protection(protection(kind, false));
  if (small_limit && !layer.set_max_read_plaintext(512).ok()) std::abort();

  Bytes stream;
  std::size_t flip_at = SIZE_MAX;
  if (sealed_mode) {
    if (corrupt) {
      if (size < 2) return 0;
      flip_at = static_cast<std::size_t>(data[0]) << 8 | data[1];
      data += 2;
      size -= 2;
    }
    auto writer = protection(kind, true);
    const std::uint16_t version = to_wire(kind.version);
    seal_records(data, size, *writer, version, stream);
    if (flip_at < stream.size()) stream[flip_at] ^= 0x5a;
  } else {
    stream.assign(data, data + size);
  }

  std::uint64_t sink = 0;
  std::size_t fed = 0;
  for (;;) {
    const std::size_t want =
        chunk == 0 ? stream.size() - fed : std::min(chunk, stream.size() - fed);
    fed += layer.feed(ByteView(stream).subspan(fed, want));
    bool need_more = false;
    while (!need_more) {
      auto e = layer.next_event();
      if (!e) {
        // Authentic records never fail authentication (a peer may still send a fatal
        // bad_record_mac alert).
        if (sealed_mode && flip_at >= stream.size() && !layer.peer_fatal_alert() &&
            e.error().alert == AlertDescription::bad_record_mac)
          std::abort();
        auto again = layer.next_event();
        if (again.ok() || again.error().reason != e.error().reason) std::abort();
        return static_cast<int>(sink & 0);
      }
      switch (e->kind) {
        case Event::Kind::need_more_input:
          need_more = true;
          break;
        case Event::Kind::handshake:
          if (e->handshake_message.size() != kHandshakeHeaderSize + e->handshake_body.size() ||
              e->handshake_message[0] != e->handshake_type)
            std::abort();
          sink += touch(e->handshake_message);
          break;
        case Event::Kind::application_data:
          if (e->application_data.empty()) std::abort();
          sink += touch(e->application_data);
          break;
        case Event::Kind::alert:
        case Event::Kind::change_cipher_spec:
          break;
        case Event::Kind::closed:
          return 0;
      }
    }
    if (fed >= stream.size()) break;
  }
  return static_cast<int>(sink & 0);
}
