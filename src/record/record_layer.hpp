// The record layer (RFC 5246 §6): framing, fragmentation, reassembly, sequence numbers, record
// protection and alerts, for SSL 3.0 and TLS 1.0 - 1.2. Sans-IO: it reads from and writes to
// its own buffers and never touches a socket.
//
// Reading:  space = input_space(); copy received bytes into it; commit_input(n); then call
//           next_event() until it says need_more_input. Each event is one complete handshake
//           message (with its raw bytes for the transcript), a ChangeCipherSpec, an alert, or
//           one record's application data. Records are decrypted in place in the input buffer;
//           the views an event carries stay valid until the next call to any reading function
//           (next_event, input_space, commit_input, feed).
// Writing:  write_handshake / write_change_cipher_spec / write_alert / write_application_data
//           frame, fragment and protect straight into the output buffer; the caller sends
//           pending_output() and reports what left with consume_output(n).
// Keys:     set_read_protection / set_write_protection switch one direction each (at
//           ChangeCipherSpec), resetting that direction's sequence number. make_protection()
//           (protection_builder.hpp) builds them from the suite and the key block.
// Failure:  any error the layer finds (bad record, bad MAC, overflow, ...) queues the fatal alert
//           in the output buffer and makes the connection dead; so does fail(error) for errors
//           the handshake finds, and a fatal alert received. A dead layer fails every later read
//           and write with the same Error; pending_output() still holds the alert to flush.
//
// See docs/record.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <tls/alert.hpp>
#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "common/bytes.hpp"
#include "common/error.hpp"
#include "record/content_type.hpp"
#include "record/handshake_reassembler.hpp"
#include "record/protection.hpp"
#include "record/protection_builder.hpp"
#include "record/record_buffer.hpp"

namespace tls::record {

struct Event {
  enum class Kind : std::uint8_t {
    need_more_input,     // no complete event in the input: read more bytes
    handshake,           // handshake_type, handshake_body, handshake_message
    change_cipher_spec,  // the peer switches its write keys: install the new read keys now
    alert,               // alert_level, alert_description (warning alerts and close_notify)
    application_data,    // application_data (never empty)
    closed,              // close_notify was received earlier: the peer sends nothing more
  };
  Kind kind = Kind::need_more_input;

  std::uint8_t handshake_type = 0;
  ByteView handshake_body;
  ByteView handshake_message;  // header + body: what the transcript hashes

  AlertLevel alert_level = AlertLevel::warning;
  AlertDescription alert_description = AlertDescription::close_notify;

  ByteView application_data;
};

const char *event_kind_name(Event::Kind kind) noexcept;

// One record as it crossed the wire, for traces and teaching tools.
struct RecordTrace {
  bool outgoing = false;
  ContentType type = ContentType::handshake;
  std::uint16_t version = 0;
  std::uint64_t sequence = 0;
  ByteView header;     // the 5-byte record header
  ByteView fragment;   // the protected fragment, as sent or received
  ByteView plaintext;  // the fragment's plaintext
  const Protection *protection = nullptr;
};
using RecordObserver = std::function<void(const RecordTrace &)>;

struct RecordLayerConfig {
  // The largest handshake message accepted (a certificate chain is the largest).
  std::size_t max_handshake_message_size = 256 * 1024;
  // write_application_data stops queuing records once this much output waits to be sent.
  std::size_t max_pending_output = 64 * 1024;
  // Record version of the records written before set_version(): TLS 1.0, as most stacks send
  // their ClientHello (RFC 5246 Appendix E.1).
  std::uint16_t initial_write_version = to_wire(ProtocolVersion::tls10);
};

class RecordLayer {
 public:
  explicit RecordLayer(std::shared_ptr<const cipher::Provider> provider,
                       RecordLayerConfig config = {});
  ~RecordLayer();
  RecordLayer(const RecordLayer &) = delete;
  RecordLayer &operator=(const RecordLayer &) = delete;

  // ---- Reading ------------------------------------------------------------------------------

  // Free space at the end of the input buffer to receive bytes into (empty when dead, or when a
  // complete record is waiting: call next_event() first).
  MutableByteView input_space();
  // Declares that the first n bytes of input_space() hold received data.
  Status commit_input(std::size_t n);
  // Convenience: copies as much of `bytes` as fits and commits it; returns how much was taken.
  std::size_t feed(ByteView bytes);
  // The next event, or the error that made the connection dead.
  Result<Event> next_event();
  // Bytes received and not yet turned into events.
  std::size_t buffered_input() const;
  // True while part of a handshake message has arrived and the rest has not.
  bool has_partial_handshake_message() const { return reassembler_.has_partial(); }

  // ---- Writing ------------------------------------------------------------------------------

  // One complete handshake message, header included (as it goes into the transcript).
  Status write_handshake(ByteView message);
  Status write_change_cipher_spec();
  // A fatal alert makes the connection dead; close_notify closes the writing side.
  Status write_alert(AlertLevel level, AlertDescription description);
  // Queues records of application data until all of `data` is queued or max_pending_output
  // bytes wait to be sent; returns how many bytes were taken (0 when the output is full: flush
  // and try again). Empty `data` sends one empty record. In SSL 3.0 and TLS 1.0 with a CBC
  // suite the first record of each call carries one byte (1/n-1 split, against BEAST).
  Result<std::size_t> write_application_data(ByteView data);

