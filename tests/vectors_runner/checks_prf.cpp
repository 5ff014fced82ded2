// Checks for the PRFs and the key schedule:
//   [PRF-TLS10] [PRF-TLS12-SHA256] [PRF-TLS12-SHA384]
//       Secret, Seed, optional Label (hex), optional OutputLen, Output
//   [KEY-SCHEDULE]
//       Version (SSLv3 / TLSv1 / TLSv1.1 / TLSv1.2), Suite (OpenSSL name)
//       optional X25519 key pairs: ClientPrivateKey, ClientPublicKey, ServerPrivateKey,
//         ServerPublicKey (the public keys and the pre-master they agree on are recomputed)
//       PreMaster, ClientRandom, ServerRandom -> MasterSecret
//       -> ClientWriteMacKey, ServerWriteMacKey, ClientWriteKey, ServerWriteKey,
//          ClientWriteIv, ServerWriteIv (required when the suite and version use implicit IVs;
//          optional otherwise, then compared with the key-block bytes after the keys)
//       optional ClientHandshakeHash + ClientVerifyData, ServerHandshakeHash + ServerVerifyData
#include <sodium.h>

#include <string>

#include "cipher/key_schedule.hpp"
#include "cipher/prf.hpp"
#include "cipher/suites.hpp"
#include "runner.hpp"

