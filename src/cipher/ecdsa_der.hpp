// The DER encoding of an ECDSA signature, Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
// (RFC 3279 §2.2.3, RFC 4492 §5.4), written and read strictly: definite minimal lengths,
// minimal INTEGER contents, no trailing bytes. A signature has exactly one valid encoding, so
// signatures cannot be made malleable through their encoding.
#pragma once

#include "common/bytes.hpp"
#include "common/error.hpp"

namespace tls::cipher {

struct EcdsaSignatureValue {
  Bytes r;  // unsigned big-endian, no leading zero bytes, not zero
  Bytes s;
};

// Encodes r and s (unsigned big-endian; leading zero bytes are dropped). Each must be non-zero
// and at most 120 bytes; otherwise an internal_error.
Result<Bytes> encode_ecdsa_signature(ByteView r, ByteView s);

// Decodes a DER signature. decode_error for anything that is not exactly the DER encoding of a
// SEQUENCE of two INTEGERs: other tags, long-form lengths where the short form fits,
// indefinite lengths, non-minimal INTEGERs (a leading 00 not needed for the sign), negative
// INTEGERs, zero, or trailing bytes. Range checks against the group order are the verifier's.
Result<EcdsaSignatureValue> decode_ecdsa_signature(ByteView der);

}  // namespace tls::cipher
