#include "handshake/extension_rules.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"
#include "handshake/messages/server_hello.hpp"

namespace tls::handshake {
namespace {

using testing::body_of;
using testing::hex;
using testing::load_capture;

TEST(OfferedExtensions, TheHelloTypesPlusRenegotiationInfoForTheScsv) {
  auto illustrated = ClientHello::parse(body_of(load_capture("illustrated_tls12").message(1)));
  ASSERT_TRUE(illustrated.ok());
  EXPECT_EQ(offered_extension_types(*illustrated),
            (std::vector<std::uint16_t>{0, 5, 10, 11, 13, 0xff01, 18}));
  // OpenSSL's SSL 3.0 hello: no extensions, but TLS_EMPTY_RENEGOTIATION_INFO_SCSV.
  auto ssl3 = ClientHello::parse(body_of(load_capture("go_server_sslv3_rsa_aes").message(1)));
  ASSERT_TRUE(ssl3.ok());
  EXPECT_EQ(offered_extension_types(*ssl3), std::vector<std::uint16_t>{0xff01});
}

TEST(ServerExtensions, PublishedAnswersPassTheCheck) {
  const char *captures[] = {"illustrated_tls12", "go_client_tlsv12_clientcert_rsa_rsa",
                            "go_client_tlsv10_ecdhe_rsa_aes", "go_server_tlsv12_issueticket",
                            "go_server_sslv3_rsa_aes"};
  for (const char *name : captures) {
    const auto capture = load_capture(name);
    auto client = ClientHello::parse(body_of(capture.message(1)));
    auto server = ServerHello::parse(body_of(capture.message(2)));
    ASSERT_TRUE(client.ok() && server.ok()) << name;
    const auto offered = offered_extension_types(*client);
    EXPECT_TRUE(check_server_hello_extensions(server->extensions, offered, server->version).ok())
        << name;
  }
}

TEST(ServerExtensions, UnofferedTypeIsUnsupportedExtension) {
  const std::vector<std::uint16_t> offered = {0, 23};
  const std::vector<RawExtension> answer = {{23, {}}, {22, {}}};
  const Status s = check_server_hello_extensions(answer, offered, ProtocolVersion::tls12);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().alert, AlertDescription::unsupported_extension);
  EXPECT_NE(s.error().reason.find("encrypt_then_mac (0x0016) was not offered"), std::string::npos)
      << s.error().reason;
}

TEST(ServerExtensions, Ssl3AllowsOnlyRenegotiationInfo) {
  const std::vector<std::uint16_t> offered = {0xff01, 23};
  const std::vector<RawExtension> reneg = {{0xff01, {0}}};
  const std::vector<RawExtension> ems = {{23, {}}};
  EXPECT_TRUE(check_server_hello_extensions(reneg, offered, ProtocolVersion::ssl3).ok());
  const Status s = check_server_hello_extensions(ems, offered, ProtocolVersion::ssl3);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().alert, AlertDescription::unsupported_extension);
  EXPECT_TRUE(check_server_hello_extensions(ems, offered, ProtocolVersion::tls10).ok());
  EXPECT_TRUE(allowed_in_ssl3_server_hello(0xff01));
  EXPECT_FALSE(allowed_in_ssl3_server_hello(0));
}

TEST(ServerExtensions, RestrictToSsl3KeepsOnlyRenegotiationInfo) {
  Extensions e;
  e.renegotiation_info = hex("0102");
  e.extended_master_secret = true;
  e.server_name = "";
  e.unknown.push_back({0x1234, {}});
  restrict_to_ssl3(e);
  Extensions expected;
  expected.renegotiation_info = hex("0102");
  EXPECT_EQ(e, expected);
}

TEST(Padding, LengthFollowsTheF5Rule) {
  EXPECT_EQ(client_hello_padding_length(255), std::nullopt);
  EXPECT_EQ(client_hello_padding_length(256), 252u);  // 256 + 4 + 252 = 512
  EXPECT_EQ(client_hello_padding_length(300), 208u);
  EXPECT_EQ(client_hello_padding_length(507), 1u);  // 507 + 4 + 1 = 512
  EXPECT_EQ(client_hello_padding_length(508), 1u);  // at least one byte: 513
  EXPECT_EQ(client_hello_padding_length(511), 1u);
  EXPECT_EQ(client_hello_padding_length(512), std::nullopt);
  for (std::size_t n = 256; n <= 507; ++n) {
    EXPECT_EQ(n + 4 + *client_hello_padding_length(n), 512u) << n;
  }
}

// A hello whose handshake message is `message_size` bytes: header 4, version 2, random 32,
// session_id 1 + (0 or 1), cipher_suites 2 + 2n, compression 2, block 2 when present.
ClientHello hello_of_size(std::size_t message_size, bool with_block) {
  ClientHello hello;
  std::size_t rest = message_size - (4 + 2 + 32 + 1 + 2 + 2 + (with_block ? 2 : 0));
  if (rest % 2 != 0) {
    hello.session_id = {0x42};
    rest -= 1;
  }
  hello.cipher_suites.assign(rest / 2, 0xc02f);
  hello.has_extensions_block = with_block;
  return hello;
}

TEST(Padding, PadClientHelloReaches512) {
  for (std::size_t size : {300u, 400u, 500u, 506u}) {
    ClientHello hello = hello_of_size(size, true);
    ASSERT_EQ(serialize_message(hello)->size(), size);
    auto padded = pad_client_hello(hello);
    ASSERT_TRUE(padded.ok());
    EXPECT_TRUE(*padded);
    EXPECT_EQ(serialize_message(hello)->size(), 512u) << size;
    ASSERT_EQ(hello.extensions.back().type, 21);
    EXPECT_EQ(hello.extensions.back().data, Bytes(hello.extensions.back().data.size(), 0));
    // A second call refuses to pad twice.
    EXPECT_FALSE(pad_client_hello(hello).ok());
  }
}

TEST(Padding, HelloWithoutBlockGetsOne) {
  ClientHello hello = hello_of_size(400, false);
  ASSERT_EQ(serialize_message(hello)->size(), 400u);
  ASSERT_TRUE(*pad_client_hello(hello));
  EXPECT_TRUE(hello.has_extensions_block);
  EXPECT_EQ(serialize_message(hello)->size(), 512u);
  // 510 bytes without a block: 512 once the block is added, still padded (by one byte).
  ClientHello edge = hello_of_size(510, false);
  ASSERT_EQ(serialize_message(edge)->size(), 510u);
  ASSERT_TRUE(*pad_client_hello(edge));
  EXPECT_EQ(serialize_message(edge)->size(), 517u);
}

TEST(Padding, SmallAndLargeHellosAreLeftAlone) {
  for (std::size_t size : {100u, 254u, 512u, 600u}) {
    ClientHello hello = hello_of_size(size, true);
    ASSERT_EQ(serialize_message(hello)->size(), size);
    const ClientHello before = hello;
    auto padded = pad_client_hello(hello);
    ASSERT_TRUE(padded.ok());
    EXPECT_FALSE(*padded) << size;
    EXPECT_EQ(hello, before);
  }
}

}  // namespace
}  // namespace tls::handshake
