#!/usr/bin/env bash
# Writes docs/teaching.md: a short guide followed by one whole run of tls-step, made by the tool
# itself (a test checks that the run in the document is what the tool prints today).
#   tools/tls-step/make-teaching-doc.sh [path/to/tls-step]
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=${1:-build/tls-step}
args="--seed 1 --version tls1.2 --cipher ECDHE-RSA-AES128-GCM-SHA256"
{
  cat <<'TEXT'
# Learning TLS with tls-step

`tls-step` runs tlspp's client and server in one process and moves the handshake one state at a
time. Each state is named as in OpenSSL's `ssl3_connect()` / `ssl3_accept()` (`SSL3_ST_CW_CLNT_HELLO`,
`SSL3_ST_SR_CLNT_HELLO`, ...). After each step it prints which side moved, what the state is for
(the lines marked `|`), every message sent or received with each field decoded (offset from the
message's first byte, length, name, bytes in hex, meaning), the records that carried it and their
protection, and every secret at the moment it is derived (`*` lines). Then a request and a
response cross the connection under the new keys, and both sides close it with close_notify.

Everything random comes from the seed, so a run can be repeated byte for byte and compared with a
neighbour's. Some runs to try:

```sh
./build/tls-step                                   # TLS 1.2, ECDHE-RSA with AES-128-GCM
./build/tls-step --version ssl3                    # SSL 3.0, RSA key exchange, CBC with SSL 3.0's MAC
./build/tls-step --version tls1 --cipher DHE-RSA-AES128-SHA   # finite-field Diffie-Hellman
./build/tls-step --cert ecdsa --client-auth        # ECDSA server, client certificate
./build/tls-step --resume id                       # a second connection resumes the session
./build/tls-step --resume ticket                   # ... by an RFC 5077 session ticket
./build/tls-step --renegotiate --client-auth       # HelloRequest, then a second full handshake
./build/tls-step --interactive                     # wait for Enter between steps
./build/tls-step --json | jq .                     # one JSON object per step
```

Things to look for in the run below:

- the client's `random` and the server's `random`: every key depends on both;
- the ServerKeyExchange: the server's X25519 public key, signed over both randoms;
- step 15: the pre-master secret, the master secret and the key block cut into keys and IVs —
  the server derives exactly the same bytes in its own step a little later;
- the ChangeCipherSpec records: from the next record on, the protection column changes from
  `NULL` to `AES-128-GCM`, the sequence number starts again at 0, and the Finished message is the
  first record whose bytes on the wire differ from its plaintext;
- the application-data records: 8 bytes of explicit nonce, the ciphertext, a 16-byte tag.

TEXT
  echo "## The run: \`tls-step $args\`"
  echo
  echo '```text'
  "$tool" $args
  echo '```'
} > docs/teaching.md
echo "wrote docs/teaching.md"
