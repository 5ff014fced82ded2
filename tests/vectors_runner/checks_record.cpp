// Checks for record protection:
//   [RECORD]       a published record is opened to the published plaintext, and sealing the
//                  plaintext again gives the published record byte for byte (the explicit CBC
//                  IV is taken from the record: it is the sender's random choice)
//   [RECORD-OPEN]  the opening half only
// Fields:
//   Version (SSLv3 / TLSv1 / TLSv1.1 / TLSv1.2), Suite (OpenSSL or IANA name)
//   either the sender's keys: MacKey, Key, optional IV
//   or the key block's inputs: MasterSecret, ClientRandom, ServerRandom, Sender (client/server)
//   optional EncryptThenMac = yes
//   Sequence (decimal), Record (header + fragment)
//   Plaintext, or Result = <alert> for a record that must be refused
#include <algorithm>
#include <deque>
#include <memory>
#include <string>

#include "cipher/forwarding_provider.hpp"
#include "cipher/key_schedule.hpp"
#include "cipher/suites.hpp"
#include "common/reader.hpp"
#include "record/protection_builder.hpp"
#include "runner.hpp"

namespace tls::vectors {

namespace {

// Hands out the given bytes as "random" (then falls back to the inner provider): sealing with it
// reproduces a record whose explicit IV the original sender drew.
class ScriptedRandomProvider final : public cipher::ForwardingProvider {
 public:
  // Does not own `inner`, which outlives the check that uses this provider.
  ScriptedRandomProvider(const cipher::Provider &inner, ByteView script)
      : ForwardingProvider(std::shared_ptr<const cipher::Provider>(
            std::shared_ptr<const cipher::Provider>(), &inner)),
        script_(script.begin(), script.end()) {}
  void random(MutableByteView out) const override {
    for (std::uint8_t &b : out) {
      if (script_.empty()) {
        inner().random(MutableByteView(&b, 1));
        continue;
      }
      b = script_.front();
      script_.pop_front();
    }
  }

