// Record protection: the interface every kind implements (null, null with a MAC, RC4, CBC with
// MAC-then-encrypt or encrypt-then-MAC, AEAD), one kind per file.
//
// A Protection handles one direction of one connection: it holds that direction's keys and the
// state that chains from record to record (the RC4 keystream, the SSL 3.0 / TLS 1.0 CBC residue).
// The record layer owns the sequence number and the header; the protection works in place on the
// fragment, so that records are sealed straight into the output buffer and opened straight in
// the input buffer, with no copy and no allocation per record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "record/content_type.hpp"

namespace tls::record {

// What a record's MAC or AEAD additional data covers besides the fragment.
struct RecordContext {
  std::uint64_t sequence = 0;
  ContentType type = ContentType::handshake;
  std::uint16_t version = 0;  // the version in the record header, as on the wire
};

class Protection {
 public:
  virtual ~Protection() = default;

  // For traces and errors: "NULL", "AES-128-CBC/HMAC-SHA1", "AES-128-GCM", ...
  virtual const std::string &name() const = 0;

  // True for the initial state (no keys): application data may not travel under it.
  virtual bool is_initial() const { return false; }

  // The most a protected fragment may exceed its plaintext by (explicit IV or nonce, MAC, the
  // largest padding a peer may send, tag). The record layer refuses longer records and sizes its
  // input buffer from it.
  virtual std::size_t max_expansion() const = 0;

  // Size of the protected fragment for a plaintext of `plaintext_size` bytes (what seal needs).
  virtual std::size_t sealed_size(std::size_t plaintext_size) const = 0;

  // Where seal expects the plaintext inside the fragment (after an explicit IV or nonce).
  virtual std::size_t plaintext_offset() const = 0;

  // True when the first block of the next record is encrypted with an IV the peer already saw
  // (SSL 3.0 and TLS 1.0 CBC): the record layer then splits application data 1/n-1 (BEAST).
  virtual bool predictable_iv() const { return false; }

  // Protects a fragment in place. `fragment` is sealed_size(plaintext_size) bytes and holds the
  // plaintext at plaintext_offset(); on return it holds the protected fragment.
  virtual Status seal(const RecordContext &context, MutableByteView fragment,
                      std::size_t plaintext_size) = 0;

  // Checks and decrypts a fragment in place. On success returns the plaintext, a sub-span of
  // `fragment`. Every failure of integrity (MAC, tag, padding, impossible length) is one
  // bad_record_mac, so that the reason gives an attacker nothing to tell them apart.
  virtual Result<MutableByteView> open(const RecordContext &context, MutableByteView fragment) = 0;
};

}  // namespace tls::record
