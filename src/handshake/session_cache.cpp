#include "handshake/session_cache.hpp"

#include <algorithm>

namespace tls::handshake {
namespace {

std::string key_of(ByteView id) {
  return std::string(id.begin(), id.end());
}

}  // namespace

void SessionCache::store(Session session) {
  if (session.session_id.empty()) return;
  ExternalSessionStore external;
  {
    std::lock_guard lock(mutex_);
    if (session.lifetime == 0 || session.lifetime > timeout_) session.lifetime = timeout_;
    external = external_;
    if (capacity_ != 0) {
      const std::string key = key_of(session.session_id);
      if (auto it = by_id_.find(key); it != by_id_.end()) {
        lru_.erase(it->second);
        by_id_.erase(it);
      }
      lru_.push_front(session);
      by_id_.emplace(key, lru_.begin());
      evict_locked();
    }
  }
  // Outside the lock: the callback may take its time or call back into the cache.
  if (external.store) external.store(session);
}

std::optional<Session> SessionCache::find(ByteView id, std::int64_t now) {
  if (id.empty()) return std::nullopt;
  ExternalSessionStore external;
  {
    std::lock_guard lock(mutex_);
    external = external_;
    if (auto it = by_id_.find(key_of(id)); it != by_id_.end()) {
      if (it->second->expired(now)) {
        lru_.erase(it->second);
        by_id_.erase(it);
      } else {
        lru_.splice(lru_.begin(), lru_, it->second);  // now the most recently used
        return *it->second;
      }
    }
  }
  if (!external.retrieve) return std::nullopt;
  std::optional<Session> found = external.retrieve(id);
  if (!found || found->session_id.size() != id.size() ||
      !std::equal(id.begin(), id.end(), found->session_id.begin()))
    return std::nullopt;
  if (found->expired(now)) {
    if (external.remove) external.remove(id);
    return std::nullopt;
  }
  return found;
}

void SessionCache::remove(ByteView id) {
  ExternalSessionStore external;
  {
    std::lock_guard lock(mutex_);
    external = external_;
    if (auto it = by_id_.find(key_of(id)); it != by_id_.end()) {
      lru_.erase(it->second);
      by_id_.erase(it);
    }
  }
  if (external.remove) external.remove(id);
}

void SessionCache::flush_expired(std::int64_t now) {
  std::lock_guard lock(mutex_);
  for (auto it = lru_.begin(); it != lru_.end();) {
    if (it->expired(now)) {
      by_id_.erase(key_of(it->session_id));
      it = lru_.erase(it);
    } else {
      ++it;
    }
  }
}

void SessionCache::clear() {
  std::lock_guard lock(mutex_);
  lru_.clear();
  by_id_.clear();
}

void SessionCache::set_capacity(std::size_t capacity) {
  std::lock_guard lock(mutex_);
  capacity_ = capacity;
  evict_locked();
}

void SessionCache::set_timeout(std::uint32_t seconds) {
  std::lock_guard lock(mutex_);
  timeout_ = seconds;
}

void SessionCache::set_external(ExternalSessionStore external) {
  std::lock_guard lock(mutex_);
  external_ = std::move(external);
}

std::size_t SessionCache::capacity() const {
  std::lock_guard lock(mutex_);
  return capacity_;
}

std::uint32_t SessionCache::timeout() const {
  std::lock_guard lock(mutex_);
  return timeout_;
}

std::size_t SessionCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

void SessionCache::evict_locked() {
  while (lru_.size() > capacity_) {
    by_id_.erase(key_of(lru_.back().session_id));
    lru_.pop_back();
  }
}

}  // namespace tls::handshake
