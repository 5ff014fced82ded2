// The state behind a tls::Connection: one record layer, one handshake machine (made when the
// handshake starts), one transport (none: sans-IO), and the bookkeeping that lets every call
// stop at want_read / want_write and resume exactly where it stopped.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <tls/connection.hpp>

#include "api/transport.hpp"
#include "common/bytes.hpp"
#include "handshake/machine.hpp"
#include "record/record_layer.hpp"

namespace tls {

struct Connection::Impl {
  explicit Impl(const Context &context);

  // ---- Driving (connection.cpp) ----
  IoResult run_handshake(bool one_step);
  IoResult read_into(MutableByteView buffer, bool consume);
  IoResult write_all(ByteView data);
  IoResult shutdown();

  // Sends pending output. ok when all of it left; want_write when the transport is full;
  // sans-IO: ok (the application takes the output itself).
  IoResult flush();
  // Moves received bytes into the record layer: ok with bytes > 0, want_read, or an error.
  IoResult pull_input();
  // Makes the machine on first use.
  Status start_handshake();
  // After the machine reports done: the key log line, the session.
  void on_handshake_done();
  // Fills `plain` with the next record of application data.
  IoResult fill_plaintext();
  IoResult fail_with(IoCode code);
  IoResult record_failure();
  IoResult done(IoCode code, std::size_t bytes = 0) {
    last_code = code;
    return {code, bytes};
  }

  Context context;
  std::shared_ptr<const handshake::Config> config;  // the snapshot this connection runs with
  std::unique_ptr<record::RecordLayer> records;
  std::unique_ptr<handshake::Machine> machine;
  std::unique_ptr<Transport> transport;  // null: sans-IO

  // Sans-IO input: everything fed, handed to the record layer as it has room.
  Bytes fed;
  std::size_t fed_pos = 0;
  bool fed_eof = false;

  std::string hostname;
  Session offered_session;

  // Application data decrypted and not yet read.
  Bytes plain;
  std::size_t plain_pos = 0;

  // write(): how much of the caller's data is already queued in the record layer (a retry
  // after want_write must not queue it again).
  std::size_t write_queued = 0;

  bool shutdown_reported = false;   // shutdown() said "sent" once: the next call waits
  bool handshake_finished = false;  // on_handshake_done() ran for the current handshake
  // renegotiate() under way: the handshake count when it began (unchanged at the end: the peer
  // declined).
  std::optional<unsigned> renegotiating_from;
  handshake::State failed_in = handshake::State::before;  // the state that failed
  std::optional<AlertRecord> last_alert;
  // The first verification error the handshake did not override (X509_V_ERR_*), recorded by
  // a per-connection wrapper of the verify callback: the handshake keeps a verify result only
  // when the chain passed.
  std::optional<long> verify_failure;
  std::string io_error;  // transport failures and end-of-stream surprises
  IoCode last_code = IoCode::ok;
  Session session;
};

}  // namespace tls
