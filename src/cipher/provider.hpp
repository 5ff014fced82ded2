// The crypto provider: the one interface between the protocol and the primitives.
//
// Everything tlspp needs from cryptography goes through a Provider: hashes, HMAC, the hash
// compression functions (for constant-time CBC MAC checking), AEAD, CBC and stream ciphers,
// RSA / ECDSA / Ed25519 signatures, RSA key-exchange encryption and the raw private operation,
// key agreement (X25519, ECDH P-256/P-384, finite-field DH), random bytes and the clock.
//
// The default provider (default_provider()) is built on libsodium and Crypto++ as DESIGN.md's
// table says. A deterministic provider (seeded random stream, fixed clock) makes handshakes
// reproducible byte for byte for tests, fuzzing and the teaching tool.
//
// Rules for every implementation:
// - No exception leaves a Provider method or an object it returned; failures are Status /
//   Result values (Crypto++ exceptions are caught at this boundary).
// - Objects it returns are independent of each other and may be used from one thread at a
//   time; the Provider itself is safe to share across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"

namespace tls::cipher {

// ---------------------------------------------------------------------------------------------
// Hashes

enum class HashAlg : std::uint8_t {
  md5,
  sha1,
  sha256,
  sha384,
  sha512,
  // MD5(x) || SHA-1(x), 36 bytes: the TLS 1.0/1.1 handshake hash and RSA signature input.
  md5_sha1,
};

std::size_t hash_size(HashAlg alg) noexcept;        // digest bytes
std::size_t hash_block_size(HashAlg alg) noexcept;  // input block bytes (64 or 128)
const char *hash_name(HashAlg alg) noexcept;        // "SHA256", "MD5+SHA1", ...

// An incremental hash. clone() copies the state mid-stream (the transcript hash is snapshotted
// at each Finished); finish() writes the digest and resets to the initial state.
class Hash {
 public:
  virtual ~Hash() = default;
  virtual HashAlg alg() const = 0;
  virtual void update(ByteView data) = 0;
  virtual void finish(MutableByteView digest) = 0;  // digest.size() == hash_size(alg())
  virtual std::unique_ptr<Hash> clone() const = 0;

  Bytes finish();  // convenience: a digest of hash_size(alg()) bytes
};

// HMAC with a key fixed at creation. finish() resets to the keyed initial state, so one
// object serves every record of a connection.
class Hmac {
 public:
  virtual ~Hmac() = default;
  virtual HashAlg alg() const = 0;
  virtual void update(ByteView data) = 0;
  virtual void finish(MutableByteView mac) = 0;  // mac.size() == hash_size(alg())
  virtual std::unique_ptr<Hmac> clone() const = 0;

  Bytes finish();
};

// Direct access to a hash's compression function, for MAC computations whose work must not
// depend on secret lengths (Lucky Thirteen: the record layer's constant-time CBC MAC check
// builds the padded final blocks itself and runs a fixed number of compressions).
// Only md5, sha1, sha256, sha384 (sha512's function with sha384's initial state) and sha512.
class HashCompressor {
 public:
  virtual ~HashCompressor() = default;
  virtual HashAlg alg() const = 0;
  virtual std::size_t block_size() const = 0;
  // Bytes of the message-length field in the final block: 8 (MD5, SHA-1, SHA-256) or 16.
  virtual std::size_t length_field_size() const = 0;
  // True for MD5, whose length field and state words are little-endian.
  virtual bool little_endian() const = 0;
  virtual void reset() = 0;                   // the hash's initial state
  virtual void compress(ByteView block) = 0;  // exactly block_size() bytes
  // The chaining state serialized as a digest would be (hash_size(alg()) bytes): after the
  // compression of a correctly padded final block, this is the hash value.
  virtual void state(MutableByteView out) const = 0;
  virtual std::unique_ptr<HashCompressor> clone() const = 0;
};

// ---------------------------------------------------------------------------------------------
// Symmetric ciphers

enum class AeadAlg : std::uint8_t { aes128_gcm, aes256_gcm, chacha20_poly1305 };

// Key 16/32/32 bytes, nonce 12 bytes, tag 16 bytes.
std::size_t aead_key_size(AeadAlg alg) noexcept;
inline constexpr std::size_t kAeadNonceSize = 12;
inline constexpr std::size_t kAeadTagSize = 16;

class Aead {
 public:
  virtual ~Aead() = default;
  virtual AeadAlg alg() const = 0;
  // Encrypts `data` in place and writes the 16-byte tag.
  virtual Status seal(ByteView nonce, ByteView aad, MutableByteView data, MutableByteView tag) = 0;
  // Checks the tag and decrypts `data` in place. On a bad tag returns false and leaves no
  // plaintext in `data`.
  virtual bool open(ByteView nonce, ByteView aad, MutableByteView data, ByteView tag) = 0;
};

enum class BlockCipherAlg : std::uint8_t { aes128, aes256, des_ede3 };

std::size_t block_cipher_key_size(BlockCipherAlg alg) noexcept;    // 16, 32, 24
std::size_t block_cipher_block_size(BlockCipherAlg alg) noexcept;  // 16, 16, 8

// Raw CBC, no padding (the record layer pads). The key is fixed at creation; each call takes
// its IV, so the caller chains (SSL 3.0 / TLS 1.0: the last ciphertext block) or draws a fresh
// explicit IV (TLS 1.1+).
class CbcCipher {
 public:
  virtual ~CbcCipher() = default;
  virtual BlockCipherAlg alg() const = 0;
  virtual std::size_t block_size() const = 0;
  // data.size() is a multiple of block_size(); encrypted / decrypted in place.
  virtual void encrypt(ByteView iv, MutableByteView data) = 0;
  virtual void decrypt(ByteView iv, MutableByteView data) = 0;
};

// RC4: one keystream per direction, applied in place.
class StreamCipher {
 public:
  virtual ~StreamCipher() = default;
  virtual void process(MutableByteView data) = 0;
};

// ---------------------------------------------------------------------------------------------
// Public and private keys

enum class KeyType : std::uint8_t { rsa, ec_p256, ec_p384, ed25519 };

const char *key_type_name(KeyType type) noexcept;  // "RSA", "EC P-256", "EC P-384", "Ed25519"

// A public key as X.509 carries it. Integers are unsigned big-endian without leading zeros.
struct PublicKey {
  KeyType type = KeyType::rsa;
  Bytes rsa_n;  // RSA modulus
  Bytes rsa_e;  // RSA public exponent
  Bytes point;  // EC: uncompressed point 04||X||Y (65 / 97 bytes); Ed25519: the 32-byte key

