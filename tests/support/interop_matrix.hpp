// The interop matrix: which (peer tool, protocol version, cipher suite) combinations tlspp is
// tested against, in both directions. The harness self-tests run every combination between a
// tool's own client and server (proving the peer can do it); the tlspp matrix runs each with
// tlspp on one side.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <tls/version.hpp>

#include "cipher/suites.hpp"
#include "support/peer.hpp"

namespace tls::test {

struct MatrixCase {
  PeerTool tool;
  ProtocolVersion version;
  const cipher::CipherSuite *suite;
};

// Whether the installed tool negotiates this suite at this version (with the options the harness
// gives it: @SECLEVEL=0 for openssl below TLS 1.2, +3DES-CBC for GnuTLS, -V ssl3: for NSS).
bool peer_supports_suite(PeerTool tool, ProtocolVersion version, const cipher::CipherSuite &suite);

// TLS 1.2: every suite of the table the peer supports; TLS 1.1 and 1.0: the CBC suites; SSL 3.0:
// the CBC suites, with NSS only.
std::vector<MatrixCase> matrix_cases();

// "openssl_TLSv1_2_ECDHE_RSA_AES128_GCM_SHA256" (a valid GoogleTest name).
std::string matrix_case_name(const MatrixCase &c);

// The tests/data base name of the server certificate for a suite: "server-p256" for ECDSA
// suites, "server-rsa2048" otherwise.
std::string server_cert_for(const cipher::CipherSuite &suite);

// PeerOptions for a peer pinned to one version and one suite, with the fitting certificate when
// it is a server.
PeerOptions pinned_options(const MatrixCase &c, PeerRole role);

// GoogleTest prints a parameter with this.
void PrintTo(const MatrixCase &c, std::ostream *os);

}  // namespace tls::test
