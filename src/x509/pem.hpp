// PEM (RFC 7468): "-----BEGIN <label>-----", base64, "-----END <label>-----".
//
// Text around and between blocks is ignored (explanatory text is allowed by RFC 7468 §2).
// Inside a block the base64 is strict: only the base64 alphabet and white space, '=' padding
// only at the end and only as much as needed, zero padding bits. RFC 1421 headers
// ("Proc-Type: 4,ENCRYPTED") are refused: encrypted PEM is not supported. Errors name the byte
// offset and line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/error.hpp"
#include "common/secure_buffer.hpp"

namespace tls::x509 {

inline constexpr std::string_view kPemCertificate = "CERTIFICATE";
inline constexpr std::string_view kPemPrivateKey = "PRIVATE KEY";         // PKCS#8
inline constexpr std::string_view kPemRsaPrivateKey = "RSA PRIVATE KEY";  // PKCS#1
inline constexpr std::string_view kPemEcPrivateKey = "EC PRIVATE KEY";    // SEC1
inline constexpr std::string_view kPemPublicKey = "PUBLIC KEY";           // SubjectPublicKeyInfo
inline constexpr std::string_view kPemRsaPublicKey = "RSA PUBLIC KEY";    // PKCS#1

struct PemBlock {
  std::string label;
  SecureBuffer der;        // decoded contents (zeroed on release: the block may be a key)
  std::size_t offset = 0;  // byte offset of the BEGIN line in the text
  std::size_t line = 0;    // its line number (1-based)
};

// Every block in `text`, in order. No block at all is not an error (the result is empty).
Result<std::vector<PemBlock>> parse_pem(ByteView text);

// True when `data` contains a PEM BEGIN line.
bool contains_pem(ByteView data);

// A PEM block with 64-character lines and a final newline.
std::string encode_pem(std::string_view label, ByteView der);

// Strict base64 (RFC 4648 §4) without white space; nullopt when invalid.
std::optional<Bytes> base64_decode(std::string_view text);
std::string base64_encode(ByteView data);

}  // namespace tls::x509
