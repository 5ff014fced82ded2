#include "record/record_layer.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>

#include "common/reader.hpp"
#include "common/writer.hpp"
#include "record/protection_null.hpp"
#include "record/sslv2_client_hello.hpp"

namespace tls::record {

namespace {

// More empty application-data records in a row than this is a denial-of-service attempt (each
// costs a MAC check and delivers nothing), as OpenSSL judges it.
constexpr std::size_t kMaxEmptyRecordsInARow = 32;
// Likewise for warning alerts, which deliver nothing the application can use.
constexpr std::size_t kMaxWarningAlertsInARow = 5;

std::string hex16(std::uint16_t v) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%04x", static_cast<unsigned>(v));
  return text;
}

Event make_event(Event::Kind kind) {
  Event e;
  e.kind = kind;
  return e;
}

}  // namespace

const char *event_kind_name(Event::Kind kind) noexcept {
  switch (kind) {
    case Event::Kind::need_more_input:
      return "need_more_input";
    case Event::Kind::handshake:
      return "handshake";
    case Event::Kind::change_cipher_spec:
      return "change_cipher_spec";
    case Event::Kind::alert:
      return "alert";
    case Event::Kind::application_data:
      return "application_data";
    case Event::Kind::closed:
      return "closed";
  }
  return "unknown";
}

RecordLayer::RecordLayer(std::shared_ptr<const cipher::Provider> provider, RecordLayerConfig config)
    : provider_(std::move(provider)),
      config_(config),
      read_(std::make_unique<NullProtection>()),
      write_(std::make_unique<NullProtection>()),
      write_version_(config.initial_write_version),
      reassembler_(config.max_handshake_message_size) {
  input_ = RecordBuffer(required_input_capacity());
  output_.reserve(kRecordHeaderSize + max_write_plaintext_);
}

RecordLayer::~RecordLayer() = default;

// ---------------------------------------------------------------------------------------------
// Failing

Error RecordLayer::fail(Error error) {
  if (dead_) return *error_;
  dead_ = true;
  error_ = error;
  // Tell the peer, if the writing side can still carry an alert.
  if (!write_closed_ && !write_seq_exhausted_) {
    const AlertLevel level =
        error.alert == AlertDescription::close_notify ? AlertLevel::warning : AlertLevel::fatal;
    const std::uint8_t alert[2] = {static_cast<std::uint8_t>(level),
                                   static_cast<std::uint8_t>(error.alert)};
    (void)write_record(ContentType::alert, alert);
    write_closed_ = true;
  }
  return error;
}

Error RecordLayer::die(Error error) {
  return fail(std::move(error));
}

// ---------------------------------------------------------------------------------------------
// Reading

std::size_t RecordLayer::required_input_capacity() const {
  return kRecordHeaderSize + std::min(kMaxCiphertext, max_read_plaintext_ + read_->max_expansion());
}

MutableByteView RecordLayer::input_space() {
  if (dead_) return {};
  const std::size_t live = live_input_start();
  const std::size_t live_size = end_ - live;
  const std::size_t wanted = required_input_capacity();
  auto shift = [&](std::size_t by) {
    parse_pos_ -= by;
    end_ -= by;
    if (current_.active) {
      current_.pos -= by;
      current_.end -= by;
    }
  };
  if (input_.capacity() != wanted && live_size <= wanted) {
    // The limits or the protection changed: resize to what one record now needs.
    input_.reallocate(wanted, live, end_);
    shift(live);
  } else if (live > 0) {
    // Move the live bytes (at most one record) to the front.
    const MutableByteView all = input_.span();
    std::copy(all.begin() + static_cast<std::ptrdiff_t>(live),
              all.begin() + static_cast<std::ptrdiff_t>(end_), all.begin());
    shift(live);
  }
  return input_.span().subspan(end_);
}

Status RecordLayer::commit_input(std::size_t n) {
  if (dead_) return *error_;
  if (n > input_.capacity() - end_)
    return die(make_error(AlertDescription::internal_error,
                          "commit_input: " + std::to_string(n) +
                              " bytes committed, more than input_space() offered"));
  end_ += n;
  return {};
}

std::size_t RecordLayer::feed(ByteView bytes) {
  const MutableByteView space = input_space();
  const std::size_t n = std::min(space.size(), bytes.size());
  std::copy_n(bytes.begin(), n, space.begin());
  if (!commit_input(n).ok()) return 0;
  return n;
}

