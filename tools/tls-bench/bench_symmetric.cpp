// Hashes, HMAC, AEAD, CBC and RC4: bulk throughput of the default provider's choice against
// the other library where both offer the primitive.
#include <cryptopp/chachapoly.h>
#include <sodium.h>

#include <string>
#include <tuple>
#include <utility>

#include "bench.hpp"
#include "cipher/provider.hpp"

namespace tls::bench {

namespace {

using cipher::AeadAlg;
using cipher::BlockCipherAlg;
using cipher::HashAlg;
using cipher::Provider;

constexpr std::size_t kRecord = 16384;  // the largest TLS record

void hashes(const Provider &provider, Report &report) {
  report.heading("Hashes and HMAC (16 KiB input)");
  Bytes data(kRecord, 0x5a);
  const struct {
    const char *name;
    HashAlg alg;
  } crypto_pp[] = {{"MD5", HashAlg::md5},
                   {"SHA-1", HashAlg::sha1},
                   {"SHA-256", HashAlg::sha256},
                   {"SHA-384", HashAlg::sha384},
                   {"SHA-512", HashAlg::sha512}};
  for (const auto &h : crypto_pp) {
    auto hash = provider.hash(h.alg);
    report.throughput(h.name, "Crypto++", true, data.size(), [&] {
      hash->update(data);
      keep(hash->finish()[0]);
    });
    std::uint8_t out[64];
    if (h.alg == HashAlg::sha256) {
      report.throughput(h.name, "libsodium", false, data.size(), [&] {
        crypto_hash_sha256(out, data.data(), data.size());
        keep(out[0]);
      });
    } else if (h.alg == HashAlg::sha512) {
      report.throughput(h.name, "libsodium", false, data.size(), [&] {
        crypto_hash_sha512(out, data.data(), data.size());
        keep(out[0]);
      });
    }
  }
  const Bytes key(32, 0x0b);
  auto hmac = provider.hmac(HashAlg::sha256, key);
  report.throughput("HMAC-SHA256", "Crypto++", true, data.size(), [&] {
    hmac->update(data);
    keep(hmac->finish()[0]);
  });
  report.throughput("HMAC-SHA256", "libsodium", false, data.size(), [&] {
    std::uint8_t out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, data.data(), data.size());
    crypto_auth_hmacsha256_final(&state, out);
    keep(out[0]);
  });
}

void aeads(const Provider &provider, Report &report) {
  for (std::size_t size : {kRecord, std::size_t{1024}}) {
    const std::string suffix = size == kRecord ? "" : " (1 KiB)";
    report.heading(size == kRecord ? "AEAD seal (16 KiB records, 13-byte AAD)"
                                   : "AEAD seal (1 KiB records, 13-byte AAD)");
    Bytes data(size, 0x17), tag(cipher::kAeadTagSize), nonce(cipher::kAeadNonceSize, 1);
    const Bytes aad(13, 0x03);
    for (const auto &[name, alg, library] :
         {std::tuple{"AES-128-GCM", AeadAlg::aes128_gcm, "Crypto++"},
          std::tuple{"AES-256-GCM", AeadAlg::aes256_gcm, "Crypto++"},
          std::tuple{"ChaCha20-Poly1305", AeadAlg::chacha20_poly1305, "libsodium"}}) {
      auto aead = provider.aead(alg, Bytes(cipher::aead_key_size(alg), 0x42));
      if (!aead) continue;
      report.throughput(name + suffix, library, true, size, [&] {
        (void)(*aead)->seal(nonce, aad, data, tag);
        keep(tag[0]);
      });
      if (alg == AeadAlg::aes256_gcm) {
        if (crypto_aead_aes256gcm_is_available()) {
          const Bytes key(crypto_aead_aes256gcm_KEYBYTES, 0x42);
          report.throughput(name + suffix, "libsodium", false, size, [&] {
            unsigned long long tag_len = 0;
            crypto_aead_aes256gcm_encrypt_detached(data.data(), tag.data(), &tag_len, data.data(),
                                                   data.size(), aad.data(), aad.size(), nullptr,
                                                   nonce.data(), key.data());
            keep(tag[0]);
          });
        } else {
          report.note(name + suffix, "libsodium", "no AES-NI/PCLMUL: not offered");
        }
      }
      if (alg == AeadAlg::chacha20_poly1305) {
        CryptoPP::ChaCha20Poly1305::Encryption enc;
        const Bytes key(32, 0x42);
        enc.SetKeyWithIV(key.data(), key.size(), nonce.data(), nonce.size());
        report.throughput(name + suffix, "Crypto++", false, size, [&] {
          enc.EncryptAndAuthenticate(data.data(), tag.data(), tag.size(), nonce.data(),
                                     static_cast<int>(nonce.size()), aad.data(), aad.size(),
                                     data.data(), data.size());
          keep(tag[0]);
        });
      }
    }
  }
}

void legacy_ciphers(const Provider &provider, Report &report) {
  report.heading("CBC and RC4 (16 KiB records; Crypto++ only)");
  Bytes data(kRecord, 0x21);
  for (const auto &[name, alg] : {std::pair{"AES-128-CBC", BlockCipherAlg::aes128},
                                  std::pair{"AES-256-CBC", BlockCipherAlg::aes256},
                                  std::pair{"3DES-EDE-CBC", BlockCipherAlg::des_ede3}}) {
    auto cbc = provider.cbc(alg, Bytes(cipher::block_cipher_key_size(alg), 0x33));
    if (!cbc) continue;
    const Bytes iv((*cbc)->block_size(), 0x44);
    report.throughput(std::string(name) + " encrypt", "Crypto++", true, data.size(), [&] {
      (*cbc)->encrypt(iv, data);
      keep(data[0]);
    });
    report.throughput(std::string(name) + " decrypt", "Crypto++", true, data.size(), [&] {
      (*cbc)->decrypt(iv, data);
      keep(data[0]);
    });
  }
  auto rc4 = provider.rc4(Bytes(16, 0x55));
  if (rc4) {
    report.throughput("RC4", "Crypto++", true, data.size(), [&] {
      (*rc4)->process(data);
      keep(data[0]);
    });
  }
}

}  // namespace

void bench_symmetric(const Provider &provider, Report &report) {
  hashes(provider, report);
  aeads(provider, report);
  legacy_ciphers(provider, report);
}

}  // namespace tls::bench
