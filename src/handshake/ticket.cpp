#include "handshake/ticket.hpp"

#include "common/ct.hpp"
#include "common/reader.hpp"
#include "common/writer.hpp"

namespace tls::handshake {
namespace {

constexpr std::size_t kKeyNameSize = 16;
constexpr std::size_t kKeySize = 32;
constexpr cipher::AeadAlg kAlg = cipher::AeadAlg::aes256_gcm;

}  // namespace

TicketKeys::TicketKeys(std::shared_ptr<const cipher::Provider> provider, std::uint32_t lifetime)
    : provider_(std::move(provider)), lifetime_(lifetime), current_(fresh_key()) {}

TicketKey TicketKeys::fresh_key() const {
  TicketKey key;
  provider_->random(key.name);
  key.key.resize(kKeySize);
  provider_->random(key.key);
  key.created = provider_->now();
  return key;
}

std::uint32_t TicketKeys::lifetime() const {
  std::lock_guard lock(mutex_);
  return lifetime_;
}

void TicketKeys::set_lifetime(std::uint32_t seconds) {
  std::lock_guard lock(mutex_);
  lifetime_ = seconds;
}

void TicketKeys::rotate() {
  TicketKey next = fresh_key();
  std::lock_guard lock(mutex_);
  previous_ = std::move(current_);
  current_ = std::move(next);
}

void TicketKeys::set_keys(TicketKey current, std::optional<TicketKey> previous) {
  std::lock_guard lock(mutex_);
  current_ = std::move(current);
  previous_ = std::move(previous);
}

void TicketKeys::rotate_if_due_locked(std::int64_t now) {
  if (lifetime_ == 0 || now - current_.created < static_cast<std::int64_t>(lifetime_)) return;
  TicketKey next = fresh_key();
  previous_ = std::move(current_);
  current_ = std::move(next);
}

Result<Bytes> TicketKeys::seal(const Session &session) {
  Session state = session;
  state.ticket.clear();  // a ticket never holds a ticket
  state.ticket_lifetime_hint = 0;
  auto plain = serialize_session(state);
  if (!plain) return plain.error();
  SecureBuffer data(plain->begin(), plain->end());
  secure_zero(plain->data(), plain->size());

  std::array<std::uint8_t, kKeyNameSize> name{};
  std::unique_ptr<cipher::Aead> aead;
  {
    std::lock_guard lock(mutex_);
    rotate_if_due_locked(provider_->now());
    name = current_.name;
    auto made = provider_->aead(kAlg, current_.key);
    if (!made) return made.error();
    aead = std::move(made.value());
  }
  std::array<std::uint8_t, cipher::kAeadNonceSize> nonce{};
  provider_->random(nonce);
  std::array<std::uint8_t, cipher::kAeadTagSize> tag{};
  TLS_TRY(aead->seal(nonce, name, data, tag));
  Writer w;
  w.bytes(name);
  w.bytes(nonce);
  w.bytes(data);
  w.bytes(tag);
  if (!w.ok()) return w.error();
  return w.take();
}

std::optional<TicketKeys::Opened> TicketKeys::open(ByteView ticket) {
  Reader r(ticket, "ticket");
  const ByteView name = r.bytes(kKeyNameSize);
  const ByteView nonce = r.bytes(cipher::kAeadNonceSize);
  if (!r.ok() || r.remaining() < cipher::kAeadTagSize) return std::nullopt;
  const ByteView sealed = r.bytes(r.remaining() - cipher::kAeadTagSize);
  const ByteView tag = r.bytes(cipher::kAeadTagSize);
  if (!r.expect_end()) return std::nullopt;

  std::unique_ptr<cipher::Aead> aead;
  bool renew = false;
  const std::int64_t now = provider_->now();
  {
    std::lock_guard lock(mutex_);
    rotate_if_due_locked(now);
    const TicketKey *key = nullptr;
    if (ct::equal(name, current_.name)) {
      key = &current_;
    } else if (previous_ && ct::equal(name, previous_->name)) {
      key = &*previous_;
      renew = true;
    }
    if (key == nullptr) return std::nullopt;
    auto made = provider_->aead(kAlg, key->key);
    if (!made) return std::nullopt;
    aead = std::move(made.value());
  }
  SecureBuffer data(sealed.begin(), sealed.end());
  if (!aead->open(nonce, name, data, tag)) return std::nullopt;
  auto session = parse_session(data);
  if (!session || session->expired(now)) return std::nullopt;
  return Opened{std::move(session.value()), renew};
}

}  // namespace tls::handshake
