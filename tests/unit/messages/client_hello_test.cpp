// ClientHello: published hellos (The Illustrated TLS 1.2 Connection; Go's recorded OpenSSL
// SSL 3.0 client), round trips, truncations, and every rule parse() enforces.
#include "handshake/messages/client_hello.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/extensions.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

Status parse_status(ByteView body) {
  return ClientHello::parse(body).status();
}

Bytes illustrated_hello() {
  return load_capture("illustrated_tls12").message(1);
}

TEST(ClientHello, ParsesTheIllustratedHello) {
  const Bytes body = body_of(illustrated_hello());
  ASSERT_EQ(body.size(), 0xa1u);  // the handshake header says 161 bytes
  auto hello = ClientHello::parse(body);
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_EQ(hello->version, ProtocolVersion::tls12);
  for (std::size_t i = 0; i < 32; ++i)
    EXPECT_EQ(hello->random[i], i);
  EXPECT_TRUE(hello->session_id.empty());
  const std::vector<std::uint16_t> suites = {0xcca8, 0xcca9, 0xc02f, 0xc030, 0xc02b, 0xc02c,
                                             0xc013, 0xc009, 0xc014, 0xc00a, 0x009c, 0x009d,
                                             0x002f, 0x0035, 0xc012, 0x000a};
  EXPECT_EQ(hello->cipher_suites, suites);
  EXPECT_EQ(hello->compression_methods, Bytes{0});
  EXPECT_TRUE(hello->has_extensions_block);
  ASSERT_EQ(hello->extensions.size(), 7u);
  const std::uint16_t types[] = {0x0000, 0x0005, 0x000a, 0x000b, 0x000d, 0xff01, 0x0012};
  for (std::size_t i = 0; i < 7; ++i)
    EXPECT_EQ(hello->extensions[i].type, types[i]) << i;
  EXPECT_EQ(hello->extensions[1].data, hex("01 00 00 00 00"));  // status_request, kept raw
  EXPECT_TRUE(hello->extensions[6].data.empty());               // signed_certificate_timestamp
  EXPECT_TRUE(hello->offers_suite(0xc013));
  EXPECT_FALSE(hello->offers_suite(0x00ff));
  ASSERT_NE(hello->find_extension(0xff01), nullptr);
  EXPECT_EQ(hello->find_extension(0xff01)->data, Bytes{0});
}

TEST(ClientHello, IllustratedHelloHasTheTypedExtensionsThePageDescribes) {
  auto hello = ClientHello::parse(body_of(illustrated_hello()));
  ASSERT_TRUE(hello.ok());
  auto ext = parse_extensions(hello->extensions, ExtensionContext::client_hello);
  ASSERT_TRUE(ext.ok()) << ext.error().to_string();
  EXPECT_EQ(ext->server_name, "example.ulfheim.net");
  EXPECT_EQ(ext->supported_groups, (std::vector<std::uint16_t>{0x001d, 0x0017, 0x0018, 0x0019}));
  EXPECT_EQ(ext->ec_point_formats, Bytes{0});
  EXPECT_EQ(
      ext->signature_algorithms,
      (std::vector<std::uint16_t>{0x0401, 0x0403, 0x0501, 0x0503, 0x0601, 0x0603, 0x0201, 0x0203}));
  EXPECT_EQ(ext->renegotiation_info, Bytes{});
  ASSERT_EQ(ext->unknown.size(), 2u);
  EXPECT_EQ(ext->unknown[0].type, 0x0005);
  EXPECT_EQ(ext->unknown[1].type, 0x0012);
  EXPECT_FALSE(ext->extended_master_secret);
}

TEST(ClientHello, RoundTripsEveryPublishedHello) {
  const char *captures[] = {"illustrated_tls12", "go_server_sslv3_rsa_aes",
                            "go_client_tlsv12_clientcert_rsa_rsa", "go_client_tlsv10_ecdhe_rsa_aes",
                            "go_server_tlsv12_issueticket"};
  for (const char *name : captures) {
    const Bytes message = load_capture(name).message(1);
    auto hello = ClientHello::parse(body_of(message));
    ASSERT_TRUE(hello.ok()) << name << ": " << hello.error().to_string();
    auto wire = serialize_message(*hello);
    ASSERT_TRUE(wire.ok()) << name;
    EXPECT_EQ(*wire, message) << name;
    auto ext = parse_extensions(hello->extensions, ExtensionContext::client_hello);
    EXPECT_TRUE(ext.ok()) << name << ": " << ext.error().to_string();
  }
}

TEST(ClientHello, Ssl3HelloWithoutExtensionBlock) {
  const Bytes message = load_capture("go_server_sslv3_rsa_aes").message(1);
  auto hello = ClientHello::parse(body_of(message));
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_EQ(hello->version, ProtocolVersion::ssl3);
  EXPECT_EQ(hello->cipher_suites, (std::vector<std::uint16_t>{0x002f, 0x00ff}));
  EXPECT_FALSE(hello->has_extensions_block);
  EXPECT_TRUE(hello->extensions.empty());
  EXPECT_EQ(hello->random[0], 0x52);
  EXPECT_EQ(hello->random[31], 0x27);
}

TEST(ClientHello, EmptyExtensionBlockIsKeptDistinctFromNone) {
  Bytes body = body_of(load_capture("go_server_sslv3_rsa_aes").message(1));
  body.push_back(0);
  body.push_back(0);
  auto hello = ClientHello::parse(body);
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_TRUE(hello->has_extensions_block);
  EXPECT_TRUE(hello->extensions.empty());
  auto wire = serialize(*hello);
  ASSERT_TRUE(wire.ok());
  EXPECT_EQ(*wire, body);
}

