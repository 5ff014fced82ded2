#include "handshake/messages/server_key_exchange.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/client_hello.hpp"
#include "handshake/messages/server_hello.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

const KeyExchangeContext kEcdhe12{KeyExchangeKind::ecdhe, ProtocolVersion::tls12, false};
const KeyExchangeContext kEcdhe10{KeyExchangeKind::ecdhe, ProtocolVersion::tls10, false};
const KeyExchangeContext kDhe12{KeyExchangeKind::dhe, ProtocolVersion::tls12, false};

TEST(ServerKeyExchange, ParsesTheIllustratedX25519Exchange) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(12));
  auto ske = ServerKeyExchange::parse(body, kEcdhe12);
  ASSERT_TRUE(ske.ok()) << ske.error().to_string();
  EXPECT_EQ(ske->kx(), KeyExchangeKind::ecdhe);
  ASSERT_NE(ske->ecdh(), nullptr);
  EXPECT_EQ(ske->dh(), nullptr);
  EXPECT_EQ(ske->ecdh()->named_group, 0x001d);
  // The page's server ephemeral public key.
  EXPECT_EQ(ske->ecdh()->point,
            hex("9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615"));
  ASSERT_TRUE(ske->signature.has_value());
  EXPECT_EQ(ske->signature->scheme, 0x0401);  // RSA with SHA-256
  EXPECT_EQ(ske->signature->signature.size(), 256u);
  EXPECT_EQ(Bytes(ske->signature->signature.begin(), ske->signature->signature.begin() + 4),
            hex("0402b661"));
  // The signed params are "the curve info section" + "the public key sections" (the page's
  // signature computation).
  EXPECT_EQ(ske->raw_params,
            hex("03001d 20 9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615"));
  auto encoded = encode_server_params(*ske);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(*encoded, ske->raw_params);
}

TEST(ServerKeyExchange, SignedContentIsTheRandomsThenTheParams) {
  const auto capture = load_capture("illustrated_tls12");
  auto client = ClientHello::parse(body_of(capture.message(1)));
  auto server = ServerHello::parse(body_of(capture.message(2)));
  auto ske = ServerKeyExchange::parse(body_of(capture.message(12)), kEcdhe12);
  ASSERT_TRUE(client.ok() && server.ok() && ske.ok());
  const Bytes content =
      server_key_exchange_signed_content(client->random, server->random, ske->raw_params);
  // The page builds /tmp/compute from client random 00..1f, server random 70..8f, 03 00 1d,
  // then 20 9f d7 ... b6 15.
  EXPECT_EQ(content, hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                         "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f"
                         "03001d209fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a98"
                         "2880b615"));
}

TEST(ServerKeyExchange, ParsesTheTls10FormWithoutSignatureAlgorithm) {
  const Bytes body = body_of(load_capture("go_client_tlsv10_ecdhe_rsa_aes").message(12));
  auto ske = ServerKeyExchange::parse(body, kEcdhe10);
  ASSERT_TRUE(ske.ok()) << ske.error().to_string();
  EXPECT_EQ(ske->ecdh()->named_group, 0x0017);  // secp256r1
  EXPECT_EQ(ske->ecdh()->point.size(), 65u);
  EXPECT_EQ(ske->ecdh()->point[0], 0x04);
  ASSERT_TRUE(ske->signature.has_value());
  EXPECT_FALSE(ske->signature->scheme.has_value());
  EXPECT_EQ(ske->signature->signature.size(), 128u);
  // Read as TLS 1.2 the same bytes do not fit.
  EXPECT_FALSE(ServerKeyExchange::parse(body, kEcdhe12).ok());
}

