// Field-by-field descriptions. Expected offsets, bytes and meanings follow the byte-by-byte
// explanation of "The Illustrated TLS 1.2 Connection".
#include "handshake/messages/describe.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

#include "capture.hpp"
#include "handshake/messages/client_hello.hpp"

namespace tls::handshake {

// gtest prints a Field this way in failures.
void PrintTo(const Field &f, std::ostream *os) {
  *os << "{" << f.name << ", " << f.offset << ", " << f.length << ", " << f.bytes << ", "
      << f.meaning << "}";
}

namespace {

using testing::load_capture;

const Field *find(const std::vector<Field> &fields, const std::string &name) {
  auto it =
      std::find_if(fields.begin(), fields.end(), [&](const Field &f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

void expect_field(const std::vector<Field> &fields, const Field &expected) {
  const Field *f = find(fields, expected.name);
  ASSERT_NE(f, nullptr) << "no field " << expected.name;
  EXPECT_EQ(*f, expected) << expected.name << ": got {" << f->offset << ", " << f->length << ", "
                          << f->bytes << ", " << f->meaning << "}";
}

TEST(Describe, IllustratedClientHelloFieldByField) {
  const auto d = describe_handshake_message(load_capture("illustrated_tls12").message(1), {});
  ASSERT_FALSE(d.error.has_value()) << d.error->to_string();
  EXPECT_EQ(d.type, HandshakeType::client_hello);
  const auto &f = d.fields;
  expect_field(f, {"msg_type", 0, 1, "01", "client_hello (0x01)"});
  expect_field(f, {"length", 1, 3, "0000a1", "161 bytes"});
  expect_field(f, {"client_version", 4, 2, "0303", "TLSv1.2 (0x0303)"});
  expect_field(f, {"random.gmt_unix_time", 6, 4, "00010203",
                   "1970-01-01T18:20:51Z if a clock (usually random bytes today)"});
  expect_field(f, {"random.random_bytes", 10, 28,
                   "0405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "28 bytes"});
  expect_field(f, {"session_id.length", 38, 1, "00", "0 bytes (no session id)"});
  expect_field(f, {"cipher_suites.length", 39, 2, "0020", "32 bytes"});
  expect_field(f,
               {"cipher_suites[0]", 41, 2, "cca8", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"});
  expect_field(f, {"cipher_suites[3]", 47, 2, "c030", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
  expect_field(f, {"cipher_suites[15]", 71, 2, "000a", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"});
  expect_field(f, {"compression_methods.length", 73, 1, "01", "1 byte"});
  expect_field(f, {"compression_methods[0]", 74, 1, "00", "null (0x00)"});
  expect_field(f, {"extensions.length", 75, 2, "0058", "88 bytes"});
  expect_field(f, {"extensions[0].type", 77, 2, "0000", "server_name (0x0000)"});
  expect_field(f, {"extensions[0].length", 79, 2, "0018", "24 bytes"});
  expect_field(f, {"extensions[0].server_name.server_name_list.length", 81, 2, "0016", "22 bytes"});
  expect_field(f, {"extensions[0].server_name.server_name_list[0].name_type", 83, 1, "00",
                   "host_name (0x00)"});
  expect_field(f, {"extensions[0].server_name.server_name_list[0].host_name.length", 84, 2, "0013",
                   "19 bytes"});
  expect_field(f, {"extensions[0].server_name.server_name_list[0].host_name", 86, 19,
                   "6578616d706c652e756c666865696d2e6e6574", "\"example.ulfheim.net\""});
  // status_request is not decoded by tlspp: its data is one field.
  expect_field(f, {"extensions[1].type", 105, 2, "0005", "status_request (0x0005)"});
  expect_field(f, {"extensions[1].status_request.data", 109, 5, "0100000000", "5 bytes"});
  expect_field(
      f, {"extensions[2].supported_groups.named_group_list[0]", 120, 2, "001d", "x25519 (0x001d)"});
  expect_field(f, {"extensions[2].supported_groups.named_group_list[3]", 126, 2, "0019",
                   "secp521r1 (0x0019)"});
  expect_field(f, {"extensions[3].ec_point_formats.ec_point_format_list[0]", 133, 1, "00",
                   "uncompressed (0x00)"});
  expect_field(f, {"extensions[4].signature_algorithms.supported_signature_algorithms[0]", 140, 2,
                   "0401", "rsa_pkcs1_sha256 (0x0401)"});
  expect_field(f, {"extensions[5].renegotiation_info.renegotiated_connection.length", 160, 1, "00",
                   "0 bytes (initial handshake)"});
  expect_field(f, {"extensions[6].type", 161, 2, "0012", "signed_certificate_timestamp (0x0012)"});
  // Fields are reported in wire order and never overlap.
  for (std::size_t i = 1; i < f.size(); ++i) {
    EXPECT_GE(f[i].offset, f[i - 1].offset) << f[i].name;
  }
  EXPECT_EQ(f.back().offset + f.back().length, 165u);  // the last field ends the message
}

TEST(Describe, IllustratedServerKeyExchange) {
  const auto d = describe_handshake_message(load_capture("illustrated_tls12").message(12),
                                            {ProtocolVersion::tls12, KeyExchangeKind::ecdhe});
  ASSERT_FALSE(d.error.has_value());
  expect_field(d.fields, {"params.curve_type", 4, 1, "03", "named_curve (0x03)"});
  expect_field(d.fields, {"params.named_group", 5, 2, "001d", "x25519 (0x001d)"});
  expect_field(d.fields, {"params.point.length", 7, 1, "20", "32 bytes"});
  expect_field(d.fields, {"signature_algorithm", 40, 2, "0401", "rsa_pkcs1_sha256 (0x0401)"});
  expect_field(d.fields, {"signature.length", 42, 2, "0100", "256 bytes"});
  const Field *sig = find(d.fields, "signature");
  ASSERT_NE(sig, nullptr);
  EXPECT_EQ(sig->offset, 44u);
  EXPECT_EQ(sig->length, 256u);
  EXPECT_EQ(sig->bytes.substr(0, 8), "0402b661");
}

TEST(Describe, OtherMessagesName) {
  const auto capture = load_capture("go_client_tlsv12_clientcert_rsa_rsa");
  const MessageContext rsa12{ProtocolVersion::tls12, KeyExchangeKind::rsa};
  const auto cr = describe_handshake_message(capture.message(13), rsa12);
  ASSERT_FALSE(cr.error.has_value());
  expect_field(cr.fields, {"certificate_types[2]", 7, 1, "40", "ecdsa_sign (0x40)"});
  expect_field(cr.fields,
               {"supported_signature_algorithms[0]", 10, 2, "0601", "rsa_pkcs1_sha512 (0x0601)"});
  const auto cke = describe_handshake_message(capture.message(16), rsa12);
  expect_field(cke.fields, {"encrypted_pre_master_secret.length", 4, 2, "0080", "128 bytes"});
  const auto cv = describe_handshake_message(capture.message(15), rsa12);
  expect_field(cv.fields, {"signature_algorithm", 4, 2, "0401", "rsa_pkcs1_sha256 (0x0401)"});
  const auto done = describe_handshake_message(capture.message(14), rsa12);
  EXPECT_EQ(done.fields.size(), 2u);  // msg_type and length only
  const auto cert = describe_handshake_message(capture.message(11), rsa12);
  expect_field(cert.fields, {"certificate_list.length", 4, 3, "0002b7", "695 bytes"});
}

TEST(Describe, MalformedMessageKeepsWhatWasDecoded) {
  Bytes message = load_capture("illustrated_tls12").message(1);
  message[41] = 0xff;  // no effect on structure: a suite id
  message[40] = 0x21;  // cipher_suites length 33: odd
  const auto d = describe_handshake_message(message, {});
  ASSERT_TRUE(d.error.has_value());
  EXPECT_EQ(d.error->alert, AlertDescription::decode_error);
  ASSERT_NE(find(d.fields, "session_id.length"), nullptr);
  EXPECT_EQ(find(d.fields, "cipher_suites[0]"), nullptr);
  // A bad extension inside a well-formed block is reported in place.
  Bytes bad_sni = load_capture("illustrated_tls12").message(1);
  bad_sni[86] = 0x00;  // a NUL in the host name
  const auto sni = describe_handshake_message(bad_sni, {});
  EXPECT_FALSE(sni.error.has_value());  // the hello itself parses; the extension is judged later
  const Field *error = find(sni.fields, "extensions[0].server_name.error");
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->meaning.find("unrecognized_name"), std::string::npos) << error->meaning;
}

TEST(Describe, HeaderErrorsAndUnknownTypes) {
  const auto truncated = describe_handshake_message(testing::hex("0100"), {});
  ASSERT_TRUE(truncated.error.has_value());
  EXPECT_FALSE(truncated.type.has_value());
  const auto unknown = describe_handshake_message(testing::hex("63 000002 abcd"), {});
  ASSERT_FALSE(unknown.error.has_value());
  expect_field(unknown.fields, {"msg_type", 0, 1, "63", "unknown (0x63)"});
  expect_field(unknown.fields, {"body", 4, 2, "abcd", "not decoded by tlspp"});
}

TEST(Describe, ChangeCipherSpec) {
  const auto d = describe_change_cipher_spec(testing::hex("01"));
  ASSERT_FALSE(d.error.has_value());
  expect_field(d.fields, {"type", 0, 1, "01", "change_cipher_spec (1)"});
  EXPECT_TRUE(describe_change_cipher_spec(testing::hex("02")).error.has_value());
}

TEST(Describe, FormatFieldsPrintsOneLinePerField) {
  const auto d = describe_handshake_message(load_capture("illustrated_tls12").message(1), {});
  const std::string text = format_fields(d.fields);
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), d.fields.size());
  EXPECT_NE(text.find("    47     2  cipher_suites[3] "), std::string::npos) << text;
  EXPECT_NE(text.find("c030  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n"), std::string::npos);
  // Long byte strings are shortened unless asked not to.
  const auto cert = describe_handshake_message(load_capture("illustrated_tls12").message(11), {});
  EXPECT_NE(format_fields(cert.fields).find("..."), std::string::npos);
  EXPECT_EQ(format_fields(cert.fields, 0).find("..."), std::string::npos);
}

TEST(Describe, TracingDoesNotChangeTheResult) {
  const Bytes body = testing::body_of(load_capture("illustrated_tls12").message(1));
  FieldTrace trace;
  auto traced = ClientHello::parse(body, &trace);
  auto plain = ClientHello::parse(body);
  ASSERT_TRUE(traced.ok() && plain.ok());
  EXPECT_EQ(*traced, *plain);
  EXPECT_FALSE(trace.fields().empty());
}

TEST(Describe, UtcTimeText) {
  EXPECT_EQ(utc_time_text(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(utc_time_text(1386443225), "2013-12-07T19:07:05Z");
  EXPECT_EQ(utc_time_text(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(utc_time_text(4294967295), "2106-02-07T06:28:15Z");
}

}  // namespace
}  // namespace tls::handshake