  ByteView pending_output() const;
  void consume_output(std::size_t n);

  // ---- Failing ------------------------------------------------------------------------------

  // For errors found above the record layer: queues the fatal alert error.alert (close_notify
  // is sent as a warning), makes the connection dead, and returns the error.
  Error fail(Error error);
  bool dead() const { return dead_; }
  const std::optional<Error> &error() const { return error_; }
  // The fatal alert the peer sent, when that is what ended the connection.
  std::optional<AlertDescription> peer_fatal_alert() const { return peer_fatal_alert_; }
  bool close_notify_received() const { return read_closed_; }
  bool close_notify_sent() const { return write_closed_; }

  // ---- Negotiated parameters ----------------------------------------------------------------

  // From now on every record read must carry this version and every record written does.
  void set_version(ProtocolVersion version);
  std::optional<ProtocolVersion> version() const { return version_; }
  // Record version for the records written before set_version().
  void set_initial_write_version(std::uint16_t wire) { write_version_ = wire; }

  // Builds the protection for the negotiated suite from the key block (make_protection()) and
  // installs it for one direction: "install the new read / write keys now". The keys of the
  // sender in that direction are used (a client writes with client_write_*). A failure (suite
  // and version inconsistent, wrong key sizes) is an internal_error that kills the connection.
  Status install_keys(Direction direction, ProtocolVersion version,
                      const cipher::CipherSuite &suite, const cipher::KeyBlock &key_block,
                      bool is_client, bool encrypt_then_mac);

  // Installs a direction's new protection and resets its sequence number to 0.
  void set_read_protection(std::unique_ptr<Protection> protection);
  void set_write_protection(std::unique_ptr<Protection> protection);
  const Protection &read_protection() const { return *read_; }
  const Protection &write_protection() const { return *write_; }

  // Plaintext limits (max_fragment_length, RFC 6066; record_size_limit, RFC 8449): records read
  // may carry at most max_read bytes of plaintext, records written carry at most max_write.
  // 64 <= limit <= 2^14. The buffers shrink to match.
  Status set_max_read_plaintext(std::size_t limit);
  Status set_max_write_plaintext(std::size_t limit);
  std::size_t max_read_plaintext() const { return max_read_plaintext_; }
  std::size_t max_write_plaintext() const { return max_write_plaintext_; }
  void set_max_handshake_message_size(std::size_t n) { reassembler_.set_max_message_size(n); }

  std::uint64_t read_sequence() const { return read_seq_; }
  std::uint64_t write_sequence() const { return write_seq_; }
  // For tests of sequence-number exhaustion.
  void set_sequence_numbers_for_testing(std::uint64_t read, std::uint64_t write);

  // ---- Memory and tracing -------------------------------------------------------------------

  // Bytes held by the input, output and reassembly buffers.
  std::size_t memory_footprint() const;
  // Frees the handshake reassembly buffer and trims the output buffer (after a handshake).
  void release_handshake_memory();

  void set_observer(RecordObserver observer) { observer_ = std::move(observer); }

 private:
  struct CurrentRecord {
    bool active = false;  // a handshake record with plaintext left to hand out
    std::size_t pos = 0;  // offsets into the input buffer
    std::size_t end = 0;
  };

  Error die(Error error);
  Status check_writable() const;
  Status write_record(ContentType type, ByteView plaintext);
  Result<std::optional<Event>> read_record();
  Result<std::optional<Event>> dispatch(ContentType type, MutableByteView plaintext);
  Status check_header_start();
  std::size_t required_input_capacity() const;
  std::size_t live_input_start() const { return current_.active ? current_.pos : parse_pos_; }

  std::shared_ptr<const cipher::Provider> provider_;
  RecordLayerConfig config_;

  std::unique_ptr<Protection> read_;
  std::unique_ptr<Protection> write_;
  std::uint64_t read_seq_ = 0;
  std::uint64_t write_seq_ = 0;
  bool read_seq_exhausted_ = false;
  bool write_seq_exhausted_ = false;

  std::optional<ProtocolVersion> version_;
  std::uint16_t write_version_;
  std::size_t max_read_plaintext_ = kMaxPlaintext;
  std::size_t max_write_plaintext_ = kMaxPlaintext;

  // Input: [0, live_input_start) consumed | live bytes | [end_, capacity) free.
  RecordBuffer input_;
  std::size_t parse_pos_ = 0;  // where the next record header starts
  std::size_t end_ = 0;
  CurrentRecord current_;
  HandshakeReassembler reassembler_;
  std::uint64_t records_read_ = 0;
  std::size_t empty_records_in_a_row_ = 0;
  std::size_t warning_alerts_in_a_row_ = 0;

  // Output: [out_start_, output_.size()) waits to be sent.
  Bytes output_;
  std::size_t out_start_ = 0;

  bool dead_ = false;
  std::optional<Error> error_;
  std::optional<AlertDescription> peer_fatal_alert_;
  bool read_closed_ = false;
  bool write_closed_ = false;

  RecordObserver observer_;
  Bytes trace_scratch_;
};

}  // namespace tls::record