std::size_t RecordLayer::buffered_input() const {
  return end_ - live_input_start();
}

Result<Event> RecordLayer::next_event() {
  if (dead_) return *error_;
  for (;;) {
    if (current_.active) {
      ByteView rest = input_.span().subspan(current_.pos, current_.end - current_.pos);
      auto message = reassembler_.next(rest);
      if (!message) return die(message.error());
      current_.pos = current_.end - rest.size();
      if (current_.pos == current_.end) current_.active = false;
      if (message->has_value()) {
        Event e = make_event(Event::Kind::handshake);
        e.handshake_type = (*message)->type;
        e.handshake_body = (*message)->body;
        e.handshake_message = (*message)->message;
        return e;
      }
      continue;
    }
    if (read_closed_) return make_event(Event::Kind::closed);
    auto step = read_record();
    if (!step) return step.error();
    if (step->has_value()) return std::move(**step);
    // A handshake record to split into messages, or an empty record: go on.
  }
}

Status RecordLayer::check_header_start() {
  const ByteView available = input_.span().subspan(parse_pos_, end_ - parse_pos_);
  const std::uint8_t type = available[0];
  if (content_type_from_wire(type)) {
    if (available.size() >= 2 && available[1] != 3)
      return make_error(
          AlertDescription::protocol_version,
          "record version major " + std::to_string(available[1]) + " is not SSL 3.0 / TLS (3)");
    return {};
  }
  // An SSLv2-format ClientHello can only be the first record; 5 bytes tell it apart.
  if ((type & 0x80) != 0 && records_read_ == 0) {
    const bool could_be_one = available.size() < 3 || looks_like_sslv2_client_hello(available);
    if (available.size() < kSslv2HelloPrefix && could_be_one) return {};  // wait for more bytes
    if (could_be_one) return sslv2_client_hello_error(available);
  }
  std::string why;
  if (type == 24) {
    why = "heartbeat records (RFC 6520) are not supported";
  } else {
    why = "record content type " + std::to_string(type) + " is not a TLS content type";
    if (records_read_ == 0 && type >= 'A' && type <= 'Z')
      why += " (the peer seems to speak a plain-text protocol such as HTTP)";
  }
  return make_error(AlertDescription::unexpected_message, why);
}

Result<std::optional<Event>> RecordLayer::read_record() {
  using Step = std::optional<Event>;
  const std::size_t available = end_ - parse_pos_;
  if (available == 0) return Step(make_event(Event::Kind::need_more_input));
  // Refuse a bad type or version as soon as its byte arrives, without waiting for the rest.
  if (auto st = check_header_start(); !st) return die(st.error());
  if (available < kRecordHeaderSize) return Step(make_event(Event::Kind::need_more_input));

  const MutableByteView in = input_.span().subspan(parse_pos_, available);
  Reader header(in.first(kRecordHeaderSize), "record header");
  const auto type = static_cast<ContentType>(header.u8());
  const std::uint16_t version = header.u16();
  const std::size_t length = header.u16();
  if (version_ && version != to_wire(*version_))
    return die(make_error(AlertDescription::protocol_version,
                          "record version " + hex16(version) + " differs from the negotiated " +
                              version_name(*version_) + " (" + hex16(to_wire(*version_)) + ")"));
  if (length > kMaxCiphertext)
    return die(make_error(
        AlertDescription::record_overflow,
        "record of " + std::to_string(length) + " bytes exceeds the maximum of 2^14 + 2048"));
  const std::size_t limit = max_read_plaintext_ + read_->max_expansion();
  if (length > limit)
    return die(make_error(AlertDescription::record_overflow,
                          "record of " + std::to_string(length) + " bytes exceeds the limit of " +
                              std::to_string(limit) + " (plaintext limit " +
                              std::to_string(max_read_plaintext_) + " under " + read_->name() +
                              ")"));
  if (available < kRecordHeaderSize + length) return Step(make_event(Event::Kind::need_more_input));

  if (read_seq_exhausted_)
    return die(make_error(AlertDescription::close_notify,
                          "read sequence number exhausted: the connection must be closed"));
  const RecordContext context{read_seq_, type, version};
  const MutableByteView fragment = in.subspan(kRecordHeaderSize, length);
  if (observer_) trace_scratch_.assign(fragment.begin(), fragment.end());
  auto opened = read_->open(context, fragment);
  if (!opened)
    return die(with_context(opened.error(), std::string("record #") + std::to_string(read_seq_) +
                                                " (" + content_type_name(type) + ")"));
  if (read_seq_ == std::numeric_limits<std::uint64_t>::max())
    read_seq_exhausted_ = true;
  else
    ++read_seq_;
  ++records_read_;
  parse_pos_ += kRecordHeaderSize + length;

  const MutableByteView plaintext = *opened;
  if (plaintext.size() > max_read_plaintext_)
    return die(make_error(AlertDescription::record_overflow,
                          "record plaintext of " + std::to_string(plaintext.size()) +
                              " bytes exceeds the limit of " +
                              std::to_string(max_read_plaintext_)));
  if (observer_) {
    RecordTrace trace;
    trace.outgoing = false;
    trace.type = type;
    trace.version = version;
    trace.sequence = context.sequence;
    trace.header = in.first(kRecordHeaderSize);
    trace.fragment = trace_scratch_;
    trace.plaintext = plaintext;
    trace.protection = read_.get();
    observer_(trace);
  }
  return dispatch(type, plaintext);
}

