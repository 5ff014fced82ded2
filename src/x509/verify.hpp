// Certificate path validation (RFC 5280 §6, the subset a TLS stack needs) and host-name
// checking.
//
// Path building: from the peer's list (leaf first, the rest in any order, extras allowed) to a
// trust anchor of a TrustStore. Issuers are found by name and key identifier; when a
// candidate issuer leads nowhere (bad signature, expired, wrong constraints, untrusted top),
// the next candidate is tried, so a chain with a stale cross-certificate or a decoy still
// verifies through the good path. The first path that passes every check wins; when none does,
// the error reported is the first complete path's (one that reaches the trust store), else the
// longest incomplete path's.
//
// Checks on each path, from the anchor down to the leaf, in this order per certificate:
// signature by the issuer (RSA PKCS#1 v1.5, RSA-PSS, ECDSA, Ed25519; SHA-1 and MD5 refused
// unless allowed); validity at the verification time; RSA key size; unhandled critical
// extensions; for issuers: basicConstraints cA, keyUsage keyCertSign, pathLenConstraint,
// extendedKeyUsage; name constraints of every CA above (dNSName and iPAddress subtrees; a
// constraint on another name form the certificate uses is refused); for the leaf:
// extendedKeyUsage / keyUsage for the purpose, then the host name or IP address.
//
// The verify callback has OpenSSL's shape: it is called with preverify_ok = false for each
// error (returning true overrides it and verification goes on) and with preverify_ok = true
// for each certificate that passed, from the anchor (highest depth) down to the leaf (depth 0).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "common/error.hpp"
#include "x509/certificate.hpp"
#include "x509/time.hpp"
#include "x509/trust_store.hpp"
#include "x509/verify_error.hpp"

namespace tls::x509 {

enum class Purpose : std::uint8_t {
  any,     // no extendedKeyUsage / keyUsage requirement on the leaf
  server,  // TLS server: serverAuth
  client,  // TLS client: clientAuth
};

using VerifyCallback =
    std::function<bool(bool preverify_ok, const Certificate &cert, int depth, VerifyError error)>;

struct VerifyOptions {
  // The verification time; the provider's clock when unset.
  std::optional<UnixTime> time;
  // Signature verification and the clock; default_provider() when null.
  std::shared_ptr<const cipher::Provider> provider;
  // The most intermediate certificates allowed between the leaf and the trust anchor.
  int max_depth = 10;
  Purpose purpose = Purpose::server;
  // A DNS name or an IP address literal the leaf must match; empty: no check.
  std::string host;
  bool allow_sha1 = false;  // accept SHA-1 signatures (refused by default)
  bool allow_md5 = false;   // accept MD5 signatures (refused by default)
  std::size_t min_rsa_bits = 2048;
  // Let a trusted certificate that is not self-signed (an intermediate or a leaf) end a path.
  bool partial_chain = false;
  VerifyCallback callback;
};

struct VerifyResult {
  bool ok = false;
  VerifyError error = VerifyError::ok;
  int depth = 0;        // depth of the certificate the error is about (0 = leaf)
  std::string subject;  // that certificate's subject
  std::string reason;   // what failed: "hostname 'a.example' not in certificate (DNS:b.example)"
  // "OK", or "certificate verify failed at depth 0: hostname 'a.example' not in certificate
  // (DNS:b.example); subject: CN = b.example".
  std::string text;
  // The path that was checked: leaf first, the trust anchor last when one was reached.
  std::vector<Certificate> chain;

  AlertDescription alert() const { return verify_error_alert(error); }
  // For the handshake: the alert to send and the text.
  Error to_error() const { return Error{alert(), text}; }
};

VerifyResult verify_chain(const std::vector<Certificate> &peer_chain, const TrustStore &anchors,
                          const VerifyOptions &options);

// For the handshake: the peer's certificates as DER (a TLS Certificate message's list, leaf
// first). A certificate that does not parse is an error (decode_error, naming its position);
// otherwise the verification result.
Result<VerifyResult> verify_der_chain(const std::vector<ByteView> &der_chain,
                                      const TrustStore &anchors, const VerifyOptions &options);

// Checks that `issuer`'s key made `cert`'s signature: ok, or unable_to_decode_issuer_public_key,
// unsupported_signature_algorithm, signature_algorithm_mismatch, ca_md_too_weak (SHA-1 / MD5
// when not allowed), cert_signature_failure. `reason` receives details.
VerifyError check_signature(const Certificate &cert, const Certificate &issuer,
                            const cipher::Provider &provider, bool allow_sha1, bool allow_md5,
                            std::string *reason = nullptr);

}  // namespace tls::x509
