// Driving a connection: the loops behind handshake(), read(), write() and shutdown(). Each one
// flushes, steps, reads and decrypts until it is done or the transport says "not now"; all the
// state it needs to resume lives in the record layer, the machine and Connection::Impl, so a
// call that returned want_read / want_write picks up exactly where it stopped.
#include <algorithm>

#include "api/connection_impl.hpp"
#include "api/keylog.hpp"
#include "api/session_impl.hpp"
#include "x509/verify_error.hpp"

namespace tls {

Connection::Impl::Impl(const Context &ctx)
    : context(ctx), records(std::make_unique<record::RecordLayer>(ctx.provider())) {}

Status Connection::Impl::start_handshake() {
  if (machine) return {};
  config = context.config();
  if (config->verify_mode != handshake::VerifyMode::none) {
    // This connection's own copy, so that the verify callback can say which error failed it.
    auto own = std::make_shared<handshake::Config>(*config);
    own->verify_callback = [this, inner = config->verify_callback](
                               bool ok, const x509::Certificate &cert, int depth,
                               x509::VerifyError error) {
      const bool accepted = inner ? inner(ok, cert, depth, error) : ok;
      if (!accepted && !verify_failure)
        verify_failure =
            static_cast<long>(ok ? x509::VerifyError::application_verification : error);
      return accepted;
    };
    config = std::move(own);
  }
  if (to_wire(config->min_version) > to_wire(config->max_version)) {
    return make_error(AlertDescription::internal_error,
                      std::string("version range is empty: minimum ") +
                          tls::version_name(config->min_version) + " is above maximum " +
                          tls::version_name(config->max_version));
  }
  handshake::ConnectionParams params;
  params.hostname = hostname;
  if (const Session::Impl *offer = offered_session.internal(); offer && offer->state)
    params.session = offer->state;
  machine = handshake::Machine::create(config, *records, std::move(params));
  if (!machine) return make_error(AlertDescription::internal_error, "no handshake machine");
  return {};
}

IoResult Connection::Impl::flush() {
  if (!transport) return {IoCode::ok, 0};  // sans-IO: the application takes the output
  for (;;) {
    const ByteView out = records->pending_output();
    if (out.empty()) return {IoCode::ok, 0};
    const IoResult sent = transport->write(out);
    if (sent.ok() && sent.bytes > 0) {
      records->consume_output(std::min(sent.bytes, out.size()));
      continue;
    }
    if (sent.ok()) {
      io_error = "the transport took no bytes";
      return done(IoCode::syscall);
    }
    if (sent.code == IoCode::syscall) io_error = transport->error();
    return done(sent.code);
  }
}

IoResult Connection::Impl::pull_input() {
  const MutableByteView space = records->input_space();
  if (space.empty()) {
    if (records->dead()) return record_failure();
    (void)records->fail(make_error(AlertDescription::internal_error,
                                   "record input buffer has no room while waiting for input"));
    return record_failure();
  }
  std::size_t n = 0;
  if (!transport) {
    if (fed_pos == fed.size()) return fed_eof ? IoResult{IoCode::ok, 0} : done(IoCode::want_read);
    n = std::min(space.size(), fed.size() - fed_pos);
    std::copy_n(fed.begin() + static_cast<std::ptrdiff_t>(fed_pos), n, space.begin());
    fed_pos += n;
    if (fed_pos == fed.size()) {
      fed.clear();
      fed_pos = 0;
    }
  } else {
    const IoResult got = transport->read(space);
    if (!got.ok()) {
      if (got.code == IoCode::syscall) io_error = transport->error();
      return done(got.code);
    }
    n = got.bytes;
    if (n == 0) return {IoCode::ok, 0};  // end of stream: the caller decides what it means
  }
  if (auto status = records->commit_input(n); !status) return record_failure();
  return {IoCode::ok, n};
}

IoResult Connection::Impl::record_failure() {
  if (failed_in == handshake::State::before && machine) failed_in = machine->state();
  if (auto peer = records->peer_fatal_alert()) {
    last_alert = AlertRecord{false, AlertLevel::fatal, *peer};
  } else if (const auto &error =
                 machine && machine->error() ? machine->error() : records->error()) {
    if (error->alert != AlertDescription::close_notify)
      last_alert = AlertRecord{true, AlertLevel::fatal, error->alert};
  }
  (void)flush();  // the fatal alert, best effort
  return done(IoCode::failed);
}

IoResult Connection::Impl::fail_with(IoCode code) {
  return done(code);
}

void Connection::Impl::on_handshake_done() {
  handshake_finished = true;
  const auto &negotiated = machine->negotiated();
  if (auto keylog = context.keylog_callback(); keylog && !negotiated.master_secret.empty())
    keylog(keylog_line(negotiated.client_random, negotiated.master_secret));
  auto saved = std::make_shared<Session::Impl>();
  saved->version = records->version().value_or(negotiated.version);
  saved->suite = negotiated.suite;
  saved->id = negotiated.session_id;
  saved->master_secret = negotiated.master_secret;
  saved->extended_master_secret = negotiated.extended_master_secret;
  saved->server_name = negotiated.server_name;
  saved->state = machine->session();
  session = Session(std::move(saved));
}

IoResult Connection::Impl::run_handshake(bool one_step) {
  if (auto status = start_handshake(); !status) {
    io_error = status.error().reason;
    return done(IoCode::failed);
  }
  for (;;) {
    if (machine->error() || records->dead()) return record_failure();
    if (IoResult out = flush(); !out.ok()) return out;
    if (machine->done()) {
      if (!handshake_finished) on_handshake_done();
      return done(IoCode::ok);
    }
    const handshake::State before = machine->state();
    switch (machine->step()) {
      case handshake::StepResult::advanced:
        if (one_step) {
          const IoResult out = flush();
          return out.code == IoCode::syscall ? out : done(IoCode::ok);
        }
        break;
      case handshake::StepResult::need_input: {
        const IoResult in = pull_input();
        if (!in.ok()) return in;
        if (in.bytes == 0) {
          io_error = std::string("the peer closed the connection during the handshake (in ") +
                     handshake::state_name(machine->state()) + ")";
          return done(IoCode::syscall);
        }
        break;
      }
      case handshake::StepResult::need_flush: {
        if (IoResult out = flush(); !out.ok()) return out;
        if (!transport && !records->pending_output().empty()) return done(IoCode::want_write);
        break;
      }
      case handshake::StepResult::done:
        break;  // the top of the loop flushes and reports
      case handshake::StepResult::failed:
        failed_in = before;
        return record_failure();
    }
  }
}

IoResult Connection::Impl::fill_plaintext() {
  for (;;) {
    auto event = records->next_event();
    if (!event) return record_failure();
    switch (event->kind) {
      case record::Event::Kind::application_data:
        plain.assign(event->application_data.begin(), event->application_data.end());
        plain_pos = 0;
        return {IoCode::ok, plain.size()};
      case record::Event::Kind::need_more_input: {
        // Anything we queued meanwhile (a warning alert) goes out first.
        if (IoResult out = flush(); out.code == IoCode::syscall) return out;
        const IoResult in = pull_input();
        if (!in.ok()) return in;
        if (in.bytes == 0) {
          if (records->close_notify_received()) return done(IoCode::zero_return);
          io_error = "the peer closed the connection without close_notify";
          return done(IoCode::syscall);
        }
        break;
      }
      case record::Event::Kind::alert:
        last_alert = AlertRecord{false, event->alert_level, event->alert_description};
        if (event->alert_description == AlertDescription::close_notify)
          return done(IoCode::zero_return);
        break;  // a warning: go on reading
      case record::Event::Kind::closed:
        return done(IoCode::zero_return);
      case record::Event::Kind::handshake: {
        // A renegotiation request (HelloRequest to a client, ClientHello to a server): the
        // machine follows it or declines it with a no_renegotiation warning (RFC 5246 §7.2.2),
        // as the Context allows; any other handshake message is unexpected.
        auto started = machine->handle_post_handshake(event->handshake_message);
        if (!started) {
          (void)records->fail(started.error());
          return record_failure();
        }
        if (!*started) {
          last_alert = AlertRecord{true, AlertLevel::warning, AlertDescription::no_renegotiation};
          break;
        }
        handshake_finished = false;
        if (IoResult hs = run_handshake(false); !hs.ok()) return hs;
        // Data that arrived while it ran comes out first, in order.
        if (machine->has_application_data()) {
          plain = machine->take_application_data();
          plain_pos = 0;
          return {IoCode::ok, plain.size()};
        }
        break;
      }
      case record::Event::Kind::change_cipher_spec:
        (void)records->fail(make_error(AlertDescription::unexpected_message,
                                       "ChangeCipherSpec after the handshake finished"));
        return record_failure();
    }
  }
}

IoResult Connection::Impl::read_into(MutableByteView buffer, bool consume) {
  if (!machine || !machine->done()) {
    if (IoResult hs = run_handshake(false); !hs.ok()) return hs;
  }
  if (plain_pos == plain.size() && machine->has_application_data()) {
    plain = machine->take_application_data();  // arrived during a renegotiation
    plain_pos = 0;
  }
  if (plain_pos == plain.size()) {
    if (records->dead()) return record_failure();
    if (buffer.empty()) return done(IoCode::ok, 0);
    if (IoResult got = fill_plaintext(); !got.ok()) return got;
  }
  const std::size_t n = std::min(buffer.size(), plain.size() - plain_pos);
  std::copy_n(plain.begin() + static_cast<std::ptrdiff_t>(plain_pos), n, buffer.begin());
  if (consume) plain_pos += n;
  return done(IoCode::ok, n);
}

IoResult Connection::Impl::write_all(ByteView data) {
  if (!machine || !machine->done()) {
    if (IoResult hs = run_handshake(false); !hs.ok()) return hs;
  }
  if (records->dead()) return record_failure();
  if (data.empty()) return done(IoCode::ok, 0);
  if (write_queued > data.size()) {
    io_error = "write() called again with less data than the write it continues";
    write_queued = 0;
    return done(IoCode::failed);
  }
  for (;;) {
    if (write_queued == data.size()) {
      if (IoResult out = flush(); !out.ok()) return out;
      const std::size_t n = write_queued;
      write_queued = 0;
      return done(IoCode::ok, n);
    }
    auto taken = records->write_application_data(data.subspan(write_queued));
    if (!taken) return record_failure();
    write_queued += *taken;
    if (*taken == 0) {
      // The output buffer is full: it must leave before more can be queued.
      if (IoResult out = flush(); !out.ok()) return out;
      if (!transport && !records->pending_output().empty()) return done(IoCode::want_write);
    }
  }
}

IoResult Connection::Impl::shutdown() {
  if (!records->close_notify_sent()) {
    if (records->dead()) return record_failure();
    if (auto status = records->write_alert(AlertLevel::warning, AlertDescription::close_notify);
        !status)
      return record_failure();
    last_alert = AlertRecord{true, AlertLevel::warning, AlertDescription::close_notify};
  }
  if (IoResult out = flush(); !out.ok()) return out;
  if (records->close_notify_received()) return done(IoCode::ok, 1);
  if (!shutdown_reported) {
    shutdown_reported = true;
    return done(IoCode::ok, 0);
  }
  // Called again: wait for the peer's close_notify, dropping any data still on its way.
  for (;;) {
    plain.clear();
    plain_pos = 0;
    const IoResult got = fill_plaintext();
    if (got.code == IoCode::zero_return) return done(IoCode::ok, 1);
    if (!got.ok()) return got;
  }
}

}  // namespace tls