Result<std::optional<Event>> RecordLayer::dispatch(ContentType type, MutableByteView plaintext) {
  using Step = std::optional<Event>;
  if (type != ContentType::alert) warning_alerts_in_a_row_ = 0;
  if (!plaintext.empty()) empty_records_in_a_row_ = 0;
  const std::string size_text = std::to_string(plaintext.size());

  switch (type) {
    case ContentType::handshake: {
      if (plaintext.empty())
        return die(make_error(AlertDescription::decode_error, "empty handshake record"));
      const std::size_t offset = static_cast<std::size_t>(plaintext.data() - input_.span().data());
      current_ = CurrentRecord{true, offset, offset + plaintext.size()};
      return Step();
    }
    case ContentType::change_cipher_spec: {
      if (reassembler_.has_partial())
        return die(make_error(AlertDescription::unexpected_message,
                              "ChangeCipherSpec between the fragments of a handshake message"));
      if (plaintext.size() != 1)
        return die(make_error(
            AlertDescription::decode_error,
            "ChangeCipherSpec record of " + size_text + " bytes (it is exactly one byte)"));
      if (plaintext[0] != 1)
        return die(make_error(
            AlertDescription::decode_error,
            "ChangeCipherSpec value " + std::to_string(plaintext[0]) + " (it must be 1)"));
      return Step(make_event(Event::Kind::change_cipher_spec));
    }
    case ContentType::alert: {
      if (plaintext.size() != 2)
        return die(make_error(AlertDescription::decode_error,
                              "alert record of " + size_text + " bytes (an alert is 2 bytes)"));
      Reader r(plaintext, "alert");
      const std::uint8_t level = r.u8();
      const auto description = static_cast<AlertDescription>(r.u8());
      if (level != static_cast<std::uint8_t>(AlertLevel::warning) &&
          level != static_cast<std::uint8_t>(AlertLevel::fatal))
        return die(make_error(
            AlertDescription::illegal_parameter,
            "alert level " + std::to_string(level) + " is neither warning (1) nor fatal (2)"));
      if (level == static_cast<std::uint8_t>(AlertLevel::fatal)) {
        // The connection ends; nothing is sent back.
        peer_fatal_alert_ = description;
        dead_ = true;
        write_closed_ = true;
        error_ = make_error(description,
                            std::string("peer sent fatal alert ") + alert_name(description));
        return *error_;
      }
      if (description == AlertDescription::close_notify) {
        read_closed_ = true;
      } else if (++warning_alerts_in_a_row_ > kMaxWarningAlertsInARow) {
        return die(make_error(
            AlertDescription::unexpected_message,
            "more than " + std::to_string(kMaxWarningAlertsInARow) + " warning alerts in a row"));
      }
      Event e = make_event(Event::Kind::alert);
      e.alert_level = AlertLevel::warning;
      e.alert_description = description;
      return Step(e);
    }
    case ContentType::application_data: {
      if (reassembler_.has_partial())
        return die(make_error(AlertDescription::unexpected_message,
                              "application data between the fragments of a handshake message"));
      if (read_->is_initial())
        return die(make_error(AlertDescription::unexpected_message,
                              "application data before the handshake established keys"));
      if (plaintext.empty()) {
        if (++empty_records_in_a_row_ > kMaxEmptyRecordsInARow)
          return die(make_error(
              AlertDescription::unexpected_message,
              "more than " + std::to_string(kMaxEmptyRecordsInARow) + " empty records in a row"));
        return Step();
      }
      Event e = make_event(Event::Kind::application_data);
      e.application_data = plaintext;
      return Step(e);
    }
  }
  return die(make_error(AlertDescription::internal_error, "unknown content type"));
}

