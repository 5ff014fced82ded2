// The typed extensions: both forms of every extension, the errors and their alerts, unknown
// extensions kept raw in order, and serialization.
#include "handshake/extensions.hpp"

#include <gtest/gtest.h>

#include "capture.hpp"

namespace tls::handshake {
namespace {

using testing::hex;

constexpr auto kClient = ExtensionContext::client_hello;
constexpr auto kServer = ExtensionContext::server_hello;

Result<Extensions> parse_one(std::uint16_t type, const std::string &data, ExtensionContext ctx) {
  const RawExtension raw{type, hex(data)};
  return parse_extensions(std::span<const RawExtension>(&raw, 1), ctx);
}

void expect_alert(const Result<Extensions> &r, AlertDescription alert, const char *what) {
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.error().alert, alert) << what << ": " << r.error().to_string();
}

// Parses `data` as extension `type`, serializes it back and expects the same bytes.
void expect_round_trip(std::uint16_t type, const std::string &data, ExtensionContext ctx) {
  auto parsed = parse_one(type, data, ctx);
  ASSERT_TRUE(parsed.ok()) << data << ": " << parsed.error().to_string();
  auto raw = serialize_extensions(*parsed, ctx);
  ASSERT_TRUE(raw.ok()) << raw.error().to_string();
  ASSERT_EQ(raw->size(), 1u);
  EXPECT_EQ((*raw)[0], (RawExtension{type, hex(data)}));
}

TEST(ServerName, ClientFormHoldsTheHostName) {
  auto r = parse_one(0, "000e 00 000b 6578616d706c652e636f6d", kClient);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->server_name, "example.com");
  expect_round_trip(0, "000e 00 000b 6578616d706c652e636f6d", kClient);
}

TEST(ServerName, ServerFormIsEmpty) {
  auto r = parse_one(0, "", kServer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->server_name, "");
  expect_round_trip(0, "", kServer);
  expect_alert(parse_one(0, "0000", kServer), AlertDescription::decode_error, "non-empty ack");
}

TEST(ServerName, BadNamesAreRefusedWithTheirAlerts) {
  expect_alert(parse_one(0, "", kClient), AlertDescription::decode_error, "no list");
  expect_alert(parse_one(0, "0000", kClient), AlertDescription::decode_error, "empty list");
  expect_alert(parse_one(0, "0003 00 0000", kClient), AlertDescription::decode_error, "empty name");
  expect_alert(parse_one(0, "0006 00 0003 610062", kClient), AlertDescription::unrecognized_name,
               "NUL");
  expect_alert(parse_one(0, "0004 01 0001 61", kClient), AlertDescription::decode_error,
               "unknown name type");
  expect_alert(parse_one(0, "0008 00 0001 61 00 0001 62", kClient),
               AlertDescription::illegal_parameter, "two host names");
  expect_alert(parse_one(0, "0005 00 0003 6162", kClient), AlertDescription::decode_error,
               "name overruns the list");
  // 255 bytes is the longest accepted name; 256 is refused.
  const std::string label(255 * 2, '6');
  auto longest = parse_one(0, "0102 00 00ff " + label, kClient);
  ASSERT_TRUE(longest.ok()) << longest.error().to_string();
  EXPECT_EQ(longest->server_name->size(), 255u);
  expect_alert(parse_one(0, "0103 00 0100 " + label + "66", kClient),
               AlertDescription::unrecognized_name, "256-byte name");
}

TEST(ServerName, SerializeRefusesBadNames) {
  Extensions e;
  e.server_name = "";
  EXPECT_FALSE(serialize_extensions(e, kClient).ok());
  e.server_name = std::string("a\0b", 3);
  EXPECT_FALSE(serialize_extensions(e, kClient).ok());
  e.server_name = std::string(256, 'a');
  EXPECT_FALSE(serialize_extensions(e, kClient).ok());
  e.server_name = "x";
  EXPECT_FALSE(serialize_extensions(e, kServer).ok());  // the server's form is empty
}

