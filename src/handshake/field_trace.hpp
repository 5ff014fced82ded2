// FieldTrace: a field-by-field account of a decoded message, for the trace output, the
// message callback and tls-step. Every parser in src/handshake/ takes an optional
// `FieldTrace *`; with a null pointer nothing is recorded and no text is built, so the normal
// parse path pays one pointer test per field.
//
// A field names a span of the decoded bytes:
//   {"cipher_suites[3]", 47, 2, "c02f", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}
// Offsets count from the start of whatever the caller handed in; describe_handshake_message()
// (messages/describe.hpp) hands in the whole message, so body fields start at offset 4.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tls::handshake {

struct Field {
  std::string name;  // "random.gmt_unix_time", "extensions[2].server_name.host_name"
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string bytes;    // the field's bytes, lower-case hex
  std::string meaning;  // what they say: "TLSv1.2", "32 bytes", "x25519", ...

  bool operator==(const Field &) const = default;
};

class FieldTrace {
 public:
  // Records a field. `offset` is relative to the current scope (see Scope); the stored field
  // carries the absolute offset and the scope's name prefix.
  void add(std::string_view name, std::size_t offset, std::string bytes_hex, std::string meaning);

  const std::vector<Field> &fields() const { return fields_; }
  std::vector<Field> take() { return std::move(fields_); }

  // A nested scope: fields added while it lives get `prefix` in front of their names and
  // `offset` added to their offsets (used to describe an extension's contents inside a
  // hello, or a message body after its header).
  class Scope {
   public:
    Scope(FieldTrace *trace, std::string_view prefix, std::size_t offset);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

   private:
    FieldTrace *trace_;
    std::string saved_prefix_;
    std::size_t saved_base_ = 0;
  };

 private:
  std::vector<Field> fields_;
  std::string prefix_;
  std::size_t base_ = 0;
};

// A fixed-width text table of fields, one per line:
//   "   47    2  cipher_suites[3]  c02f  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
// Byte strings longer than `max_hex_chars` are shortened with "..." (0: never).
std::string format_fields(const std::vector<Field> &fields, std::size_t max_hex_chars = 64);

}  // namespace tls::handshake
