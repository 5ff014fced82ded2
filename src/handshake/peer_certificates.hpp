// The peer's Certificate message turned into certificates and, unless verification is off,
// checked with src/x509: the chain to a trust anchor, and the host name for a client.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "handshake/config.hpp"
#include "x509/certificate.hpp"
#include "x509/verify.hpp"

namespace tls::handshake {

struct PeerChain {
  std::vector<x509::Certificate> chain;             // leaf first
  std::optional<x509::VerifyResult> verify_result;  // when verified
};

// bad_certificate when a certificate does not parse; the verification's alert and text (e.g.
// bad_certificate "certificate verify failed at depth 0: hostname ...") when it fails.
// `host` empty: no host name check.
Result<PeerChain> check_peer_chain(const Config &config, const std::vector<Bytes> &der_list,
                                   x509::Purpose purpose, const std::string &host, bool verify);

}  // namespace tls::handshake