TEST(MaxFragmentLength, CodesOneToFour) {
  for (int code = 1; code <= 4; ++code) {
    char data[3];
    std::snprintf(data, sizeof data, "%02x", code);
    auto r = parse_one(1, data, kClient);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->max_fragment_length, code);
    expect_round_trip(1, data, kServer);
  }
  EXPECT_EQ(max_fragment_length_bytes(1), 512u);
  EXPECT_EQ(max_fragment_length_bytes(4), 4096u);
  EXPECT_EQ(max_fragment_length_bytes(5), 0u);
  expect_alert(parse_one(1, "00", kClient), AlertDescription::illegal_parameter, "code 0");
  expect_alert(parse_one(1, "05", kClient), AlertDescription::illegal_parameter, "code 5");
  expect_alert(parse_one(1, "", kClient), AlertDescription::decode_error, "empty");
  expect_alert(parse_one(1, "0101", kClient), AlertDescription::decode_error, "two bytes");
}

TEST(SupportedGroups, ClientOnlyEvenNonEmpty) {
  auto r = parse_one(10, "0006 001d 0017 0018", kClient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->supported_groups, (std::vector<std::uint16_t>{29, 23, 24}));
  expect_round_trip(10, "0006 001d 0017 0018", kClient);
  expect_alert(parse_one(10, "0000", kClient), AlertDescription::decode_error, "empty");
  expect_alert(parse_one(10, "0003 001d00", kClient), AlertDescription::decode_error, "odd");
  expect_alert(parse_one(10, "0004 001d", kClient), AlertDescription::decode_error, "overrun");
  expect_alert(parse_one(10, "0002 001d", kServer), AlertDescription::unsupported_extension,
               "in a ServerHello");
}

TEST(EcPointFormats, BothForms) {
  auto r = parse_one(11, "03 000102", kServer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ec_point_formats, hex("000102"));
  EXPECT_TRUE(allows_uncompressed_points(*r));
  expect_round_trip(11, "01 00", kClient);
  expect_alert(parse_one(11, "00", kClient), AlertDescription::decode_error, "empty");
  auto compressed_only = parse_one(11, "01 01", kClient);
  ASSERT_TRUE(compressed_only.ok());
  EXPECT_FALSE(allows_uncompressed_points(*compressed_only));
  EXPECT_TRUE(allows_uncompressed_points(Extensions{}));
}

TEST(SignatureAlgorithms, ClientOnlyEvenNonEmpty) {
  auto r = parse_one(13, "0004 0804 0403", kClient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->signature_algorithms, (std::vector<std::uint16_t>{0x0804, 0x0403}));
  expect_round_trip(13, "0004 0804 0403", kClient);
  expect_alert(parse_one(13, "0000", kClient), AlertDescription::decode_error, "empty");
  expect_alert(parse_one(13, "0001 08", kClient), AlertDescription::decode_error, "odd");
  expect_alert(parse_one(13, "0002 0401", kServer), AlertDescription::unsupported_extension,
               "in a ServerHello");
}

TEST(Alpn, ClientListAndServerChoice) {
  auto r = parse_one(16, "000c 02 6832 08 687474702f312e31", kClient);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->alpn, (std::vector<std::string>{"h2", "http/1.1"}));
  expect_round_trip(16, "000c 02 6832 08 687474702f312e31", kClient);
  auto s = parse_one(16, "0003 02 6832", kServer);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->alpn, std::vector<std::string>{"h2"});
  expect_alert(parse_one(16, "000c 02 6832 08 687474702f312e31", kServer),
               AlertDescription::decode_error, "server picks two");
  expect_alert(parse_one(16, "0000", kClient), AlertDescription::decode_error, "empty list");
  expect_alert(parse_one(16, "0003 00 0168", kClient), AlertDescription::decode_error,
               "empty name");
  Extensions e;
  e.alpn = std::vector<std::string>{"h2", "http/1.1"};
  EXPECT_FALSE(serialize_extensions(e, kServer).ok());
  e.alpn = std::vector<std::string>{""};
  EXPECT_FALSE(serialize_extensions(e, kClient).ok());
}

