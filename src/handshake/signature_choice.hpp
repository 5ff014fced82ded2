// Choosing the TLS 1.2 signature scheme for a signature we make (ServerKeyExchange,
// CertificateVerify) and checking the one the peer used: the peer may only sign with a scheme we
// offered (SLOTH, 2016), and we only sign with one the peer offered.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "cipher/provider.hpp"
#include "common/error.hpp"
#include "handshake/config.hpp"

namespace tls::handshake {

// The schemes we offer and accept: Config::signature_schemes, or the default list; SHA-1 forms
// only when Config::allow_sha1_signatures; schemes tlspp cannot compute are dropped.
std::vector<std::uint16_t> our_signature_schemes(const Config &config);

// The first scheme of `ours` (our preference) that the peer listed and that fits `key`; nullopt
// when none does. `peer` nullopt means the peer sent no list (TLS 1.2 §7.4.1.4.1): then only the
// SHA-1 default for the key counts, and only if we accept it.
std::optional<std::uint16_t> choose_signature_scheme(
    std::span<const std::uint16_t> ours, const std::optional<std::vector<std::uint16_t>> &peer,
    cipher::KeyType key);

// The peer signed with `scheme`: illegal_parameter unless we offered it and it fits the key.
Status check_peer_signature_scheme(std::span<const std::uint16_t> ours, std::uint16_t scheme,
                                   cipher::KeyType key, const char *what);

}  // namespace tls::handshake
