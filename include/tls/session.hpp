// A TLS session as Connection::session() hands it out and Connection::set_session() offers it
// for resumption: the negotiated version and suite, the session id and the master secret
// (held in memory that is zeroed on release).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

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

  struct Impl;
  explicit Session(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl *internal() const { return impl_.get(); }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace tls