TEST(ClientHello, EveryTruncationFails) {
  const Bytes body = body_of(illustrated_hello());
  // Cut right after compression_methods it is a valid hello without extensions.
  const std::size_t before_extensions = body.size() - 2 - 0x58;
  testing::expect_truncations_fail(body, parse_status, {before_extensions});
  testing::expect_truncations_fail(body_of(load_capture("go_server_sslv3_rsa_aes").message(1)),
                                   parse_status);
}

TEST(ClientHello, TrailingBytesFail) {
  testing::expect_trailing_byte_fails(body_of(illustrated_hello()), parse_status);
  testing::expect_trailing_byte_fails(body_of(load_capture("go_server_sslv3_rsa_aes").message(1)),
                                      parse_status);
}

// A small hello assembled field by field, for the rule tests.
Bytes hello_with(const std::string &session_id, const std::string &suites,
                 const std::string &compression, const std::string &extensions = "") {
  return hex("0303" + std::string(64, '1') + session_id + suites + compression + extensions);
}

TEST(ClientHello, MinimalHelloParses) {
  auto hello = ClientHello::parse(hello_with("00", "0002c02f", "0100"));
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_EQ(hello->cipher_suites, std::vector<std::uint16_t>{0xc02f});
  EXPECT_EQ(hello->random[0], 0x11);
}

TEST(ClientHello, SessionIdOf32BytesParsesAnd33Fails) {
  auto ok = ClientHello::parse(hello_with("20" + std::string(64, 'a'), "0002c02f", "0100"));
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(ok->session_id.size(), 32u);
  auto bad = ClientHello::parse(hello_with("21" + std::string(66, 'a'), "0002c02f", "0100"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().alert, AlertDescription::decode_error);
  EXPECT_NE(bad.error().reason.find("session_id length 33 exceeds 32"), std::string::npos)
      << bad.error().reason;
}

TEST(ClientHello, EmptyCipherListFails) {
  auto r = ClientHello::parse(hello_with("00", "0000", "0100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  EXPECT_NE(r.error().reason.find("cipher_suites is empty"), std::string::npos);
}

TEST(ClientHello, OddCipherListLengthFails) {
  auto r = ClientHello::parse(hello_with("00", "0003c02f00", "0100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  EXPECT_NE(r.error().reason.find("odd length"), std::string::npos);
}

TEST(ClientHello, CompressionWithoutNullIsIllegalParameter) {
  auto r = ClientHello::parse(hello_with("00", "0002c02f", "0101"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::illegal_parameter);
  EXPECT_NE(r.error().reason.find("does not include null"), std::string::npos);
  // null among others is fine (a pre-2012 client offering DEFLATE too).
  EXPECT_TRUE(ClientHello::parse(hello_with("00", "0002c02f", "020100")).ok());
}

TEST(ClientHello, EmptyCompressionListFails) {
  auto r = ClientHello::parse(hello_with("00", "0002c02f", "00"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
}

TEST(ClientHello, DuplicateExtensionIsDecodeError) {
  auto r = ClientHello::parse(hello_with("00", "0002c02f", "0100", "0008 00170000 00170000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  EXPECT_NE(r.error().reason.find("duplicate extension extended_master_secret"), std::string::npos)
      << r.error().reason;
  // Different types are fine.
  EXPECT_TRUE(
      ClientHello::parse(hello_with("00", "0002c02f", "0100", "0008 00170000 00160000")).ok());
}

TEST(ClientHello, ExtensionOverrunningItsBlockFails) {
  // The extension claims 5 bytes of data inside a 4-byte block.
  auto r = ClientHello::parse(hello_with("00", "0002c02f", "0100", "0004 00170005"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
}

TEST(ClientHello, ErrorNamesTheMessageAndTheOffset) {
  auto r = ClientHello::parse(hello_with("00", "0003c02f00", "0100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason.rfind("ClientHello: at offset ", 0), 0u) << r.error().reason;
}

TEST(ClientHello, SerializeRefusesWhatParseRefuses) {
  ClientHello hello;
  hello.cipher_suites = {0xc02f};
  EXPECT_TRUE(serialize(hello).ok());
  ClientHello long_id = hello;
  long_id.session_id.assign(33, 1);
  EXPECT_EQ(serialize(long_id).error().alert, AlertDescription::internal_error);
  ClientHello no_suites = hello;
  no_suites.cipher_suites.clear();
  EXPECT_FALSE(serialize(no_suites).ok());
  ClientHello no_null = hello;
  no_null.compression_methods = {1};
  EXPECT_FALSE(serialize(no_null).ok());
  ClientHello duplicate = hello;
  duplicate.extensions = {{23, {}}, {23, {}}};
  EXPECT_FALSE(serialize(duplicate).ok());
}

TEST(ClientHello, BuiltHelloParsesBackEqual) {
  ClientHello hello;
  hello.version = ProtocolVersion::tls11;
  hello.random.fill(0x5a);
  hello.session_id = Bytes(32, 7);
  hello.cipher_suites = {0xc02f, 0x009c, 0x00ff};
  hello.extensions = {{0x0017, {}}, {0xff01, {0x00}}};
  auto wire = serialize(hello);
  ASSERT_TRUE(wire.ok());
  auto back = ClientHello::parse(*wire);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  hello.has_extensions_block = true;  // parse reports the block it saw
  EXPECT_EQ(*back, hello);
}

}  // namespace
}  // namespace tls::handshake
