// tls::Connection's public methods: transports, the calls that do I/O (connection.cpp drives
// them), sans-IO, and what the handshake settled.
#include <algorithm>

#include "api/callback_transport.hpp"
#include "api/connection_impl.hpp"
#include "api/fd_transport.hpp"
#include "api/memory_pair.hpp"
#include "api/session_impl.hpp"
#include "cipher/suites.hpp"

namespace tls {

Connection::Connection(const Context &context) : impl_(std::make_unique<Impl>(context)) {}
Connection::~Connection() = default;
Connection::Connection(Connection &&) noexcept = default;
Connection &Connection::operator=(Connection &&) noexcept = default;

// ---- Transport -----------------------------------------------------------------------------

Status Connection::set_fd(int fd) {
  return set_fds(fd, fd);
}

Status Connection::set_fds(int read_fd, int write_fd) {
  if (read_fd < 0 || write_fd < 0)
    return make_error(AlertDescription::internal_error, "set_fd: negative file descriptor");
  impl_->transport = make_fd_transport(read_fd, write_fd);
  return {};
}

void Connection::set_transport(TransportRead read, TransportWrite write) {
  impl_->transport = make_callback_transport(std::move(read), std::move(write));
}

int Connection::fd() const {
  return impl_->transport ? impl_->transport->fd() : -1;
}

Status Connection::set_hostname(std::string_view name) {
  if (impl_->machine)
    return make_error(AlertDescription::internal_error, "set_hostname after the handshake started");
  impl_->hostname = std::string(name);
  return {};
}

const std::string &Connection::hostname() const {
  return impl_->hostname;
}

Status Connection::set_session(const Session &session) {
  if (impl_->machine)
    return make_error(AlertDescription::internal_error, "set_session after the handshake started");
  impl_->offered_session = session;
  return {};
}

void connect_in_memory(Connection &a, Connection &b, std::size_t capacity) {
  auto [ta, tb] = make_memory_pair(capacity);
  a.internal().transport = std::move(ta);
  b.internal().transport = std::move(tb);
}

// ---- Handshake and data --------------------------------------------------------------------

IoResult Connection::connect() {
  if (role() != Role::client) {
    impl_->io_error = "connect() on a connection from a server Context";
    return impl_->done(IoCode::failed);
  }
  return impl_->run_handshake(false);
}

IoResult Connection::accept() {
  if (role() != Role::server) {
    impl_->io_error = "accept() on a connection from a client Context";
    return impl_->done(IoCode::failed);
  }
  return impl_->run_handshake(false);
}

IoResult Connection::handshake() {
  return impl_->run_handshake(false);
}
IoResult Connection::step() {
  return impl_->run_handshake(true);
}
bool Connection::handshake_done() const {
  return impl_->machine && impl_->machine->done();
}

IoResult Connection::read(std::span<std::uint8_t> buffer) {
  return impl_->read_into(buffer, true);
}
IoResult Connection::peek(std::span<std::uint8_t> buffer) {
  return impl_->read_into(buffer, false);
}
std::size_t Connection::pending() const {
  return impl_->plain.size() - impl_->plain_pos;
}
IoResult Connection::write(std::span<const std::uint8_t> data) {
  return impl_->write_all(data);
}
IoResult Connection::renegotiate() {
  auto &machine = impl_->machine;
  const bool under_way = machine && !machine->done() && machine->handshakes() > 0 &&
                         !machine->error() && impl_->renegotiating_from;
  if (!under_way) {
    if (!machine || !machine->done()) {
      impl_->io_error = "renegotiate() before the handshake finished";
      return impl_->done(IoCode::failed);
    }
    if (auto status = machine->renegotiate(); !status) {
      impl_->io_error = status.error().reason;
      return impl_->done(IoCode::failed);
    }
    impl_->handshake_finished = false;
    impl_->renegotiating_from = machine->handshakes();
  }
  const IoResult result = impl_->run_handshake(false);
  if (result.would_block()) return result;  // call again to go on
  const unsigned before = *impl_->renegotiating_from;
  impl_->renegotiating_from.reset();
  if (result.ok() && machine->handshakes() == before) {
    // The peer answered no_renegotiation: the connection goes on as it was.
    impl_->io_error = "the peer declined the renegotiation (no_renegotiation)";
    return impl_->done(IoCode::failed);
  }
  return result;
}

unsigned Connection::handshake_count() const {
  return impl_->machine ? impl_->machine->handshakes() : 0;
}

IoResult Connection::shutdown() {
  return impl_->shutdown();
}
bool Connection::shutdown_complete() const {
  return impl_->records->close_notify_sent() && impl_->records->close_notify_received();
}
bool Connection::close_notify_received() const {
  return impl_->records->close_notify_received();
}

// ---- Sans-IO -------------------------------------------------------------------------------

std::size_t Connection::feed(std::span<const std::uint8_t> bytes) {
  auto &fed = impl_->fed;
  if (impl_->fed_pos > 0 && impl_->fed_pos * 2 >= fed.size()) {
    fed.erase(fed.begin(), fed.begin() + static_cast<std::ptrdiff_t>(impl_->fed_pos));
    impl_->fed_pos = 0;
  }
  fed.insert(fed.end(), bytes.begin(), bytes.end());
  return bytes.size();
}

void Connection::feed_eof() {
  impl_->fed_eof = true;
}

std::size_t Connection::output_pending() const {
  return impl_->records->pending_output().size();
}

std::size_t Connection::take_output(std::span<std::uint8_t> out) {
  const ByteView pending = impl_->records->pending_output();
  const std::size_t n = std::min(out.size(), pending.size());
  std::copy_n(pending.begin(), n, out.begin());
  impl_->records->consume_output(n);
  return n;
}

std::span<const std::uint8_t> Connection::output() const {
  return impl_->records->pending_output();
}

void Connection::consume_output(std::size_t n) {
  impl_->records->consume_output(std::min(n, impl_->records->pending_output().size()));
}

// ---- What happened -------------------------------------------------------------------------

Role Connection::role() const {
  return impl_->context.role();
}

HandshakeState Connection::state() const {
  return impl_->machine ? static_cast<HandshakeState>(impl_->machine->state())
                        : HandshakeState::before;
}

const char *Connection::state_name() const {
  return handshake::state_name(impl_->machine ? impl_->machine->state() : handshake::State::before);
}

std::optional<ProtocolVersion> Connection::version() const {
  return impl_->records->version();
}

const char *Connection::version_name() const {
  const auto v = version();
  return v ? tls::version_name(*v) : "unknown";
}

const char *Connection::cipher() const {
  const auto *suite = impl_->machine ? impl_->machine->negotiated().suite : nullptr;
  return suite ? suite->name : "(NONE)";
}

std::uint16_t Connection::cipher_id() const {
  const auto *suite = impl_->machine ? impl_->machine->negotiated().suite : nullptr;
  return suite ? suite->id : 0;
}

std::vector<Certificate> Connection::peer_certificates() const {
  std::vector<Certificate> out;
  if (!impl_->machine) return out;
  for (const auto &cert : impl_->machine->negotiated().peer_chain)
    out.emplace_back(cert);
  return out;
}

long Connection::verify_result() const {
  if (impl_->verify_failure) return *impl_->verify_failure;
  if (!impl_->machine || !impl_->machine->negotiated().verify_result) return 0;
  return static_cast<long>(impl_->machine->negotiated().verify_result->error);
}

std::string Connection::verify_result_text() const {
  if (impl_->verify_failure) return verify_error_string(*impl_->verify_failure);
  if (!impl_->machine || !impl_->machine->negotiated().verify_result)
    return "no verification took place";
  return impl_->machine->negotiated().verify_result->text;
}

std::string Connection::alpn_selected() const {
  return impl_->machine ? impl_->machine->negotiated().alpn : std::string();
}

std::string Connection::server_name() const {
  return impl_->machine ? impl_->machine->negotiated().server_name : std::string();
}

bool Connection::session_resumed() const {
  return impl_->machine && impl_->machine->negotiated().resumed;
}

bool Connection::extended_master_secret() const {
  return impl_->machine && impl_->machine->negotiated().extended_master_secret;
}

bool Connection::secure_renegotiation() const {
  return impl_->machine && impl_->machine->negotiated().secure_renegotiation;
}

bool Connection::encrypt_then_mac() const {
  return impl_->machine && impl_->machine->negotiated().encrypt_then_mac;
}

std::size_t Connection::max_send_fragment() const {
  return impl_->records->max_write_plaintext();
}

std::size_t Connection::max_receive_fragment() const {
  return impl_->records->max_read_plaintext();
}

std::vector<std::uint16_t> Connection::client_cipher_suites() const {
  return impl_->machine ? impl_->machine->negotiated().client_cipher_suites
                        : std::vector<std::uint16_t>();
}

std::vector<std::uint16_t> Connection::client_extensions() const {
  return impl_->machine ? impl_->machine->negotiated().client_extensions
                        : std::vector<std::uint16_t>();
}

Session Connection::session() const {
  return impl_->session;
}

std::optional<AlertRecord> Connection::last_alert() const {
  return impl_->last_alert;
}

std::string Connection::error_text() const {
  std::string text;
  const auto append = [&text](const std::string &part) {
    if (part.empty()) return;
    if (!text.empty()) text += "; ";
    text += part;
  };
  const auto &machine = impl_->machine;
  if (machine && machine->error()) {
    // The machine's reasons usually name the state already.
    const std::string state = handshake::state_name(impl_->failed_in);
    const std::string error = machine->error()->to_string();
    append(error.find(state) == std::string::npos ? state + ": " + error : error);
  } else if (impl_->records->error() &&
             impl_->records->error()->alert != AlertDescription::close_notify) {
    const bool in_handshake = machine && !machine->done();
    append((in_handshake ? std::string(handshake::state_name(impl_->failed_in)) + ": " : "") +
           impl_->records->error()->to_string());
  }
  if (auto peer = impl_->records->peer_fatal_alert();
      peer && text.find(alert_name(*peer)) == std::string::npos)
    append(std::string("the peer sent the fatal alert ") + alert_name(*peer));
  append(impl_->io_error);
  return text;
}

IoCode Connection::last_code() const {
  return impl_->last_code;
}

}  // namespace tls
