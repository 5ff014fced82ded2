// How tls-step shows a run: as text that reads like a textbook, or as one JSON object per step.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "duet.hpp"
#include "options.hpp"

namespace tls::step {

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void intro(const Options &options) = 0;
  // A heading between the parts of a run ("the handshake", "application data", ...).
  virtual void part(const std::string &title, const std::string &explanation) = 0;
  virtual void step(const Step &step) = 0;
  virtual void summary(const Duet &duet) = 0;
};

std::unique_ptr<Printer> make_text_printer(std::ostream &out);
std::unique_ptr<Printer> make_json_printer(std::ostream &out);

}  // namespace tls::step
