// The textbook part of tls-step's text output: what each state is for and how each secret is
// made, shown the first time the state or secret appears. Kept apart from the printer so that
// the prose can be read (and corrected) in one place.
#pragma once

#include <string_view>

#include "handshake/state.hpp"

namespace tls::step {

// A few sentences on what happens in `state` and why, or an empty view.
std::string_view explain_state(handshake::State state);

// How `secret_name` (a trace event's name: "pre_master_secret", "master_secret",
// "client_write_key", ...) is derived, or an empty view.
std::string_view explain_secret(std::string_view secret_name);

}  // namespace tls::step
