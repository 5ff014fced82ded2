#include "handshake/messages/client_key_exchange.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

const KeyExchangeContext kEcdhe{KeyExchangeKind::ecdhe, ProtocolVersion::tls12, false};
const KeyExchangeContext kRsa12{KeyExchangeKind::rsa, ProtocolVersion::tls12, false};
const KeyExchangeContext kRsaSsl3{KeyExchangeKind::rsa, ProtocolVersion::ssl3, false};
const KeyExchangeContext kDhe{KeyExchangeKind::dhe, ProtocolVersion::tls11, false};

TEST(ClientKeyExchange, ParsesTheIllustratedX25519Point) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(16));
  auto cke = ClientKeyExchange::parse(body, kEcdhe);
  ASSERT_TRUE(cke.ok()) << cke.error().to_string();
  EXPECT_EQ(cke->kx, KeyExchangeKind::ecdhe);
  // The page's client ephemeral public key.
  EXPECT_EQ(cke->exchange_keys,
            hex("358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254"));
}

TEST(ClientKeyExchange, TlsRsaHasALengthPrefix) {
  const Bytes body = body_of(load_capture("go_client_tlsv12_clientcert_rsa_rsa").message(16));
  ASSERT_EQ(body.size(), 0x82u);
  auto cke = ClientKeyExchange::parse(body, kRsa12);
  ASSERT_TRUE(cke.ok()) << cke.error().to_string();
  EXPECT_EQ(cke->exchange_keys.size(), 128u);
  EXPECT_EQ(cke->exchange_keys[0], 0x6d);
}

TEST(ClientKeyExchange, Ssl3RsaHasNoLengthPrefix) {
  const Bytes body = body_of(load_capture("go_server_sslv3_rsa_aes").message(16));
  ASSERT_EQ(body.size(), 0x80u);
  auto cke = ClientKeyExchange::parse(body, kRsaSsl3);
  ASSERT_TRUE(cke.ok()) << cke.error().to_string();
  EXPECT_EQ(cke->exchange_keys, body);  // all 128 bytes are the ciphertext
  EXPECT_EQ(*serialize(*cke, kRsaSsl3), body);
  // Read as TLS the first two bytes (74 50) would be a length the body does not hold.
  auto as_tls = ClientKeyExchange::parse(body, kRsa12);
  ASSERT_FALSE(as_tls.ok());
  EXPECT_EQ(as_tls.error().alert, AlertDescription::decode_error);
}

TEST(ClientKeyExchange, DheYc) {
  auto cke = ClientKeyExchange::parse(hex("0003 010203"), kDhe);
  ASSERT_TRUE(cke.ok());
  EXPECT_EQ(cke->exchange_keys, hex("010203"));
  EXPECT_EQ(*serialize(*cke, kDhe), hex("0003 010203"));
  EXPECT_FALSE(ClientKeyExchange::parse(hex("0000"), kDhe).ok());  // dh_Yc<1..2^16-1>
}

TEST(ClientKeyExchange, EmptyPointFails) {
  auto r = ClientKeyExchange::parse(hex("00"), kEcdhe);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
}

TEST(ClientKeyExchange, EveryTruncationAndTrailingByteFails) {
  const std::pair<Bytes, KeyExchangeContext> cases[] = {
      {body_of(load_capture("illustrated_tls12").message(16)), kEcdhe},
      {body_of(load_capture("go_client_tlsv12_clientcert_rsa_rsa").message(16)), kRsa12},
      {body_of(load_capture("go_client_tlsv10_ecdhe_rsa_aes").message(16)),
       {KeyExchangeKind::ecdhe, ProtocolVersion::tls10, false}},
  };
  for (const auto &[body, context] : cases) {
    auto parse = [context = context](ByteView b) {
      return ClientKeyExchange::parse(b, context).status();
    };
    testing::expect_truncations_fail(body, parse);
    testing::expect_trailing_byte_fails(body, parse);
  }
}

TEST(ClientKeyExchange, SerializeChecksTheContext) {
  ClientKeyExchange cke;
  cke.kx = KeyExchangeKind::ecdhe;
  cke.exchange_keys = Bytes(32, 1);
  EXPECT_FALSE(serialize(cke, kRsa12).ok());
  EXPECT_TRUE(serialize(cke, kEcdhe).ok());
  cke.exchange_keys = Bytes(256, 1);
  EXPECT_FALSE(serialize(cke, kEcdhe).ok());
  cke.exchange_keys.clear();
  EXPECT_FALSE(serialize(cke, kEcdhe).ok());
}

}  // namespace
}  // namespace tls::handshake
