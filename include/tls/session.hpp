// A TLS session as Connection::session() hands it out and Connection::set_session() offers it
// for resumption: the negotiated version and suite, the session id and the master secret
// (held in memory that is zeroed on release).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <tls/error.hpp>
#include <tls/version.hpp>

namespace tls {

class Session {
 public:
  Session() = default;

  bool valid() const { return impl_ != nullptr; }
  ProtocolVersion version() const;
  const char *cipher() const;  // OpenSSL-style suite name
  std::uint16_t cipher_id() const;
  std::span<const std::uint8_t> id() const;
  bool extended_master_secret() const;
  std::string server_name() const;
  std::string alpn() const;        // the protocol agreed when the session was made
  std::int64_t created() const;    // seconds since the epoch
  std::uint32_t lifetime() const;  // seconds from created() it may be resumed; 0: no limit
  bool has_ticket() const;         // client: an RFC 5077 ticket came with it

  // A versioned binary form, to keep a session across processes (OpenSSL's i2d_SSL_SESSION /
  // d2i_SSL_SESSION). The bytes hold the master secret: store them as a key. from_bytes refuses
  // malformed bytes and an unknown format version.
  std::vector<std::uint8_t> to_bytes() const;  // empty for an invalid session
  static Result<Session> from_bytes(std::span<const std::uint8_t> bytes);

  struct Impl;
  explicit Session(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl *internal() const { return impl_.get(); }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace tls
