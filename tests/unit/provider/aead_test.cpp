// AEAD (AES-128/256-GCM, ChaCha20-Poly1305): sealing and opening in place, a refused open that
// leaves no plaintext behind whatever was tampered with, and misuse (key, nonce and tag sizes)
// reported as errors, never as exceptions.
#include <gtest/gtest.h>

#include <algorithm>

#include "cipher/provider.hpp"

namespace tls::cipher {
namespace {

const AeadAlg kAlgs[] = {AeadAlg::aes128_gcm, AeadAlg::aes256_gcm, AeadAlg::chacha20_poly1305};

const char *name(AeadAlg alg) {
  switch (alg) {
    case AeadAlg::aes128_gcm:
      return "AES-128-GCM";
    case AeadAlg::aes256_gcm:
      return "AES-256-GCM";
    case AeadAlg::chacha20_poly1305:
      return "ChaCha20-Poly1305";
  }
  return "?";
}

std::unique_ptr<Aead> make(AeadAlg alg, std::uint8_t key_byte = 0x42) {
  auto aead = default_provider()->aead(alg, Bytes(aead_key_size(alg), key_byte));
  EXPECT_TRUE(aead.ok());
  return aead.ok() ? std::move(*aead) : nullptr;
}

Bytes plaintext(std::size_t n) {
  Bytes p(n);
  for (std::size_t i = 0; i < n; ++i)
    p[i] = static_cast<std::uint8_t>(0x30 + i % 50);
  return p;
}

struct Sealed {
  Bytes nonce, aad, ct, tag;
};

Sealed seal(Aead &aead, ByteView pt) {
  Sealed s{Bytes(kAeadNonceSize, 0x07), Bytes{0x17, 0x03, 0x03, 0x00, 0x10},
           Bytes(pt.begin(), pt.end()), Bytes(kAeadTagSize)};
  EXPECT_TRUE(aead.seal(s.nonce, s.aad, s.ct, s.tag).ok());
  return s;
}

TEST(Aead, SealOpenRoundTripInPlaceForManySizes) {
  for (AeadAlg alg : kAlgs) {
    auto aead = make(alg);
    ASSERT_NE(aead, nullptr);
    EXPECT_EQ(aead->alg(), alg);
    for (std::size_t n : {0u, 1u, 15u, 16u, 17u, 64u, 1000u, 16384u}) {
      const Bytes pt = plaintext(n);
      Sealed s = seal(*aead, pt);
      if (n > 0) {
        EXPECT_NE(s.ct, pt) << name(alg);
      }
      // The same key, nonce and input seal to the same bytes (no hidden state between calls).
      Sealed again = seal(*aead, pt);
      EXPECT_EQ(again.ct, s.ct);
      EXPECT_EQ(again.tag, s.tag);
      Bytes data = s.ct;
      ASSERT_TRUE(aead->open(s.nonce, s.aad, data, s.tag)) << name(alg) << " " << n;
      EXPECT_EQ(data, pt) << name(alg) << " " << n;
    }
    // Another nonce gives another ciphertext and tag.
    const Bytes pt = plaintext(32);
    Sealed s = seal(*aead, pt);
    Bytes other_ct = pt, other_tag(kAeadTagSize);
    ASSERT_TRUE(aead->seal(Bytes(kAeadNonceSize, 0x08), s.aad, other_ct, other_tag).ok());
    EXPECT_NE(other_ct, s.ct);
    EXPECT_NE(other_tag, s.tag);
  }
}

// After a refused open, `data` holds the ciphertext or zeros: never any plaintext.
void expect_refused_without_plaintext(Aead &aead, ByteView nonce, ByteView aad, ByteView ct,
                                      ByteView tag, ByteView pt, const std::string &what) {
  Bytes data(ct.begin(), ct.end());
  EXPECT_FALSE(aead.open(nonce, aad, data, tag)) << what;
  const bool is_ciphertext = std::equal(data.begin(), data.end(), ct.begin(), ct.end());
  const bool is_zeros = std::all_of(data.begin(), data.end(), [](auto b) { return b == 0; });
  EXPECT_TRUE(is_ciphertext || is_zeros) << what << ": the buffer holds something else";
  EXPECT_FALSE(std::equal(data.begin(), data.end(), pt.begin(), pt.end())) << what;
}

TEST(Aead, RefusedOpenLeavesNoPlaintextWhateverWasChanged) {
  for (AeadAlg alg : kAlgs) {
    auto aead = make(alg);
    const Bytes pt = plaintext(100);
    const Sealed s = seal(*aead, pt);
    const std::string n = name(alg);
    for (std::size_t bit : {0u, 7u, 64u, 127u}) {
      Bytes tag = s.tag;
      tag[bit / 8] ^= static_cast<std::uint8_t>(1 << (bit % 8));
      expect_refused_without_plaintext(*aead, s.nonce, s.aad, s.ct, tag, pt,
                                       n + ": tag bit " + std::to_string(bit));
    }
    for (std::size_t at : {0u, 50u, 99u}) {
      Bytes ct = s.ct;
      ct[at] ^= 0x01;
      expect_refused_without_plaintext(*aead, s.nonce, s.aad, ct, s.tag, pt,
                                       n + ": ciphertext byte " + std::to_string(at));
    }
    Bytes aad = s.aad;
    aad.back() ^= 0x01;
    expect_refused_without_plaintext(*aead, s.nonce, aad, s.ct, s.tag, pt, n + ": AAD");
    expect_refused_without_plaintext(*aead, s.nonce, Bytes(), s.ct, s.tag, pt, n + ": no AAD");
    Bytes nonce = s.nonce;
    nonce[11] ^= 0x80;
    expect_refused_without_plaintext(*aead, nonce, s.aad, s.ct, s.tag, pt, n + ": nonce");
    // A different key.
    auto other = make(alg, 0x43);
    expect_refused_without_plaintext(*other, s.nonce, s.aad, s.ct, s.tag, pt, n + ": key");
    // Malformed sizes are refused the same way, without an exception.
    expect_refused_without_plaintext(*aead, s.nonce, s.aad, s.ct, ByteView(s.tag).first(15), pt,
                                     n + ": 15-byte tag");
    expect_refused_without_plaintext(*aead, ByteView(s.nonce).first(8), s.aad, s.ct, s.tag, pt,
                                     n + ": 8-byte nonce");
    // Truncated ciphertext.
    expect_refused_without_plaintext(*aead, s.nonce, s.aad, ByteView(s.ct).first(99), s.tag,
                                     ByteView(pt).first(99), n + ": truncated ciphertext");
  }
}

TEST(Aead, WrongKeySizeIsAnErrorNotAnException) {
  for (AeadAlg alg : kAlgs) {
    for (std::size_t size : {0u, 1u, 12u, 15u, 16u, 24u, 31u, 32u, 33u, 64u}) {
      if (size == aead_key_size(alg)) continue;
      Result<std::unique_ptr<Aead>> aead = make_error(AlertDescription::close_notify, "unset");
      EXPECT_NO_THROW(aead = default_provider()->aead(alg, Bytes(size, 1)));
      ASSERT_FALSE(aead.ok()) << name(alg) << " with a " << size << "-byte key";
      EXPECT_EQ(aead.error().alert, AlertDescription::internal_error);
      EXPECT_NE(aead.error().reason.find(std::to_string(size)), std::string::npos)
          << aead.error().reason;
    }
  }
}

TEST(Aead, SealWithWrongNonceOrTagSizeIsAnError) {
  for (AeadAlg alg : kAlgs) {
    auto aead = make(alg);
    Bytes data = plaintext(20), tag(kAeadTagSize);
    for (std::size_t nonce_size : {0u, 8u, 11u, 13u, 16u}) {
      Status s;
      EXPECT_NO_THROW(s = aead->seal(Bytes(nonce_size), Bytes(), data, tag));
      ASSERT_FALSE(s.ok()) << name(alg) << " nonce " << nonce_size;
      EXPECT_EQ(s.error().alert, AlertDescription::internal_error);
    }
    for (std::size_t tag_size : {0u, 12u, 15u, 17u}) {
      Bytes short_tag(tag_size);
      EXPECT_FALSE(aead->seal(Bytes(kAeadNonceSize), Bytes(), data, short_tag).ok())
          << name(alg) << " tag " << tag_size;
    }
  }
}

}  // namespace
}  // namespace tls::cipher