TEST(EmptyFlagExtensions, EncryptThenMacAndExtendedMasterSecret) {
  for (std::uint16_t type : {22, 23}) {
    for (auto ctx : {kClient, kServer}) {
      auto r = parse_one(type, "", ctx);
      ASSERT_TRUE(r.ok());
      EXPECT_TRUE(type == 22 ? r->encrypt_then_mac : r->extended_master_secret);
      EXPECT_TRUE(r->has(type));
      expect_round_trip(type, "", ctx);
      expect_alert(parse_one(type, "00", ctx), AlertDescription::decode_error, "not empty");
    }
  }
}

TEST(RecordSizeLimit, AtLeast64) {
  auto r = parse_one(28, "4001", kClient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->record_size_limit, 0x4001);
  expect_round_trip(28, "0040", kServer);
  expect_alert(parse_one(28, "003f", kClient), AlertDescription::illegal_parameter, "63");
  expect_alert(parse_one(28, "40", kClient), AlertDescription::decode_error, "one byte");
  expect_alert(parse_one(28, "400100", kClient), AlertDescription::decode_error, "three bytes");
  Extensions e;
  e.record_size_limit = 10;
  EXPECT_FALSE(serialize_extensions(e, kClient).ok());
}

TEST(SessionTicket, ClientTicketAndServerPromise) {
  auto empty = parse_one(35, "", kClient);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->session_ticket, Bytes{});
  auto ticket = parse_one(35, "0102030405", kClient);
  ASSERT_TRUE(ticket.ok());
  EXPECT_EQ(ticket->session_ticket, hex("0102030405"));
  expect_round_trip(35, "0102030405", kClient);
  expect_round_trip(35, "", kServer);
  expect_alert(parse_one(35, "01", kServer), AlertDescription::decode_error, "server ticket data");
}

TEST(RenegotiationInfo, BothForms) {
  auto initial = parse_one(0xff01, "00", kClient);
  ASSERT_TRUE(initial.ok());
  EXPECT_EQ(initial->renegotiation_info, Bytes{});
  auto reneg = parse_one(0xff01, "18 " + std::string(48, 'a'), kServer);
  ASSERT_TRUE(reneg.ok());
  EXPECT_EQ(reneg->renegotiation_info->size(), 24u);  // client + server verify_data
  expect_round_trip(0xff01, "0c " + std::string(24, 'b'), kClient);
  expect_alert(parse_one(0xff01, "", kClient), AlertDescription::decode_error, "no length");
  expect_alert(parse_one(0xff01, "02 01", kClient), AlertDescription::decode_error, "overrun");
}

TEST(Padding, ClientOnly) {
  auto r = parse_one(21, "000000", kClient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->padding, Bytes(3, 0));
  expect_round_trip(21, "000000", kClient);
  expect_round_trip(21, "", kClient);
  expect_alert(parse_one(21, "00", kServer), AlertDescription::unsupported_extension,
               "server padding");
}

TEST(Extensions, DuplicateTypeIsDecodeError) {
  const std::vector<RawExtension> raw = {{23, {}}, {0xff01, {0}}, {23, {}}};
  auto r = parse_extensions(raw, kClient);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
  EXPECT_NE(r.error().reason.find("duplicate"), std::string::npos);
  // Unknown types count too.
  const std::vector<RawExtension> unknown = {{0x1234, {1}}, {0x1234, {2}}};
  EXPECT_FALSE(parse_extensions(unknown, kClient).ok());
}

TEST(Extensions, UnknownOnesAreKeptRawInOrder) {
  const Bytes block = hex("0016  0005 0005 0100000000  3374 0000  0017 0000  fafa 0001 00");
  auto r = parse_extension_block(block, kClient);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->unknown.size(), 3u);
  EXPECT_EQ(r->unknown[0], (RawExtension{0x0005, hex("0100000000")}));
  EXPECT_EQ(r->unknown[1], (RawExtension{0x3374, {}}));   // next_protocol_negotiation
  EXPECT_EQ(r->unknown[2], (RawExtension{0xfafa, {0}}));  // GREASE
  EXPECT_TRUE(r->extended_master_secret);
  EXPECT_EQ(r->order, (std::vector<std::uint16_t>{0x0005, 0x3374, 0x0017, 0xfafa}));
  auto again = serialize_extension_block(*r, kClient);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, block);
}

TEST(Extensions, ErrorsNameTheExtension) {
  auto r = parse_one(28, "003f", kClient);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason.rfind("record_size_limit (0x001c): ", 0), 0u) << r.error().reason;
}

