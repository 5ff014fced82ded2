#include "handshake/field_trace.hpp"

#include <algorithm>
#include <cstdio>

namespace tls::handshake {

void FieldTrace::add(std::string_view name, std::size_t offset, std::string bytes_hex,
                     std::string meaning) {
  Field field;
  field.name = prefix_ + std::string(name);
  field.offset = base_ + offset;
  field.length = bytes_hex.size() / 2;
  field.bytes = std::move(bytes_hex);
  field.meaning = std::move(meaning);
  fields_.push_back(std::move(field));
}

FieldTrace::Scope::Scope(FieldTrace *trace, std::string_view prefix, std::size_t offset)
    : trace_(trace) {
  if (trace_ == nullptr) return;
  saved_prefix_ = trace_->prefix_;
  saved_base_ = trace_->base_;
  trace_->prefix_ += prefix;
  trace_->base_ += offset;
}

FieldTrace::Scope::~Scope() {
  if (trace_ == nullptr) return;
  trace_->prefix_ = std::move(saved_prefix_);
  trace_->base_ = saved_base_;
}

std::string format_fields(const std::vector<Field> &fields, std::size_t max_hex_chars) {
  std::size_t name_width = 0;
  for (const Field &f : fields)
    name_width = std::max(name_width, f.name.size());
  std::string out;
  for (const Field &f : fields) {
    char numbers[32];
    std::snprintf(numbers, sizeof numbers, "%6zu %5zu  ", f.offset, f.length);
    out += numbers;
    out += f.name;
    out.append(name_width - f.name.size() + 2, ' ');
    if (max_hex_chars != 0 && f.bytes.size() > max_hex_chars) {
      out += f.bytes.substr(0, max_hex_chars);
      out += "...";
    } else {
      out += f.bytes;
    }
    if (!f.meaning.empty()) {
      out += "  ";
      out += f.meaning;
    }
    out += '\n';
  }
  return out;
}

}  // namespace tls::handshake
