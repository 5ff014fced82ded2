// The server's session cache (OpenSSL's internal session cache): sessions by id, at most
// `capacity` of them (the least recently used leaves first), each resumable for `timeout`
// seconds. Thread-safe: one cache serves every connection of a Context. An application that
// keeps sessions elsewhere (shared memory, a cluster store) gives a callback pair instead or as
// well, as SSL_CTX_sess_set_new_cb / get_cb / remove_cb.
//
// A capacity of 0 turns the internal store off (the callbacks still run).
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "handshake/session.hpp"

namespace tls::handshake {

struct ExternalSessionStore {
  std::function<void(const Session &)> store;                   // a new session
  std::function<std::optional<Session>(ByteView id)> retrieve;  // one the cache does not hold
  std::function<void(ByteView id)> remove;                      // an expired or refused one
};

class SessionCache {
 public:
  static constexpr std::size_t kDefaultCapacity = 1024 * 20;  // as SSL_SESSION_CACHE_MAX_SIZE
  static constexpr std::uint32_t kDefaultTimeout = 300;       // seconds, as OpenSSL's TLS 1.2

  explicit SessionCache(std::size_t capacity = kDefaultCapacity,
                        std::uint32_t timeout = kDefaultTimeout)
      : capacity_(capacity), timeout_(timeout) {}

  // Keeps a session (its `created` must be set; its lifetime becomes the cache's timeout unless
  // shorter). Sessions without an id are not kept.
  void store(Session session);
  // The session for `id` if it is known and still fresh at `now`; an expired one is removed.
  std::optional<Session> find(ByteView id, std::int64_t now);
  void remove(ByteView id);
  // Drops every session expired at `now`.
  void flush_expired(std::int64_t now);
  void clear();

  void set_capacity(std::size_t capacity);
  void set_timeout(std::uint32_t seconds);
  void set_external(ExternalSessionStore external);
  std::size_t capacity() const;
  std::uint32_t timeout() const;
  std::size_t size() const;

 private:
  using Lru = std::list<Session>;  // most recently used first
  void evict_locked();

  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::uint32_t timeout_;
  Lru lru_;
  std::unordered_map<std::string, Lru::iterator> by_id_;
  ExternalSessionStore external_;
};

}  // namespace tls::handshake