TEST(ServerKeyExchange, DheParamsAndAnonymousForm) {
  // dh_p = 0x17 (2 bytes with a leading 00), dh_g = 2, dh_Ys = 0x05, then a TLS 1.2 signature.
  const Bytes body = hex("0002 0017 0001 02 0001 05  0401 0003 aabbcc");
  auto ske = ServerKeyExchange::parse(body, kDhe12);
  ASSERT_TRUE(ske.ok()) << ske.error().to_string();
  ASSERT_NE(ske->dh(), nullptr);
  EXPECT_EQ(ske->dh()->p, hex("0017"));
  EXPECT_EQ(ske->dh()->g, hex("02"));
  EXPECT_EQ(ske->dh()->ys, hex("05"));
  EXPECT_EQ(ske->raw_params, hex("0002 0017 0001 02 0001 05"));
  EXPECT_EQ(ske->signature->signature, hex("aabbcc"));
  EXPECT_EQ(*serialize(*ske, kDhe12), body);

  // DH_anon: the params alone.
  const KeyExchangeContext anon{KeyExchangeKind::dhe, ProtocolVersion::tls12, true};
  const Bytes params = hex("0002 0017 0001 02 0001 05");
  auto anonymous = ServerKeyExchange::parse(params, anon);
  ASSERT_TRUE(anonymous.ok());
  EXPECT_FALSE(anonymous->signature.has_value());
  EXPECT_EQ(*serialize(*anonymous, anon), params);
  // The same params with a signature appended are trailing bytes for an anonymous suite.
  EXPECT_FALSE(ServerKeyExchange::parse(body, anon).ok());
}

TEST(ServerKeyExchange, EmptyDhValuesFail) {
  for (const char *body : {"0000 0001 02 0001 05 0401 0000", "0001 17 0000 0001 05 0401 0000",
                           "0001 17 0001 02 0000 0401 0000"}) {
    auto r = ServerKeyExchange::parse(hex(body), kDhe12);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  }
}

TEST(ServerKeyExchange, ExplicitCurvesAreIllegalParameter) {
  auto r = ServerKeyExchange::parse(hex("01 0017 01 04 0401 0000"), kEcdhe12);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::illegal_parameter);
  EXPECT_NE(r.error().reason.find("curve_type 1 is not named_curve"), std::string::npos);
}

TEST(ServerKeyExchange, EmptyPointFails) {
  auto r = ServerKeyExchange::parse(hex("03 001d 00 0401 0000"), kEcdhe12);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
}

TEST(ServerKeyExchange, RsaKeyExchangeHasNone) {
  const KeyExchangeContext rsa{KeyExchangeKind::rsa, ProtocolVersion::tls12, false};
  auto r = ServerKeyExchange::parse(body_of(load_capture("illustrated_tls12").message(12)), rsa);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::unexpected_message);
}

TEST(ServerKeyExchange, EveryTruncationAndTrailingByteFails) {
  const Bytes tls12 = body_of(load_capture("illustrated_tls12").message(12));
  auto parse12 = [](ByteView b) { return ServerKeyExchange::parse(b, kEcdhe12).status(); };
  testing::expect_truncations_fail(tls12, parse12);
  testing::expect_trailing_byte_fails(tls12, parse12);
  const Bytes tls10 = body_of(load_capture("go_client_tlsv10_ecdhe_rsa_aes").message(12));
  auto parse10 = [](ByteView b) { return ServerKeyExchange::parse(b, kEcdhe10).status(); };
  testing::expect_truncations_fail(tls10, parse10);
  testing::expect_trailing_byte_fails(tls10, parse10);
}

TEST(ServerKeyExchange, SerializeChecksTheContext) {
  auto ske =
      ServerKeyExchange::parse(body_of(load_capture("illustrated_tls12").message(12)), kEcdhe12);
  ASSERT_TRUE(ske.ok());
  // Wrong kind, missing algorithm for TLS 1.2, algorithm in TLS 1.0, anonymous with signature.
  EXPECT_FALSE(serialize(*ske, kDhe12).ok());
  EXPECT_FALSE(serialize(*ske, kEcdhe10).ok());
  EXPECT_FALSE(serialize(*ske, {KeyExchangeKind::ecdhe, ProtocolVersion::tls12, true}).ok());
  ServerKeyExchange unsigned_copy = *ske;
  unsigned_copy.signature.reset();
  EXPECT_FALSE(serialize(unsigned_copy, kEcdhe12).ok());
  ServerKeyExchange no_scheme = *ske;
  no_scheme.signature->scheme.reset();
  EXPECT_FALSE(serialize(no_scheme, kEcdhe12).ok());
  EXPECT_TRUE(serialize(no_scheme, kEcdhe10).ok());
  ServerKeyExchange empty_point = *ske;
  std::get<ServerEcdhParams>(empty_point.params).point.clear();
  EXPECT_FALSE(serialize(empty_point, kEcdhe12).ok());
}

}  // namespace
}  // namespace tls::handshake