namespace tls::vectors {

namespace {

using cipher::PrfKind;

Check prf_check(PrfKind kind) {
  return [kind](Vector &v, const cipher::Provider &provider) {
    const Bytes secret = v.hex("Secret");
    const Bytes seed = v.hex("Seed");
    const Bytes label = v.optional_hex("Label").value_or(Bytes{});
    const Bytes expected = v.hex("Output");
    if (const auto length = v.optional_text("OutputLen")) {
      if (std::to_string(expected.size()) != *length) {
        v.fail("OutputLen " + *length + " but Output has " + std::to_string(expected.size()) +
               " bytes");
      }
    }
    Bytes out(expected.size());
    cipher::prf(provider, kind, secret,
                std::string_view(reinterpret_cast<const char *>(label.data()), label.size()),
                {seed}, out);
    v.expect_equal("Output", expected, out);
  };
}

// X25519 is recomputed with libsodium directly: the provider's key shares make their own
// private keys and cannot take the published ones.
void check_x25519(Vector &v, ByteView pre_master) {
  const Bytes client_private = v.hex("ClientPrivateKey");
  const Bytes client_public = v.hex("ClientPublicKey");
  const Bytes server_private = v.hex("ServerPrivateKey");
  const Bytes server_public = v.hex("ServerPublicKey");
  if (client_private.size() != 32 || client_public.size() != 32 || server_private.size() != 32 ||
      server_public.size() != 32) {
    v.fail("X25519 keys must be 32 bytes");
    return;
  }
  if (sodium_init() < 0) {
    v.fail("libsodium failed to initialise");
    return;
  }
  Bytes out(32);
  crypto_scalarmult_base(out.data(), client_private.data());
  v.expect_equal("ClientPublicKey", client_public, out);
  crypto_scalarmult_base(out.data(), server_private.data());
  v.expect_equal("ServerPublicKey", server_public, out);
  if (crypto_scalarmult(out.data(), client_private.data(), server_public.data()) != 0) {
    v.fail("X25519(client private, server public) failed");
  }
  v.expect_equal("PreMaster (client side)", pre_master, out);
  if (crypto_scalarmult(out.data(), server_private.data(), client_public.data()) != 0) {
    v.fail("X25519(server private, client public) failed");
  }
  v.expect_equal("PreMaster (server side)", pre_master, out);
}

void check_key_schedule(Vector &v, const cipher::Provider &provider) {
  const std::string version_text = v.text("Version");
  const std::string suite_text = v.text("Suite");
  const auto version = version_from_name(version_text);
  const cipher::CipherSuite *suite = cipher::find_suite(suite_text);
  if (!version) v.fail("unknown Version " + version_text);
  if (suite == nullptr) v.fail("unknown Suite " + suite_text);
  if (!version || suite == nullptr) return;

  const Bytes pre_master = v.hex("PreMaster");
  if (v.has("ClientPrivateKey")) check_x25519(v, pre_master);

  const Bytes client_random = v.hex("ClientRandom");
  const Bytes server_random = v.hex("ServerRandom");
  const PrfKind kind = cipher::prf_kind(*version, *suite);
  const SecureBuffer master =
      cipher::master_secret(provider, kind, pre_master, client_random, server_random);
  v.expect_equal("MasterSecret", v.hex("MasterSecret"), master);

  const cipher::KeyBlock keys =
      cipher::derive_key_block(provider, *version, *suite, master, client_random, server_random);
  v.expect_equal("ClientWriteMacKey", v.hex("ClientWriteMacKey"), keys.client_write_mac_key);
  v.expect_equal("ServerWriteMacKey", v.hex("ServerWriteMacKey"), keys.server_write_mac_key);
  v.expect_equal("ClientWriteKey", v.hex("ClientWriteKey"), keys.client_write_key);
  v.expect_equal("ServerWriteKey", v.hex("ServerWriteKey"), keys.server_write_key);

  const cipher::KeyBlockLayout layout = cipher::key_block_layout(*version, *suite);
  if (layout.iv_size > 0) {
    v.expect_equal("ClientWriteIv", v.hex("ClientWriteIv"), keys.client_write_iv);
    v.expect_equal("ServerWriteIv", v.hex("ServerWriteIv"), keys.server_write_iv);
  } else if (v.has("ClientWriteIv") || v.has("ServerWriteIv")) {
    // IVs the version does not use (TLS 1.1+ CBC): the bytes after the keys, as RFC 5246's
    // key block (with its IV sizes) lays them out.
    const Bytes client_iv = v.hex("ClientWriteIv");
    const Bytes server_iv = v.hex("ServerWriteIv");
    if (client_iv.size() != suite->bulk().fixed_iv_size || server_iv.size() != client_iv.size()) {
      v.fail("ClientWriteIv/ServerWriteIv must be the cipher's IV size");
      return;
    }
    SecureBuffer block(layout.total() + 2 * client_iv.size());
    cipher::prf(provider, kind, master, "key expansion", {server_random, client_random}, block);
    const ByteView tail = ByteView(block).subspan(layout.total());
    v.expect_equal("ClientWriteIv", client_iv, tail.first(client_iv.size()));
    v.expect_equal("ServerWriteIv", server_iv, tail.last(server_iv.size()));
  }

  for (const bool from_client : {true, false}) {
    const std::string side = from_client ? "Client" : "Server";
    if (!v.has(side + "VerifyData")) continue;
    if (*version == ProtocolVersion::ssl3) {
      v.fail("SSL 3.0 Finished is computed from the transcript, not from a handshake hash");
      continue;
    }
    const Bytes hash = v.hex(side + "HandshakeHash");
    if (hash.size() != cipher::hash_size(cipher::handshake_hash_alg(*version, *suite))) {
      v.fail(side + "HandshakeHash has the wrong length for " + version_text);
      continue;
    }
    const Bytes verify = cipher::tls_finished(provider, kind, master, from_client, hash);
    v.expect_equal(side + "VerifyData", v.hex(side + "VerifyData"), verify);
  }
}

}  // namespace

void add_prf_checks(Registry &registry) {
  registry.add("PRF-TLS10", prf_check(PrfKind::tls10));
  registry.add("PRF-TLS12-SHA256", prf_check(PrfKind::tls12_sha256));
  registry.add("PRF-TLS12-SHA384", prf_check(PrfKind::tls12_sha384));
  registry.add("KEY-SCHEDULE", check_key_schedule);
}

}  // namespace tls::vectors
