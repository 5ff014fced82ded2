#include "explanations.hpp"

namespace tls::step {

using handshake::State;

std::string_view explain_state(State state) {
  switch (state) {
    case State::cw_clnt_hello:
      return "The client opens the connection. Its ClientHello carries the highest version it "
             "speaks, 32 random\nbytes (its share of the randomness every key will depend on), "
             "the cipher suites it accepts in its\norder of preference, and extensions: the "
             "server's name (SNI), its elliptic-curve groups, the\nsignature algorithms it can "
             "check, extended_master_secret and renegotiation_info.";
    case State::cr_srvr_hello:
      return "The client waits for the server's choice: one version, one suite, the server's "
             "own 32 random bytes\nand the extensions the server accepts. An answer it did not "
             "offer (a suite, a version, an\nextension) ends the handshake.";
    case State::sr_clnt_hello:
      return "The server reads the ClientHello and decides: the highest version both speak, "
             "then the first suite\nthat its certificates, its groups and that version allow, "
             "in its own order of preference (as\nOpenSSL's ssl3_choose_cipher does).";
    case State::sw_srvr_hello:
      return "The server announces its decisions in the ServerHello and adds its random.";
    case State::sw_cert:
      return "The server sends its certificate chain, leaf first. The leaf's public key is "
             "what the client will\nuse to check the server's signature (ECDHE, DHE) or to "
             "encrypt the pre-master secret (RSA).";
    case State::cr_cert:
      return "The client checks the chain up to a trusted root (signatures, validity, "
             "basicConstraints, key usage)\nand that the leaf names the host it wanted.";
    case State::sw_key_exch:
      return "For (EC)DHE suites the server makes a fresh key pair and sends its public half "
             "with the group, signed\nwith its certificate's key over both randoms: the "
             "signature proves the key share comes from the\ncertificate's owner in this very "
             "handshake. Plain RSA suites skip this message.";
    case State::cr_key_exch:
      return "The client checks the signature on the server's key share with the leaf "
             "certificate's public key.";
    case State::sw_cert_req:
      return "The server asks the client for a certificate: which key types and signature "
             "algorithms it accepts,\nand the names of the CAs it trusts.";
    case State::cr_cert_req:
      return "A CertificateRequest may come now, or not; either way the next message decides.";
    case State::sw_srvr_done:
      return "ServerHelloDone closes the server's first flight: the client's turn.";
    case State::sw_flush:
      return "The server's whole first flight must leave before it waits for an answer.";
    case State::cr_srvr_done:
      return "The client has the server's whole first flight.";
    case State::cw_cert:
      return "Asked for a certificate, the client sends its chain (or an empty list when it "
             "has none that fits).";
    case State::cw_key_exch:
      return "The client completes the key exchange: with RSA it encrypts 48 random bytes (the "
             "pre-master\nsecret, led by the version it offered) to the server's key; with "
             "(EC)DHE it sends its own public\nkey share and both sides compute the same shared "
             "secret. Then it derives the master secret and the\nkey block.";
    case State::sr_key_exch:
      return "The server gets the same pre-master secret from the ClientKeyExchange (RSA: "
             "decrypting it, and on\nany padding or version error going on with a random one, "
             "so that no attacker learns which) and\nderives the same keys.";
    case State::cw_cert_vrfy:
      return "The client proves it holds its certificate's private key by signing the hash of "
             "the handshake so far.";
    case State::sr_cert:
      return "The server reads the client's certificate chain and verifies it.";
    case State::sr_cert_vrfy:
      return "The server checks the client's signature over the handshake with the client's "
             "certificate key.";
    case State::cw_change:
    case State::sw_change:
      return "ChangeCipherSpec is not a handshake message but a record of its own: from the "
             "next record on,\nthis side writes with the new keys.";
    case State::cr_change:
    case State::sr_change:
      return "The peer's ChangeCipherSpec: from its next record on, the peer's records are "
             "protected, and this\nside reads with the new keys. Arriving before the keys exist "
             "would be an attack (CVE-2014-0224).";
    case State::cw_finished:
    case State::sw_finished:
      return "Finished is the first protected message: verify_data = PRF(master_secret, "
             "\"client finished\" or\n\"server finished\", hash of every handshake message so "
             "far), 12 bytes (SSL 3.0: 36 bytes of\nMD5 and SHA-1). It proves that both sides "
             "saw the same handshake and hold the same keys.";
    case State::cr_finished:
    case State::sr_finished:
      return "The peer's Finished is checked against the value computed locally, in constant "
             "time. A single\ndifferent byte anywhere in the handshake would have changed it.";
    case State::cr_session_ticket:
      return "A server that promised a session ticket sends it now.";
    case State::sw_session_ticket:
      return "The server hands the client a ticket: the session state sealed under a key only "
             "the server knows.";
    case State::sw_hello_req:
      return "The server asks the client to start a new handshake.";
    case State::ok:
      return "The handshake is complete on this side.";
    case State::before:
    case State::error:
      return {};
  }
  return {};
}

std::string_view explain_secret(std::string_view name) {
  if (name == "pre_master_secret")
    return "the shared secret of the key exchange: 48 random bytes (RSA) or the (EC)DH shared "
           "value";
  if (name == "master_secret")
    return "PRF(pre_master_secret, \"master secret\", client_random + server_random), 48 bytes; "
           "with\n        extended_master_secret the seed is the handshake hash instead of the "
           "randoms (RFC 7627);\n        SSL 3.0 builds it from MD5 and SHA-1 with the salts "
           "'A', 'BB', 'CCC'";
  if (name == "client_write_mac_key")
    return "the key block, PRF(master_secret, \"key expansion\", server_random + "
           "client_random),\n        is cut into these keys in this order: MAC keys, "
           "encryption keys, IVs";
  return {};
}

}  // namespace tls::step