  std::size_t bits() const;  // modulus bits, or the curve size (256, 384, 255 for Ed25519)
  bool operator==(const PublicKey &) const = default;
};

struct PrivateKey {
  PublicKey public_key;
  // RSA (big-endian): private exponent and CRT values.
  SecureBuffer rsa_d, rsa_p, rsa_q, rsa_dp, rsa_dq, rsa_qinv;
  // EC: the private scalar (32 / 48 bytes). Ed25519: the 32-byte seed.
  SecureBuffer secret;
};

enum class SignatureAlg : std::uint8_t {
  rsa_pkcs1,  // RSASSA-PKCS1-v1_5; with HashAlg::md5_sha1 the 36 bytes are signed without
              // DigestInfo (TLS 1.0/1.1, SSL 3.0)
  rsa_pss,    // RSASSA-PSS, MGF1 with the same hash, salt length = hash length (rsa_pss_rsae_*)
  ecdsa,      // signature is DER Ecdsa-Sig-Value { r INTEGER, s INTEGER }
  ed25519,    // PureEdDSA over the whole message
};

struct SignatureParams {
  SignatureAlg alg = SignatureAlg::rsa_pkcs1;
  HashAlg hash = HashAlg::sha256;  // ignored for ed25519
};

// What is signed: for rsa_pkcs1, rsa_pss and ecdsa the *digest* of the message (already
// computed with params.hash: the transcript hash lives in running Hash objects, and SSL 3.0's
// CertificateVerify digest is its own construction); for ed25519 the message itself.

// The private-key operations tlspp needs. An application can provide its own to keep the key
// in an HSM or an enclave; the default one holds a PrivateKey.
class PrivateKeyOperations {
 public:
  virtual ~PrivateKeyOperations() = default;
  virtual const PublicKey &public_key() const = 0;
  virtual Result<Bytes> sign(const SignatureParams &params, ByteView digest_or_message) = 0;
  // RSA only: m = c^d mod n, left-padded to the modulus length, *without* any unpadding (the
  // handshake unpads in constant time and never reveals whether the padding was valid).
  virtual Result<SecureBuffer> rsa_decrypt_raw(ByteView ciphertext) = 0;
};

// ---------------------------------------------------------------------------------------------
// Key agreement

// TLS NamedGroup code points.
enum class NamedGroup : std::uint16_t {
  secp256r1 = 23,
  secp384r1 = 24,
  x25519 = 29,
  ffdhe2048 = 256,
  ffdhe3072 = 257,
  ffdhe4096 = 258,
};

const char *group_name(NamedGroup group) noexcept;  // "x25519", "secp256r1", "ffdhe2048", ...
bool is_ffdhe(NamedGroup group) noexcept;

struct DhGroup {
  Bytes p;  // big-endian prime
  Bytes g;  // big-endian generator
};

// The RFC 7919 group for ffdhe2048 / 3072 / 4096; an empty group (which dh_key_share()
// refuses) for any other group.
const DhGroup &ffdhe_group(NamedGroup group);

// One ephemeral key pair. public_value(): X25519 32 bytes; EC the uncompressed point; DH the
// public value Y, big-endian, left-padded to the length of p.
// derive() validates the peer's value (X25519: the all-zero shared secret is refused; EC: on
// the curve, not the point at infinity, exact length; DH: 1 < Y < p-1) and returns the shared
// secret; for DH with leading zero bytes stripped as TLS requires, in constant time.
// Failures are illegal_parameter (bad peer value) or internal_error.
class KeyShare {
 public:
  virtual ~KeyShare() = default;
  virtual ByteView public_value() const = 0;
  virtual Result<SecureBuffer> derive(ByteView peer_public) = 0;
};

// ---------------------------------------------------------------------------------------------
// The provider

class Provider {
 public:
  virtual ~Provider() = default;

