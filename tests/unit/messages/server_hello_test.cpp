#include "handshake/messages/server_hello.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/extensions.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

Status parse_status(ByteView body) {
  return ServerHello::parse(body).status();
}

TEST(ServerHello, ParsesTheIllustratedHello) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(2));
  auto hello = ServerHello::parse(body);
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_EQ(hello->version, ProtocolVersion::tls12);
  for (std::size_t i = 0; i < 32; ++i)
    EXPECT_EQ(hello->random[i], 0x70 + i);
  EXPECT_TRUE(hello->session_id.empty());
  EXPECT_EQ(hello->cipher_suite, 0xc013);  // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
  EXPECT_EQ(hello->compression_method, 0);
  ASSERT_EQ(hello->extensions.size(), 1u);
  EXPECT_EQ(hello->extensions[0], (RawExtension{0xff01, {0x00}}));
  auto ext = parse_extensions(hello->extensions, ExtensionContext::server_hello);
  ASSERT_TRUE(ext.ok());
  EXPECT_EQ(ext->renegotiation_info, Bytes{});
}

TEST(ServerHello, ParsesGoHellos) {
  // TLS 1.0 with a session id and ec_point_formats {uncompressed, compressed prime, char2}.
  auto tls10 =
      ServerHello::parse(body_of(load_capture("go_client_tlsv10_ecdhe_rsa_aes").message(2)));
  ASSERT_TRUE(tls10.ok()) << tls10.error().to_string();
  EXPECT_EQ(tls10->version, ProtocolVersion::tls10);
  EXPECT_EQ(tls10->session_id,
            hex("7c86b44a64b26bee72d836fbf55ce37e1b3aff69b73d9248c7a1c69f69ab8a3d"));
  EXPECT_EQ(tls10->cipher_suite, 0xc013);
  auto ext = parse_extensions(tls10->extensions, ExtensionContext::server_hello);
  ASSERT_TRUE(ext.ok()) << ext.error().to_string();
  EXPECT_EQ(ext->ec_point_formats, hex("000102"));
  EXPECT_TRUE(allows_uncompressed_points(*ext));
  // SSL 3.0: only renegotiation_info.
  auto ssl3 = ServerHello::parse(body_of(load_capture("go_server_sslv3_rsa_aes").message(2)));
  ASSERT_TRUE(ssl3.ok());
  EXPECT_EQ(ssl3->version, ProtocolVersion::ssl3);
  EXPECT_EQ(ssl3->cipher_suite, 0x002f);
  ASSERT_EQ(ssl3->extensions.size(), 1u);
  EXPECT_EQ(ssl3->extensions[0].type, 0xff01);
  // A promised ticket: an empty session_ticket extension.
  auto ticket =
      ServerHello::parse(body_of(load_capture("go_server_tlsv12_issueticket").message(2)));
  ASSERT_TRUE(ticket.ok());
  auto ticket_ext = parse_extensions(ticket->extensions, ExtensionContext::server_hello);
  ASSERT_TRUE(ticket_ext.ok());
  EXPECT_EQ(ticket_ext->session_ticket, Bytes{});
}

TEST(ServerHello, EveryTruncationFails) {
  const Bytes body = body_of(load_capture("illustrated_tls12").message(2));
  // Cut before the extension block it is a valid hello without extensions.
  testing::expect_truncations_fail(body, parse_status, {body.size() - 7});
}

TEST(ServerHello, TrailingBytesFail) {
  testing::expect_trailing_byte_fails(body_of(load_capture("illustrated_tls12").message(2)),
                                      parse_status);
}

TEST(ServerHello, SessionIdLongerThan32Fails) {
  const std::string random(64, '7');
  auto ok = ServerHello::parse(hex("0303" + random + "20" + std::string(64, 'a') + "c02f00"));
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  auto bad = ServerHello::parse(hex("0303" + random + "21" + std::string(66, 'a') + "c02f00"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().alert, AlertDescription::decode_error);
  EXPECT_NE(bad.error().reason.find("session_id length 33"), std::string::npos);
}

TEST(ServerHello, DuplicateExtensionIsDecodeError) {
  auto r = ServerHello::parse(
      hex("0303" + std::string(64, '7') + "00c02f00" + "000a ff01000100 ff01000100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
}

TEST(ServerHello, KeepsWhatTheMachineMustJudge) {
  // Compression method 1 and an unoffered suite parse: the client machine decides.
  auto r = ServerHello::parse(hex("0303" + std::string(64, '7') + "00 5600 01"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->compression_method, 1);
  EXPECT_EQ(r->cipher_suite, 0x5600);
}

TEST(ServerHello, BuiltHelloRoundTrips) {
  ServerHello hello;
  hello.version = ProtocolVersion::tls12;
  hello.random.fill(3);
  hello.session_id = Bytes(32, 9);
  hello.cipher_suite = 0xc02b;
  hello.extensions = {{0xff01, {0}}, {0x0017, {}}};
  auto wire = serialize_message(hello);
  ASSERT_TRUE(wire.ok());
  EXPECT_EQ((*wire)[0], 2);
  auto back = ServerHello::parse(ByteView(*wire).subspan(4));
  ASSERT_TRUE(back.ok());
  hello.has_extensions_block = true;
  EXPECT_EQ(*back, hello);
  ServerHello bad = hello;
  bad.session_id.assign(33, 0);
  EXPECT_FALSE(serialize(bad).ok());
}

}  // namespace
}  // namespace tls::handshake
