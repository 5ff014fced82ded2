// Cipher-suite selection on the server, like OpenSSL's ssl3_choose_cipher(): the server works
// out which key exchanges and authentications it can perform (masks, from its certificates and
// groups), then walks a preference list (its own by default, else the client's) and takes the
// first suite that both sides listed, whose masks it can satisfy and whose version range holds
// the negotiated version.
#pragma once

#include <cstdint>
#include <span>

#include <tls/version.hpp>

#include "cipher/provider.hpp"
#include "cipher/suites.hpp"
#include "common/error.hpp"

namespace tls::cipher {

// What the server can do, as KxMask / AuthMask bits (OpenSSL's mask_k / mask_a).
struct ServerAbilities {
  std::uint32_t kx = 0;
  std::uint32_t auth = 0;
};

// The facts the masks come from.
struct ServerSetup {
  std::span<const KeyType> certificate_keys;  // key type of each certificate the server holds
  bool shared_ec_group = false;               // a curve both sides support (kECDHE needs one)
  bool dhe_enabled = false;  // finite-field DH parameters or groups configured (kDHE)
};

// RSA certificate: kRSA + aRSA. EC P-256/P-384 certificate: aECDSA. Ed25519 certificate: aECDSA
// in TLS 1.2 only (RFC 8422 signatures need TLS 1.2's signature_algorithms). kECDHE when a group
// is shared, kDHE when DH is enabled. aNULL always (as in OpenSSL; no tlspp suite uses it).
ServerAbilities server_abilities(const ServerSetup &setup, ProtocolVersion version);

struct SelectionRequest {
  std::span<const std::uint16_t> client_offer;            // ClientHello order, raw ids
  std::span<const CipherSuite *const> server_preference;  // the server's configured list
  ProtocolVersion version;                                // the negotiated version
  ServerAbilities abilities;
  bool server_preference_first = true;  // false: the client's order decides
};

// The chosen suite, or handshake_failure with a reason that says why nothing fitted, e.g.
// "no shared cipher: client offered 12 suites, none usable with an RSA certificate at TLSv1.1
// (3 need TLSv1.2, 2 need an ECDSA certificate)". Ids tlspp does not know, GREASE values and the
// signalling values (TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV) are skipped.
Result<const CipherSuite *> choose_cipher(const SelectionRequest &request);

// Why a suite cannot be used with these abilities at this version, or nullptr if it can.
const char *unusable_reason(const CipherSuite &suite, ProtocolVersion version,
                            const ServerAbilities &abilities);

}  // namespace tls::cipher