// ---------------------------------------------------------------------------------------------
// Writing

Status RecordLayer::check_writable() const {
  if (dead_) return *error_;
  if (write_closed_)
    return make_error(AlertDescription::internal_error,
                      "close_notify was sent: nothing more may be written");
  return {};
}

Status RecordLayer::write_record(ContentType type, ByteView plaintext) {
  std::size_t offset = 0;
  do {
    const std::size_t n = std::min(max_write_plaintext_, plaintext.size() - offset);
    const ByteView chunk = plaintext.subspan(offset, n);
    if (write_seq_exhausted_)
      return die(make_error(AlertDescription::close_notify,
                            "write sequence number exhausted: the connection must be closed"));
    const std::size_t sealed = write_->sealed_size(n);
    const std::size_t record_size = kRecordHeaderSize + sealed;
    // Drop what was sent already before growing the buffer.
    if (out_start_ > 0 && output_.capacity() - output_.size() < record_size) {
      output_.erase(output_.begin(), output_.begin() + static_cast<std::ptrdiff_t>(out_start_));
      out_start_ = 0;
    }
    const std::size_t record_at = output_.size();
    const std::uint16_t version = version_ ? to_wire(*version_) : write_version_;
    {
      Writer w(output_);
      w.u8(static_cast<std::uint8_t>(type));
      w.u16(version);
      w.u16(static_cast<std::uint16_t>(sealed));
    }
    const std::size_t fragment_at = output_.size();
    output_.resize(fragment_at + sealed);
    const MutableByteView fragment = MutableByteView(output_).subspan(fragment_at, sealed);
    std::copy(chunk.begin(), chunk.end(),
              fragment.begin() + static_cast<std::ptrdiff_t>(write_->plaintext_offset()));
    const RecordContext context{write_seq_, type, version};
    if (auto st = write_->seal(context, fragment, n); !st) {
      output_.resize(record_at);
      return die(st.error());
    }
    if (write_seq_ == std::numeric_limits<std::uint64_t>::max())
      write_seq_exhausted_ = true;
    else
      ++write_seq_;
    if (observer_) {
      RecordTrace trace;
      trace.outgoing = true;
      trace.type = type;
      trace.version = version;
      trace.sequence = context.sequence;
      trace.header = ByteView(output_).subspan(record_at, kRecordHeaderSize);
      trace.fragment = ByteView(output_).subspan(fragment_at, sealed);
      trace.plaintext = chunk;
      trace.protection = write_.get();
      observer_(trace);
    }
    offset += n;
  } while (offset < plaintext.size());
  return {};
}

Status RecordLayer::write_handshake(ByteView message) {
  TLS_TRY(check_writable());
  Reader r(message, "write_handshake");
  (void)r.u8();
  const std::size_t length = r.u24();
  (void)r.bytes(length);
  if (!r.expect_end() || message.size() != kHandshakeHeaderSize + length)
    return die(
        make_error(AlertDescription::internal_error,
                   "write_handshake: not one complete handshake message (" + r.message() + ")"));
  return write_record(ContentType::handshake, message);
}

Status RecordLayer::write_change_cipher_spec() {
  TLS_TRY(check_writable());
  const std::uint8_t ccs[1] = {1};
  return write_record(ContentType::change_cipher_spec, ccs);
}

Status RecordLayer::write_alert(AlertLevel level, AlertDescription description) {
  TLS_TRY(check_writable());
  const std::uint8_t alert[2] = {static_cast<std::uint8_t>(level),
                                 static_cast<std::uint8_t>(description)};
  TLS_TRY(write_record(ContentType::alert, alert));
  if (level == AlertLevel::fatal) {
    dead_ = true;
    write_closed_ = true;
    error_ = make_error(description, std::string("sent fatal alert ") + alert_name(description));
  } else if (description == AlertDescription::close_notify) {
    write_closed_ = true;
  }
  return {};
}