 private:
  mutable std::deque<std::uint8_t> script_;
};

struct RecordVector {
  ProtocolVersion version = ProtocolVersion::tls12;
  const cipher::CipherSuite *suite = nullptr;
  bool encrypt_then_mac = false;
  std::uint64_t sequence = 0;
  Bytes record;
  cipher::KeyBlock derived;  // keeps the derived keys alive
  record::ProtectionKeys keys;
  Bytes mac_key, key, iv;
};

bool read_vector(Vector &v, const cipher::Provider &provider, RecordVector &out) {
  const std::string version_text = v.text("Version");
  const auto version = version_from_name(version_text);
  if (!version) {
    v.fail("unknown Version " + version_text);
    return false;
  }
  out.version = *version;
  const std::string suite_name = v.text("Suite");
  out.suite = cipher::find_suite(suite_name);
  if (out.suite == nullptr) {
    v.fail("unknown Suite " + suite_name);
    return false;
  }
  if (const auto etm = v.optional_text("EncryptThenMac")) out.encrypt_then_mac = *etm == "yes";
  out.sequence = v.number("Sequence");
  out.record = v.hex("Record");
  if (v.has("MasterSecret")) {
    const Bytes master = v.hex("MasterSecret");
    const Bytes client_random = v.hex("ClientRandom");
    const Bytes server_random = v.hex("ServerRandom");
    const std::string sender = v.text("Sender");
    if (sender != "client" && sender != "server") {
      v.fail("Sender must be client or server");
      return false;
    }
    out.derived = cipher::derive_key_block(provider, out.version, *out.suite, master, client_random,
                                           server_random);
    const bool client = sender == "client";
    out.keys.mac_key = client ? out.derived.client_write_mac_key : out.derived.server_write_mac_key;
    out.keys.key = client ? out.derived.client_write_key : out.derived.server_write_key;
    out.keys.iv = client ? out.derived.client_write_iv : out.derived.server_write_iv;
  } else {
    out.mac_key = v.optional_hex("MacKey").value_or(Bytes{});
    out.key = v.hex("Key");
    out.iv = v.optional_hex("IV").value_or(Bytes{});
    out.keys = {out.mac_key, out.key, out.iv};
  }
  return v.errors().empty();
}

void check_record(Vector &v, const cipher::Provider &provider, bool seal_too) {
  RecordVector rv;
  if (!read_vector(v, provider, rv)) return;
  const auto expected_result = v.optional_text("Result");
  const auto plaintext = expected_result ? std::optional<Bytes>() : v.hex("Plaintext");

  Reader header(rv.record, "Record");
  const std::uint8_t type = header.u8();
  const std::uint16_t wire_version = header.u16();
  const ByteView fragment = header.opaque16();
  if (!header.expect_end()) {
    v.fail("Record: " + header.message());
    return;
  }
  // What the record layer checks before the protection sees the record (the SSL 3.0 MAC does
  // not cover the version, so the header must be checked here too).
  if (!record::content_type_from_wire(type)) {
    v.fail("Record: content type " + std::to_string(type) + " is not a TLS content type");
    return;
  }
  if (wire_version != to_wire(rv.version)) {
    v.fail("Record: version " + std::to_string(wire_version) + " is not " +
           version_name(rv.version));
    return;
  }
  const record::RecordContext context{rv.sequence, static_cast<record::ContentType>(type),
                                      wire_version};

  // A non-owning handle: make_protection keeps the provider for explicit IVs, which opening
  // does not use.
  const std::shared_ptr<const cipher::Provider> handle(&provider, [](const cipher::Provider *) {});
  auto opener =
      record::make_protection(handle, rv.version, *rv.suite, rv.keys, rv.encrypt_then_mac);
  if (!opener) {
    v.fail("make_protection: " + opener.error().to_string());
    return;
  }
  Bytes work(fragment.begin(), fragment.end());
  auto opened = (*opener)->open(context, work);
  if (expected_result) {
    if (opened.ok())
      v.fail("Record opened, expected " + *expected_result);
    else if (*expected_result != alert_name(opened.error().alert))
      v.fail("Result: expected " + *expected_result + ", got " + opened.error().to_string());
    return;
  }
  if (!opened) {
    v.fail("open: " + opened.error().to_string());
    return;
  }
  v.expect_equal("Plaintext", *plaintext, *opened);
  if (!seal_too) return;

  // Seal with a fresh protection whose "random" explicit IV is the one in the record.
  const std::size_t iv_size = rv.suite->bulk().kind == cipher::CipherKind::cbc &&
                                      to_wire(rv.version) >= to_wire(ProtocolVersion::tls11)
                                  ? rv.suite->bulk().block_size
                                  : 0;
  const auto scripted = std::make_shared<ScriptedRandomProvider>(
      provider, fragment.first(std::min(iv_size, fragment.size())));
  auto sealer =
      record::make_protection(scripted, rv.version, *rv.suite, rv.keys, rv.encrypt_then_mac);
  if (!sealer) {
    v.fail("make_protection: " + sealer.error().to_string());
    return;
  }
  Bytes sealed((*sealer)->sealed_size(plaintext->size()));
  std::copy(plaintext->begin(), plaintext->end(),
            sealed.begin() + static_cast<std::ptrdiff_t>((*sealer)->plaintext_offset()));
  if (auto st = (*sealer)->seal(context, sealed, plaintext->size()); !st) {
    v.fail("seal: " + st.error().to_string());
    return;
  }
  v.expect_equal("Record (sealed again)", fragment, sealed);
}

}  // namespace

void add_record_checks(Registry &registry) {
  registry.add("RECORD", [](Vector &v, const cipher::Provider &p) { check_record(v, p, true); });
  registry.add("RECORD-OPEN",
               [](Vector &v, const cipher::Provider &p) { check_record(v, p, false); });
}

}  // namespace tls::vectors
