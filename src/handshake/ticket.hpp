// RFC 5077 session tickets, the server's side: the session state sealed with AES-256-GCM under
// a ticket key, so that the server keeps nothing per client.
//
//   ticket = key_name[16] || nonce[12] || AEAD(serialize_session(state)) || tag[16]
//   (the key name is the additional data)
//
// Keys rotate: a ticket is sealed under the current key; one sealed under the previous key
// still opens, and the handshake renews it (a fresh ticket under the current key); anything
// else — an older key, a forged or damaged ticket, an expired session — does not open, and the
// server falls back to a full handshake, never to an error (RFC 5077 §3.3).
//
// One TicketKeys serves every connection of a Context and is thread-safe. Servers behind one
// name share keys with set_keys() (and rotate them together).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "cipher/provider.hpp"
#include "common/secure_buffer.hpp"
#include "handshake/session.hpp"

namespace tls::handshake {

struct TicketKey {
  std::array<std::uint8_t, 16> name{};
  SecureBuffer key;  // 32 bytes, AES-256-GCM
  std::int64_t created = 0;
};

class TicketKeys {
 public:
  static constexpr std::uint32_t kDefaultLifetime = 7200;  // seconds: the hint and the rotation

  // Draws the first key from the provider's random source at the provider's clock.
  explicit TicketKeys(std::shared_ptr<const cipher::Provider> provider,
                      std::uint32_t lifetime = kDefaultLifetime);

  // The lifetime hint sent with each ticket; the current key is replaced once it is this old
  // (the replaced one becomes the previous key).
  std::uint32_t lifetime() const;
  void set_lifetime(std::uint32_t seconds);

  // Makes a new current key now; the current one becomes the previous.
  void rotate();
  // Installs keys chosen elsewhere (shared by several servers).
  void set_keys(TicketKey current, std::optional<TicketKey> previous);

  // A ticket for `session` under the current key (rotating first when it is due).
  Result<Bytes> seal(const Session &session);

  struct Opened {
    Session session;
    bool renew = false;  // sealed under the previous key: issue a fresh ticket
  };
  // The session in `ticket`, or nullopt when it does not open or has expired.
  std::optional<Opened> open(ByteView ticket);

 private:
  TicketKey fresh_key() const;
  void rotate_if_due_locked(std::int64_t now);

  std::shared_ptr<const cipher::Provider> provider_;
  mutable std::mutex mutex_;
  std::uint32_t lifetime_;
  TicketKey current_;
  std::optional<TicketKey> previous_;
};

}  // namespace tls::handshake