TEST(Extensions, BuiltFromScratchUseTheCanonicalOrderPaddingLast) {
  Extensions e;
  e.padding = Bytes(2, 0);
  e.renegotiation_info = Bytes{};
  e.extended_master_secret = true;
  e.server_name = "a.example";
  e.supported_groups = std::vector<std::uint16_t>{29};
  e.unknown.push_back({0x0005, hex("0100000000")});
  auto raw = serialize_extensions(e, kClient);
  ASSERT_TRUE(raw.ok()) << raw.error().to_string();
  std::vector<std::uint16_t> types;
  for (const auto &x : *raw)
    types.push_back(x.type);
  EXPECT_EQ(types, (std::vector<std::uint16_t>{0, 10, 23, 0xff01, 5, 21}));
  // What was built parses back to the same fields.
  auto back = parse_extensions(*raw, kClient);
  ASSERT_TRUE(back.ok());
  back->order.clear();
  EXPECT_EQ(*back, e);
}

TEST(Extensions, SerializeRefusesInconsistentStructs) {
  Extensions typed_in_unknown;
  typed_in_unknown.unknown.push_back({23, {}});
  EXPECT_FALSE(serialize_extensions(typed_in_unknown, kClient).ok());
  Extensions twice;
  twice.unknown = {{0x1234, {}}, {0x1234, {}}};
  EXPECT_FALSE(serialize_extensions(twice, kClient).ok());
  Extensions groups;
  groups.supported_groups = std::vector<std::uint16_t>{};
  EXPECT_FALSE(serialize_extensions(groups, kClient).ok());
  groups.supported_groups = std::vector<std::uint16_t>{29};
  EXPECT_FALSE(serialize_extensions(groups, kServer).ok());
}

TEST(Extensions, RawBlockParser) {
  auto raw = parse_raw_extension_block(hex("0009 0017 0000 ff01 0001 00"));
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->size(), 2u);
  EXPECT_EQ(find_extension(*raw, 0xff01)->data, Bytes{0});
  EXPECT_EQ(find_extension(*raw, 0x0000), nullptr);
  EXPECT_FALSE(parse_raw_extension_block(hex("0009 0017 0000 ff01 0001 00 00")).ok());  // trailing
  EXPECT_FALSE(parse_raw_extension_block(hex("000a 0017 0000 ff01 0001 00")).ok());     // short
  EXPECT_FALSE(parse_raw_extension_block(hex("0004 0017 0000 0017 0000")).ok());        // trailing
  EXPECT_FALSE(parse_raw_extension_block(hex("0008 0017 0000 0017 0000")).ok());        // duplicate
}

TEST(Extensions, IllustratedBlockRoundTripsTyped) {
  const Bytes hello = testing::load_capture("illustrated_tls12").message(1);
  const Bytes block(hello.end() - 0x5a, hello.end());  // 2-byte length + 0x58 bytes
  auto typed = parse_extension_block(block, kClient);
  ASSERT_TRUE(typed.ok()) << typed.error().to_string();
  auto again = serialize_extension_block(*typed, kClient);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, block);
}

TEST(Extensions, ClientOnlyTypes) {
  EXPECT_TRUE(client_only_extension(10));
  EXPECT_TRUE(client_only_extension(13));
  EXPECT_TRUE(client_only_extension(21));
  EXPECT_FALSE(client_only_extension(0xff01));
  EXPECT_FALSE(client_only_extension(0));
}

TEST(ExtensionNames, KnownUnknownAndGrease) {
  EXPECT_STREQ(extension_name(0), "server_name");
  EXPECT_STREQ(extension_name(16), "application_layer_protocol_negotiation");
  EXPECT_STREQ(extension_name(0xff01), "renegotiation_info");
  EXPECT_STREQ(extension_name(0x2a2a), "GREASE");
  EXPECT_EQ(extension_name(0x1234), nullptr);
  EXPECT_EQ(extension_text(35), "session_ticket (0x0023)");
  EXPECT_EQ(extension_text(0x1234), "unknown (0x1234)");
}

}  // namespace
}  // namespace tls::handshake