  // Hashes and MACs
  virtual std::unique_ptr<Hash> hash(HashAlg alg) const = 0;
  // hmac() and compressor() return nullptr for md5_sha1, which is no single hash.
  virtual std::unique_ptr<Hmac> hmac(HashAlg alg, ByteView key) const = 0;
  virtual std::unique_ptr<HashCompressor> compressor(HashAlg alg) const = 0;

  // Symmetric ciphers; a wrong key size is an internal_error.
  virtual Result<std::unique_ptr<Aead>> aead(AeadAlg alg, ByteView key) const = 0;
  virtual Result<std::unique_ptr<CbcCipher>> cbc(BlockCipherAlg alg, ByteView key) const = 0;
  virtual Result<std::unique_ptr<StreamCipher>> rc4(ByteView key) const = 0;

  // Signatures. verify() fails with decrypt_error when the signature does not verify, and
  // with illegal_parameter / decode_error when the key or the signature is malformed.
  virtual Status verify(const PublicKey &key, const SignatureParams &params,
                        ByteView digest_or_message, ByteView signature) const = 0;
  // The default private-key operations for a key held in memory.
  virtual Result<std::unique_ptr<PrivateKeyOperations>> private_key_operations(
      const PrivateKey &key) const = 0;
  // RSAES-PKCS1-v1_5 encryption (the client's pre-master secret).
  virtual Result<Bytes> rsa_encrypt_pkcs1(const PublicKey &key, ByteView message) const = 0;
  // Success when the public key is well formed (RSA: modulus odd and 512 to 16384 bits, e odd
  // with 1 < e < n, and at most 64 bits above a 3072-bit modulus; EC: the point is on the curve;
  // Ed25519: 32 bytes that decode to a point of large order). illegal_parameter otherwise.
  virtual Status check_public_key(const PublicKey &key) const = 0;
  // Success when the private key is consistent and matches its public half (RSA: n = p*q, d
  // and the CRT values agree with e, p and q are probable primes; a key with only n, e, d has
  // p and q recovered; EC: the scalar is in [1, n-1] and gives the point; Ed25519: the seed
  // gives the public key). illegal_parameter otherwise.
  virtual Status check_key_pair(const PrivateKey &priv) const = 0;

  // Key agreement
  virtual Result<std::unique_ptr<KeyShare>> key_share(NamedGroup group) const = 0;
  // Finite-field DH over server-chosen parameters (the client side of DHE): refuses a p of
  // fewer than min_bits bits (insufficient_security), an even p, g outside 1 < g < p-1.
  virtual Result<std::unique_ptr<KeyShare>> dh_key_share(const DhGroup &group,
                                                         std::size_t min_bits) const = 0;
  // A key share with a given private key instead of a fresh one, to reproduce a published
  // exchange (RFC 7748 §6.1, a recorded handshake). X25519: the 32-byte scalar; secp256r1 /
  // secp384r1: the big-endian scalar in [1, n-1]; ffdhe*: the big-endian exponent x with
  // 1 < x < p-1. A malformed key is illegal_parameter; a provider that cannot import keys
  // (the default implementation here) answers internal_error.
  virtual Result<std::unique_ptr<KeyShare>> key_share_from_private(NamedGroup group,
                                                                   ByteView private_key) const;

  // Random bytes and the clock (seconds since the Unix epoch).
  virtual void random(MutableByteView out) const = 0;
  virtual std::int64_t now() const = 0;

  // Convenience
  Bytes digest(HashAlg alg, ByteView data) const;
  Bytes random_bytes(std::size_t n) const;
};

// The process-wide default provider (libsodium + Crypto++). Never null.
std::shared_ptr<const Provider> default_provider();

// A provider whose random bytes are a ChaCha20 keystream derived from `seed` and whose clock
// always reads `fixed_time`: the same seed gives the same bytes in the same order. For tests,
// fuzzing and teaching; never for real traffic.
std::shared_ptr<const Provider> deterministic_provider(std::uint64_t seed,
                                                       std::int64_t fixed_time = 1700000000);

}  // namespace tls::cipher
