#include "capture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "common/hex.hpp"

namespace tls::handshake::testing {
namespace {

bool is_hex_offset(const std::string &line) {
  if (line.size() < 10) return false;
  for (int i = 0; i < 8; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(line[static_cast<std::size_t>(i)]))) return false;
  }
  return line[8] == ' ' && line[9] == ' ';
}

// Splits one flow's bytes into records and the records' handshake bytes into messages.
void split_flow(const Bytes &bytes, CaptureFlow &flow) {
  Bytes handshake;
  std::size_t at = 0;
  bool encrypted = false;
  while (at < bytes.size()) {
    ASSERT_GE(bytes.size() - at, 5u) << flow.label << ": truncated record header at " << at;
    const std::uint8_t type = bytes[at];
    const std::size_t length = static_cast<std::size_t>(bytes[at + 3]) << 8 | bytes[at + 4];
    ASSERT_GE(bytes.size() - at - 5, length) << flow.label << ": record at " << at << " overruns";
    const auto fragment = bytes.begin() + static_cast<std::ptrdiff_t>(at + 5);
    if (type == 20) {
      ASSERT_EQ(length, 1u);
      flow.change_cipher_spec = true;
      encrypted = true;
    } else if (type == 22 && !encrypted) {
      handshake.insert(handshake.end(), fragment, fragment + static_cast<std::ptrdiff_t>(length));
    }
    at += 5 + length;
  }
  std::size_t pos = 0;
  while (pos < handshake.size()) {
    ASSERT_GE(handshake.size() - pos, 4u) << flow.label;
    const std::size_t length = static_cast<std::size_t>(handshake[pos + 1]) << 16 |
                               static_cast<std::size_t>(handshake[pos + 2]) << 8 |
                               handshake[pos + 3];
    ASSERT_GE(handshake.size() - pos - 4, length) << flow.label << ": message overruns";
    flow.handshake_messages.emplace_back(
        handshake.begin() + static_cast<std::ptrdiff_t>(pos),
        handshake.begin() + static_cast<std::ptrdiff_t>(pos + 4 + length));
    pos += 4 + length;
  }
}

}  // namespace

Bytes hex(const std::string &text) {
  auto bytes = from_hex(text);
  EXPECT_TRUE(bytes.has_value()) << "bad hex: " << text;
  return bytes.value_or(Bytes{});
}

Capture load_capture(const std::string &name) {
  const std::string path = std::string(TLS_TEST_DATA_DIR) + "/messages/" + name + ".hexdump";
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  Capture capture;
  enum class Block { none, flow, message } block = Block::none;
  std::string label;
  std::string text;
  auto finish = [&] {
    if (block == Block::none) return;
    const Bytes bytes = hex(text);
    if (block == Block::flow) {
      CaptureFlow flow;
      flow.label = label;
      split_flow(bytes, flow);
      capture.flows.push_back(std::move(flow));
    } else {
      capture.messages.push_back(bytes);
    }
    text.clear();
  };
  std::string line;
  bool saw_source = false;
  while (std::getline(in, line)) {
    if (line.rfind("# source:", 0) == 0) saw_source = true;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind(">>> ", 0) == 0) {
      finish();
      label = line.substr(4);
      block = label.rfind("Message", 0) == 0 ? Block::message : Block::flow;
      continue;
    }
    if (is_hex_offset(line)) line = line.substr(10);
    if (auto bar = line.find('|'); bar != std::string::npos) line.resize(bar);
    text += line + " ";
  }
  finish();
  EXPECT_TRUE(saw_source) << path << " names no source";
  return capture;
}

Bytes Capture::message(std::uint8_t type, int n) const {
  for (const CaptureFlow &flow : flows) {
    for (const Bytes &m : flow.handshake_messages) {
      if (!m.empty() && m[0] == type && n-- == 0) return m;
    }
  }
  ADD_FAILURE() << "no handshake message of type " << int(type);
  return {};
}

Bytes body_of(const Bytes &message) {
  EXPECT_GE(message.size(), 4u);
  if (message.size() < 4) return {};
  return Bytes(message.begin() + 4, message.end());
}

void expect_truncations_fail(const Bytes &body, const std::function<Status(ByteView)> &parse,
                             const std::vector<std::size_t> &valid_prefixes) {
  for (std::size_t n = 0; n < body.size(); ++n) {
    const Status status = parse(ByteView(body).first(n));
    const bool valid =
        std::find(valid_prefixes.begin(), valid_prefixes.end(), n) != valid_prefixes.end();
    if (valid) {
      EXPECT_TRUE(status.ok()) << "prefix of " << n << " bytes should parse";
      continue;
    }
    ASSERT_FALSE(status.ok()) << "prefix of " << n << " of " << body.size() << " bytes parsed";
    EXPECT_EQ(status.error().alert, AlertDescription::decode_error)
        << "prefix " << n << ": " << status.error().to_string();
  }
}

void expect_trailing_byte_fails(const Bytes &body, const std::function<Status(ByteView)> &parse) {
  for (std::uint8_t extra : {0x00, 0x01, 0xff}) {
    Bytes longer = body;
    longer.push_back(extra);
    const Status status = parse(longer);
    ASSERT_FALSE(status.ok()) << "a trailing byte was accepted";
    EXPECT_EQ(status.error().alert, AlertDescription::decode_error) << status.error().to_string();
  }
}

}  // namespace tls::handshake::testing
