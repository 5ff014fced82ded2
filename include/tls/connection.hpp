// tls::Connection (≈ SSL): one TLS connection made from a Context, over one of three
// transports:
//   - a file descriptor (set_fd), blocking or non-blocking: with O_NONBLOCK every call returns
//     want_read / want_write when the socket is not ready and resumes exactly where it stopped
//     (mid-record, mid-flush, mid-handshake) when called again;
//   - a memory pair (connect_in_memory) for an in-process client and server;
//   - sans-IO, when no transport is set: feed() the bytes received, take_output() the bytes to
//     send; handshake/read/write return want_read when they need more input.
//
// Calls that do I/O return an IoResult; errors are values, never exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tls/alert.hpp>
#include <tls/certificate.hpp>
#include <tls/context.hpp>
#include <tls/error.hpp>
#include <tls/handshake_state.hpp>
#include <tls/io.hpp>
#include <tls/session.hpp>
#include <tls/version.hpp>

namespace tls {

// An alert this connection sent or received.
struct AlertRecord {
  bool sent = false;
  AlertLevel level = AlertLevel::warning;
  AlertDescription description = AlertDescription::close_notify;
};

// A custom transport (like an OpenSSL BIO): read up to `buffer.size()` bytes / write some of
// `data`, returning how many; 0 from read means end of stream. On "not now" return want_read /
// want_write; on failure return syscall.
using TransportRead = std::function<IoResult(std::span<std::uint8_t> buffer)>;
using TransportWrite = std::function<IoResult(std::span<const std::uint8_t> data)>;

class Connection {
 public:
  explicit Connection(const Context &context);
  ~Connection();
  Connection(Connection &&) noexcept;
  Connection &operator=(Connection &&) noexcept;
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  // ---- Transport ----------------------------------------------------------------------------
  // A connected socket or any file descriptor pair end; the Connection does not close it.
  Status set_fd(int fd);
  Status set_fds(int read_fd, int write_fd);
  void set_transport(TransportRead read, TransportWrite write);
  int fd() const;  // -1 when the transport is not a file descriptor

  // Client: the name for SNI and for checking the server's certificate (a DNS name or an IP
  // address literal, which is checked but not sent). Before the handshake starts.
  Status set_hostname(std::string_view name);
  const std::string &hostname() const;

  // Offer this session for resumption (client), before the handshake starts.
  Status set_session(const Session &session);

  // ---- Handshake ----------------------------------------------------------------------------
  // Runs the handshake until it finishes or blocks. connect() needs a client Context and
  // accept() a server one; handshake() runs whichever the Context says.
  IoResult connect();
  IoResult accept();
  IoResult handshake();
  // Runs exactly one state of the handshake (after flushing / reading what it needs): for
  // stepping through it. ok once the handshake is done.
  IoResult step();
  bool handshake_done() const;

  // ---- Application data ---------------------------------------------------------------------
  // Runs the handshake first when it has not finished. read() returns ok with bytes > 0, or
  // zero_return once the peer's close_notify came.
  IoResult read(std::span<std::uint8_t> buffer);
  IoResult peek(std::span<std::uint8_t> buffer);
  // Decrypted bytes waiting to be read, that read() returns without touching the transport.
  std::size_t pending() const;
  // All of `data` is sent, or want_write: call again with the same data (its first part may
  // already be on its way; it is not sent twice).
  IoResult write(std::span<const std::uint8_t> data);
  // Sends close_notify. ok once it left; shutdown_complete() tells whether the peer's
  // close_notify came too. Called again after that, waits for the peer's close_notify.
  // Renegotiates (RFC 5746) once the handshake is done: a client sends a new ClientHello, a
  // server a HelloRequest. Runs the new handshake as connect()/accept() do; data the peer sends
  // meanwhile is kept for read(). Fails when the peer lacks secure renegotiation; a peer that
  // declines leaves the connection as it was (renegotiate() then fails, saying so, and the
  // connection stays usable). After want_read / want_write, call it again to go on.
  IoResult renegotiate();
  // Handshakes completed on this connection (2 after one renegotiation).
  unsigned handshake_count() const;

  IoResult shutdown();
  bool shutdown_complete() const;
  bool close_notify_received() const;

  // ---- Sans-IO ------------------------------------------------------------------------------
  // Bytes received from the peer (all of them are kept); feed_eof() when the peer is gone.
  std::size_t feed(std::span<const std::uint8_t> bytes);
  void feed_eof();
  // Bytes waiting to be sent to the peer, and taking them (copied out, then dropped).
  std::size_t output_pending() const;
  std::size_t take_output(std::span<std::uint8_t> out);
  std::span<const std::uint8_t> output() const;
  void consume_output(std::size_t n);

  // ---- What happened ------------------------------------------------------------------------
  Role role() const;
  HandshakeState state() const;
  const char *state_name() const;  // "SSL3_ST_CR_SRVR_HELLO", "SSL_ST_OK", ...
  std::optional<ProtocolVersion> version() const;
  const char *version_name() const;  // "TLSv1.2", "SSLv3", ...; "unknown" before it is settled
  const char *cipher() const;        // OpenSSL-style name; "(NONE)" before it is settled
  std::uint16_t cipher_id() const;   // IANA value; 0 before
  std::vector<Certificate> peer_certificates() const;  // as the peer sent them, leaf first
  // X509_V_OK (0) or the X509_V_ERR_* number; 0 when no verification took place.
  long verify_result() const;
  std::string verify_result_text() const;
  std::string alpn_selected() const;  // empty when none
  std::string server_name() const;    // SNI: sent (client) or received (server)
  bool session_resumed() const;
  bool extended_master_secret() const;
  bool secure_renegotiation() const;  // both sides speak RFC 5746 (renegotiation_info)
  bool encrypt_then_mac() const;      // RFC 7366 in use (CBC suites only)
  // Record plaintext limits in force (max_fragment_length / record_size_limit; 16384 without):
  // the most we put in one record, and the most we accept in one.
  std::size_t max_send_fragment() const;
  std::size_t max_receive_fragment() const;
  // Server: what the client offered in its ClientHello, as IANA values in the client's order
  // (for diagnostics such as tls-server -www; names from cipher_suite_text / extension_text).
  std::vector<std::uint16_t> client_cipher_suites() const;
  std::vector<std::uint16_t> client_extensions() const;
  Session session() const;  // after the handshake
  std::optional<AlertRecord> last_alert() const;
  // What failed: the state, the alert, why ("SSL3_ST_CR_CERT: bad_certificate: certificate
  // verify failed at depth 0: ..."); empty when nothing failed.
  std::string error_text() const;
  IoCode last_code() const;

  struct Impl;
  Impl &internal() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Joins two connections through in-memory buffers (a client and a server, in any order):
// what one writes the other reads. With capacity > 0 each direction holds at most that many
// bytes, and writes beyond it return want_write.
void connect_in_memory(Connection &a, Connection &b, std::size_t capacity = 0);

}  // namespace tls
