#include "vector_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/hex.hpp"

namespace tls::vectors {

namespace {

std::string trim(const std::string &s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

}  // namespace

void Vector::add_field(std::string name, std::string value, int line) {
  fields_.emplace_back(std::move(name), Field{std::move(value), line, false});
}

bool Vector::has(const std::string &name) const {
  return std::any_of(fields_.begin(), fields_.end(),
                     [&](const auto &f) { return f.first == name; });
}

const Vector::Field *Vector::field(const std::string &name) {
  for (auto &[key, f] : fields_) {
    if (key == name) {
      f.read = true;
      return &f;
    }
  }
  return nullptr;
}

std::string Vector::text(const std::string &name) {
  const Field *f = field(name);
  if (f == nullptr) {
    fail("missing field " + name);
    return {};
  }
  return f->value;
}

Bytes Vector::hex(const std::string &name) {
  const Field *f = field(name);
  if (f == nullptr) {
    fail("missing field " + name);
    return {};
  }
  auto bytes = from_hex(f->value);
  if (!bytes) {
    fail("field " + name + " (line " + std::to_string(f->line) + ") is not hex");
    return {};
  }
  return *bytes;
}

std::uint64_t Vector::number(const std::string &name) {
  const std::string value = text(name);
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) {
    if (!value.empty()) fail("field " + name + " is not a decimal number");
    return 0;
  }
  return std::stoull(value);
}

std::optional<std::string> Vector::optional_text(const std::string &name) {
  if (!has(name)) return std::nullopt;
  return text(name);
}

std::optional<Bytes> Vector::optional_hex(const std::string &name) {
  if (!has(name)) return std::nullopt;
  return hex(name);
}

void Vector::fail(const std::string &what) {
  errors_.push_back(what);
}

void Vector::expect_equal(const std::string &field, ByteView expected, ByteView actual) {
  if (expected.size() == actual.size() &&
      std::equal(expected.begin(), expected.end(), actual.begin())) {
    return;
  }
  fail(field + ": expected " + to_hex(expected) + ", got " + to_hex(actual));
}

std::vector<std::pair<std::string, std::string>> Vector::fields() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto &[key, f] : fields_)
    out.emplace_back(key, f.value);
  return out;
}

void Vector::set_value(const std::string &name, std::string value) {
  for (auto &[key, f] : fields_) {
    if (key == name) f.value = std::move(value);
  }
}

std::vector<std::string> Vector::unread_fields() const {
  std::vector<std::string> out;
  for (const auto &[key, f] : fields_) {
    if (!f.read) out.push_back(key);
  }
  return out;
}

std::optional<VectorFile> parse_vector_file(const std::string &path, std::string *error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open " + path;
    return std::nullopt;
  }
  VectorFile file;
  file.path = path;
  std::string section;
  std::optional<Vector> current;
  auto finish_vector = [&] {
    if (current) file.vectors.push_back(std::move(*current));
    current.reset();
  };
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string line = trim(raw);
    if (line.empty()) {
      finish_vector();
      continue;
    }
    if (line[0] == '#') {
      const std::string tag = "# source:";
      if (file.source.empty() && line.compare(0, tag.size(), tag) == 0) {
        file.source = trim(line.substr(tag.size()));
      }
      continue;
    }
    if (line[0] == '[') {
      finish_vector();
      if (line.back() != ']') {
        *error = path + ":" + std::to_string(line_no) + ": unterminated section header";
        return std::nullopt;
      }
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      *error = path + ":" + std::to_string(line_no) + ": expected `Name = value`";
      return std::nullopt;
    }
    if (section.empty()) {
      *error = path + ":" + std::to_string(line_no) + ": a vector before any [section]";
      return std::nullopt;
    }
    std::string name = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (!current) current.emplace(section, line_no);
    if (current->has(name)) {
      *error = path + ":" + std::to_string(line_no) + ": field " + name + " given twice";
      return std::nullopt;
    }
    current->add_field(std::move(name), std::move(value), line_no);
  }
  finish_vector();
  if (file.source.empty()) {
    *error = path + ": no `# source:` line naming where the vectors come from";
    return std::nullopt;
  }
  return file;
}

std::vector<std::string> list_vector_files(const std::string &dir) {
  std::vector<std::string> files;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace tls::vectors
