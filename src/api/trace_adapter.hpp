// Turns the handshake's trace events into the public tls::TraceEvent and feeds the Context's
// trace, state and message callbacks from one handshake::TraceCallback.
#pragma once

#include <tls/context.hpp>
#include <tls/trace.hpp>

#include "handshake/trace.hpp"

namespace tls {

TraceEvent to_public_event(const handshake::TraceEvent &event);

// Empty when none of the three callbacks is set (so that the handshake builds no events).
handshake::TraceCallback make_trace_dispatch(TraceCallback trace, StateCallback state,
                                             MessageCallback message);

}  // namespace tls
