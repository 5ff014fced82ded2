// Helpers shared by the record-layer tests: deterministic keys for any suite and version, and
// pairs of record layers wired back to back.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "cipher/key_schedule.hpp"
#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "record/protection_builder.hpp"
#include "record/record_layer.hpp"

namespace tls::record::testing {

inline std::shared_ptr<const cipher::Provider> provider() {
  static const auto p = cipher::deterministic_provider(20240611);
  return p;
}

// One suite under one version, with or without encrypt-then-MAC.
struct SuiteCase {
  const cipher::CipherSuite *suite = nullptr;
  ProtocolVersion version = ProtocolVersion::tls12;
  bool encrypt_then_mac = false;

  std::string name() const {
    std::string n =
        std::string(suite->name) + "_" + version_name(version) + (encrypt_then_mac ? "_EtM" : "");
    for (char &c : n)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
  }
};

inline constexpr ProtocolVersion kAllVersions[] = {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                                   ProtocolVersion::tls11, ProtocolVersion::tls12};

// Every suite of the table under every version it allows; CBC suites also with encrypt-then-MAC
// (TLS only).
inline std::vector<SuiteCase> all_suite_cases() {
  std::vector<SuiteCase> cases;
  for (const cipher::CipherSuite &suite : cipher::all_suites()) {
    for (ProtocolVersion v : kAllVersions) {
      if (!suite.allows(v)) continue;
      cases.push_back({&suite, v, false});
      if (suite.bulk().kind == cipher::CipherKind::cbc && v != ProtocolVersion::ssl3)
        cases.push_back({&suite, v, true});
    }
  }
  return cases;
}

// A key block of the right shape filled with deterministic bytes.
inline cipher::KeyBlock key_block_for(const SuiteCase &c, std::uint8_t salt = 0) {
  const cipher::KeyBlockLayout layout = cipher::key_block_layout(c.version, *c.suite);
  auto fill = [&](std::size_t n, std::uint8_t tag) {
    SecureBuffer b(n);
    for (std::size_t i = 0; i < n; ++i)
      b[i] = static_cast<std::uint8_t>(tag * 31 + i * 7 + salt);
    return b;
  };
  cipher::KeyBlock k;
  k.client_write_mac_key = fill(layout.mac_key_size, 1);
  k.server_write_mac_key = fill(layout.mac_key_size, 2);
  k.client_write_key = fill(layout.key_size, 3);
  k.server_write_key = fill(layout.key_size, 4);
  k.client_write_iv = fill(layout.iv_size, 5);
  k.server_write_iv = fill(layout.iv_size, 6);
  return k;
}

inline std::unique_ptr<Protection> build(const SuiteCase &c, const cipher::KeyBlock &keys,
                                         bool is_client, Direction direction) {
  auto p = make_protection(provider(), c.version, *c.suite, keys, is_client, direction,
                           c.encrypt_then_mac);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().to_string());
  return p.ok() ? std::move(*p) : nullptr;
}

// Two record layers with the suite's keys installed both ways and the version set.
struct LayerPair {
  RecordLayer client{provider()};
  RecordLayer server{provider()};

  explicit LayerPair(const SuiteCase &c, std::uint8_t salt = 0) {
    const cipher::KeyBlock keys = key_block_for(c, salt);
    client.set_version(c.version);
    server.set_version(c.version);
    client.set_write_protection(build(c, keys, true, Direction::write));
    client.set_read_protection(build(c, keys, true, Direction::read));
    server.set_write_protection(build(c, keys, false, Direction::write));
    server.set_read_protection(build(c, keys, false, Direction::read));
  }
};

// Moves everything `from` has queued into `to`'s input. Returns false if `to` refused bytes.
inline bool transfer(RecordLayer &from, RecordLayer &to) {
  for (;;) {
    const ByteView out = from.pending_output();
    if (out.empty()) return true;
    const std::size_t n = to.feed(out);
    if (n == 0) return false;
    from.consume_output(n);
  }
}

// Reads every application-data byte `layer` has buffered; fails the test on other events.
inline Bytes drain_application_data(RecordLayer &layer) {
  Bytes data;
  for (;;) {
    auto e = layer.next_event();
    if (!e.ok()) {
      ADD_FAILURE() << e.error().to_string();
      return data;
    }
    if (e->kind == Event::Kind::need_more_input) return data;
    if (e->kind != Event::Kind::application_data) {
      ADD_FAILURE() << "unexpected event " << event_kind_name(e->kind);
      return data;
    }
    append(data, e->application_data);
  }
}

// Moves `from`'s output into `to`, reading as it goes (the input buffer holds about one record),
// until everything has arrived; returns the application data. Fails the test on other events.
inline Bytes deliver(RecordLayer &from, RecordLayer &to) {
  Bytes data;
  while (!from.pending_output().empty()) {
    const std::size_t n = to.feed(from.pending_output());
    from.consume_output(n);
    append(data, drain_application_data(to));
    if (to.dead()) {
      ADD_FAILURE() << "receiver died: " << to.error()->to_string();
      break;
    }
  }
  return data;
}

inline Bytes pattern(std::size_t n, std::uint8_t seed = 0) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i)
    b[i] = static_cast<std::uint8_t>(i * 13 + seed + (i >> 8));
  return b;
}

// A record in the clear: type, version, body.
inline Bytes plain_record(std::uint8_t type, std::uint16_t version, ByteView body) {
  Bytes r{type, static_cast<std::uint8_t>(version >> 8), static_cast<std::uint8_t>(version),
          static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
  append(r, body);
  return r;
}

}  // namespace tls::record::testing
