// Published handshake captures (tests/data/messages/*.hexdump) for the message tests: the
// records each side sent, split into the plaintext handshake messages they carry.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::handshake::testing {

struct CaptureFlow {
  std::string label;  // the text after ">>> "
  // The handshake messages (header included) sent before the flow's ChangeCipherSpec.
  std::vector<Bytes> handshake_messages;
  bool change_cipher_spec = false;  // a ChangeCipherSpec record (payload 01) was seen
};

struct Capture {
  std::vector<CaptureFlow> flows;
  std::vector<Bytes> messages;  // ">>> Message" blocks: bare handshake messages

  // The n-th plaintext handshake message of this type over all flows (header included).
  // Fails the test when there is none.
  Bytes message(std::uint8_t type, int n = 0) const;
};

// Loads tests/data/messages/<name>.hexdump. Fails the test on a malformed file or a record
// whose length does not match the bytes (a typing error).
Capture load_capture(const std::string &name);

// The body of a framed handshake message (checked with plain arithmetic, not the code under
// test).
Bytes body_of(const Bytes &message);

// Hex text (spaces allowed) to bytes; fails the test on bad input.
Bytes hex(const std::string &text);

// Calls parse on every proper prefix of `body` and expects decode_error each time, except for
// the prefix lengths listed in `valid_prefixes` (a ClientHello cut after its compression
// methods is a valid hello without extensions).
void expect_truncations_fail(const Bytes &body, const std::function<Status(ByteView)> &parse,
                             const std::vector<std::size_t> &valid_prefixes = {});

// Appends one byte and expects decode_error.
void expect_trailing_byte_fails(const Bytes &body, const std::function<Status(ByteView)> &parse);

}  // namespace tls::handshake::testing
