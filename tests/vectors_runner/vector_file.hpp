// Published test vectors as plain data files (tests/vectors/*.txt), in the format DESIGN.md
// gives:
//
//   # source: RFC 4231 §4.2          <- comments; every file names its source
//   [HMAC-SHA256]                     <- a section: names the check that runs the vectors below
//   Key = 0b0b0b0b...                 <- one vector: a block of `Name = value` lines
//   Data = 4869205468657265
//   Mac = b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
//                                     <- a blank line ends the vector
//
// Values are hex unless the check reads them as text. `Result = <alert>` states an expected
// failure; `Requires = <feature>` gates a vector on a feature. Every field a vector holds must be
// read by its check: an unread field fails the vector, so a typo cannot silently skip a value.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/bytes.hpp"

namespace tls::vectors {

class Vector {
 public:
  Vector(std::string section, int line) : section_(std::move(section)), line_(line) {}

  const std::string &section() const { return section_; }
  int line() const { return line_; }  // line of the vector's first field

  void add_field(std::string name, std::string value, int line);

  bool has(const std::string &name) const;
  // The value as text / as hex bytes / as a decimal number. A missing field or a bad value
  // records an error (see errors()) and returns an empty value.
  std::string text(const std::string &name);
  Bytes hex(const std::string &name);
  std::uint64_t number(const std::string &name);
  std::optional<std::string> optional_text(const std::string &name);
  std::optional<Bytes> optional_hex(const std::string &name);

  // Records a failure of the check ("Mac: expected ..., got ...").
  void fail(const std::string &what);
  // Compares and records a failure naming the field when they differ.
  void expect_equal(const std::string &field, ByteView expected, ByteView actual);

  // The fields in file order as (name, value), and a way to replace one value: for tools that
  // rewrite vectors (the mutation test changes one byte at a time).
  std::vector<std::pair<std::string, std::string>> fields() const;
  void set_value(const std::string &name, std::string value);

  // Fields that were never read.
  std::vector<std::string> unread_fields() const;
  const std::vector<std::string> &errors() const { return errors_; }

 private:
  struct Field {
    std::string value;
    int line = 0;
    bool read = false;
  };
  const Field *field(const std::string &name);

  std::string section_;
  int line_;
  std::vector<std::pair<std::string, Field>> fields_;
  std::vector<std::string> errors_;
};

struct VectorFile {
  std::string path;
  std::string source;  // the text after "# source:" (first one)
  std::vector<Vector> vectors;
};

// Parses a vector file. On a syntax error returns nullopt and sets *error.
std::optional<VectorFile> parse_vector_file(const std::string &path, std::string *error);

// Every *.txt file under dir, sorted by name.
std::vector<std::string> list_vector_files(const std::string &dir);

}  // namespace tls::vectors