Result<std::size_t> RecordLayer::write_application_data(ByteView data) {
  TLS_TRY(check_writable());
  if (write_->is_initial())
    return die(make_error(AlertDescription::internal_error,
                          "application data cannot be sent before the handshake installs keys"));
  if (data.empty()) {
    TLS_TRY(write_record(ContentType::application_data, data));
    return std::size_t{0};
  }
  std::size_t taken = 0;
  bool first = true;
  while (taken < data.size()) {
    if (output_.size() - out_start_ >= config_.max_pending_output) break;
    std::size_t n = std::min(max_write_plaintext_, data.size() - taken);
    // 1/n-1 split: the record whose IV the peer (and an attacker) already knows carries one
    // byte, which the attacker cannot choose adaptively in a useful way; the rest follow under
    // IVs that were not known when the data was handed over.
    if (first && n > 1 && write_->predictable_iv()) n = 1;
    TLS_TRY(write_record(ContentType::application_data, data.subspan(taken, n)));
    taken += n;
    first = false;
  }
  return taken;
}

ByteView RecordLayer::pending_output() const {
  return ByteView(output_).subspan(out_start_);
}

void RecordLayer::consume_output(std::size_t n) {
  out_start_ += std::min(n, output_.size() - out_start_);
  if (out_start_ == output_.size()) {
    output_.clear();
    out_start_ = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters

void RecordLayer::set_version(ProtocolVersion version) {
  version_ = version;
  write_version_ = to_wire(version);
}

Status RecordLayer::install_keys(Direction direction, ProtocolVersion version,
                                 const cipher::CipherSuite &suite,
                                 const cipher::KeyBlock &key_block, bool is_client,
                                 bool encrypt_then_mac) {
  if (dead_) return *error_;
  auto protection =
      make_protection(provider_, version, suite, key_block, is_client, direction, encrypt_then_mac);
  if (!protection) return die(protection.error());
  if (direction == Direction::read)
    set_read_protection(std::move(*protection));
  else
    set_write_protection(std::move(*protection));
  return {};
}

void RecordLayer::set_read_protection(std::unique_ptr<Protection> protection) {
  read_ = protection ? std::move(protection) : std::make_unique<NullProtection>();
  read_seq_ = 0;
  read_seq_exhausted_ = false;
  // The input buffer is resized to the new record size at the next input_space().
}

void RecordLayer::set_write_protection(std::unique_ptr<Protection> protection) {
  write_ = protection ? std::move(protection) : std::make_unique<NullProtection>();
  write_seq_ = 0;
  write_seq_exhausted_ = false;
}

Status RecordLayer::set_max_read_plaintext(std::size_t limit) {
  if (limit < kMinPlaintextLimit || limit > kMaxPlaintext)
    return make_error(AlertDescription::internal_error,
                      "plaintext limit " + std::to_string(limit) + " outside [64, 16384]");
  max_read_plaintext_ = limit;
  return {};
}

Status RecordLayer::set_max_write_plaintext(std::size_t limit) {
  if (limit < kMinPlaintextLimit || limit > kMaxPlaintext)
    return make_error(AlertDescription::internal_error,
                      "plaintext limit " + std::to_string(limit) + " outside [64, 16384]");
  max_write_plaintext_ = limit;
  if (output_.size() == out_start_) {
    Bytes().swap(output_);
    out_start_ = 0;
  }
  output_.reserve(kRecordHeaderSize + write_->sealed_size(max_write_plaintext_));
  return {};
}

void RecordLayer::set_sequence_numbers_for_testing(std::uint64_t read, std::uint64_t write) {
  read_seq_ = read;
  write_seq_ = write;
  read_seq_exhausted_ = false;
  write_seq_exhausted_ = false;
}

std::size_t RecordLayer::memory_footprint() const {
  return input_.capacity() + output_.capacity() + reassembler_.capacity() +
         trace_scratch_.capacity();
}

void RecordLayer::release_handshake_memory() {
  reassembler_.release_memory();
  const std::size_t one_record = kRecordHeaderSize + write_->sealed_size(max_write_plaintext_);
  if (output_.size() == out_start_ && output_.capacity() > one_record) {
    Bytes fresh;
    fresh.reserve(one_record);
    output_.swap(fresh);
    out_start_ = 0;
  }
}

}  // namespace tls::record
