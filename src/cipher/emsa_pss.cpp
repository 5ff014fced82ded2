#include "cipher/emsa_pss.hpp"

#include <string>

#include "cipher/cryptopp_hash.hpp"
#include "common/ct.hpp"

namespace tls::cipher {

namespace {

bool pss_hash_supported(HashAlg hash) {
  return hash == HashAlg::sha1 || hash == HashAlg::sha256 || hash == HashAlg::sha384 ||
         hash == HashAlg::sha512;
}

// MGF1 (RFC 8017 B.2.1): Hash(seed || counter) for counter = 0, 1, ... truncated to `size`.
Bytes mgf1(HashAlg hash, ByteView seed, std::size_t size) {
  Bytes mask;
  mask.reserve(size + hash_size(hash));
  auto h = make_cryptopp_hash(hash);
  for (std::uint32_t counter = 0; mask.size() < size; ++counter) {
    const std::uint8_t c[4] = {
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    h->update(seed);
    h->update(c);
    append(mask, h->finish());
  }
  mask.resize(size);
  return mask;
}

// H = Hash(00 00 00 00 00 00 00 00 || mHash || salt), §9.1.1 steps 5-6.
Bytes pss_hash(HashAlg hash, ByteView digest, ByteView salt) {
  const std::uint8_t zeros[8] = {};
  auto h = make_cryptopp_hash(hash);
  h->update(zeros);
  h->update(digest);
  h->update(salt);
  return h->finish();
}

// The mask that clears the leftmost 8 * em_size - em_bits bits of the first byte.
std::uint8_t top_byte_mask(std::size_t em_size, std::size_t em_bits) {
  return static_cast<std::uint8_t>(0xff >> (8 * em_size - em_bits));
}

Status check_inputs(HashAlg hash, ByteView digest) {
  if (!pss_hash_supported(hash)) {
    return make_error(AlertDescription::illegal_parameter,
                      std::string("RSA-PSS with ") + hash_name(hash) + " is not supported");
  }
  if (digest.size() != hash_size(hash)) {
    return make_error(AlertDescription::internal_error,
                      std::string("RSA-PSS: digest is ") + std::to_string(digest.size()) +
                          " bytes, " + hash_name(hash) + " gives " +
                          std::to_string(hash_size(hash)));
  }
  return Status::success();
}

}  // namespace

Result<Bytes> emsa_pss_encode(HashAlg hash, ByteView digest, ByteView salt, std::size_t em_bits) {
  TLS_TRY(check_inputs(hash, digest));
  const std::size_t h_len = hash_size(hash);
  const std::size_t em_size = (em_bits + 7) / 8;
  if (em_size < h_len + salt.size() + 2) {
    return make_error(AlertDescription::internal_error,
                      std::string("RSA-PSS: RSA key too small for ") + hash_name(hash));
  }
  const Bytes h = pss_hash(hash, digest, salt);
  // DB = PS || 01 || salt, masked with MGF1(H).
  const std::size_t db_size = em_size - h_len - 1;
  Bytes db(db_size - salt.size() - 1, 0x00);
  db.push_back(0x01);
  append(db, salt);
  const Bytes mask = mgf1(hash, h, db_size);
  for (std::size_t i = 0; i < db_size; ++i)
    db[i] ^= mask[i];
  db[0] &= top_byte_mask(em_size, em_bits);
  Bytes em = std::move(db);
  append(em, h);
  em.push_back(0xbc);
  return em;
}

Status emsa_pss_verify(HashAlg hash, ByteView digest, ByteView em, std::size_t em_bits) {
  TLS_TRY(check_inputs(hash, digest));
  const std::size_t h_len = hash_size(hash);
  const std::size_t s_len = h_len;
  const std::size_t em_size = (em_bits + 7) / 8;
  auto invalid = [](const char *why) {
    return make_error(AlertDescription::decrypt_error,
                      std::string("RSA-PSS signature does not verify: ") + why);
  };
  if (em.size() != em_size) return invalid("encoded message has the wrong length");
  if (em_size < h_len + s_len + 2) return invalid("RSA key too small for the hash");
  if (em.back() != 0xbc) return invalid("last byte is not 0xbc");
  const std::size_t db_size = em_size - h_len - 1;
  const ByteView masked_db = em.first(db_size);
  const ByteView h = em.subspan(db_size, h_len);
  if ((masked_db[0] & ~top_byte_mask(em_size, em_bits)) != 0) {
    return invalid("leftmost bits of the encoded message are not zero");
  }
  Bytes db = mgf1(hash, h, db_size);
  for (std::size_t i = 0; i < db_size; ++i)
    db[i] ^= masked_db[i];
  db[0] &= top_byte_mask(em_size, em_bits);
  // DB must be zeros, then 01, then exactly s_len bytes of salt.
  const std::size_t ps_size = db_size - s_len - 1;
  for (std::size_t i = 0; i < ps_size; ++i) {
    if (db[i] != 0) return invalid("padding is not zero");
  }
  if (db[ps_size] != 0x01) return invalid("no 0x01 separator before the salt");
  const ByteView salt = ByteView(db).subspan(ps_size + 1);
  if (!ct::equal(pss_hash(hash, digest, salt), h)) return invalid("hash mismatch");
  return Status::success();
}

}  // namespace tls::cipher
