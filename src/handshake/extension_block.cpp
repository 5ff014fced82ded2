#include "handshake/extension_block.hpp"

#include "handshake/extension_type.hpp"
#include "handshake/extensions.hpp"

namespace tls::handshake {

const RawExtension *find_extension(std::span<const RawExtension> extensions,
                                   std::uint16_t type) noexcept {
  for (const RawExtension &e : extensions) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

namespace detail {

std::vector<RawExtension> read_extension_block(Reader &r, const Tracer &t,
                                               ExtensionContext context) {
  std::vector<RawExtension> out;
  ExtensionTypeSet seen;
  const std::size_t block_at = r.offset();
  Reader list = r.vec16();
  if (t.on() && r.ok()) {
    t.add("extensions.length", block_at, block_at + 2, count_text(list.remaining()));
  }
  while (list.ok() && !list.empty()) {
    const std::size_t index = out.size();
    const std::size_t type_at = list.offset();
    const std::uint16_t type = list.u16();
    const std::size_t length_at = list.offset();
    const ByteView data = list.opaque16();
    if (!list.ok()) break;
    if (!seen.insert(type)) {
      list.fail("duplicate extension " + extension_text(type));
      break;
    }
    out.push_back(RawExtension{type, Bytes(data.begin(), data.end())});
    if (t.on()) {
      const std::string prefix = "extensions[" + std::to_string(index) + "]";
      t.add(prefix + ".type", type_at, type_at + 2, extension_text(type));
      t.add(prefix + ".length", length_at, length_at + 2, count_text(data.size()));
      const char *name = extension_name(type);
      FieldTrace::Scope scope(t.trace(), prefix + "." + (name != nullptr ? name : "data") + ".",
                              length_at + 2);
      describe_extension_data(type, data, context, t.trace());
    }
  }
  return out;
}

}  // namespace detail

Result<std::vector<RawExtension>> parse_raw_extension_block(ByteView block) {
  Reader r(block, "extensions");
  std::vector<RawExtension> out = detail::read_extension_block(r, detail::Tracer(nullptr, block),
                                                               ExtensionContext::client_hello);
  if (!r.expect_end()) return r.error();
  return out;
}

void write_extension_block(Writer &w, std::span<const RawExtension> extensions) {
  detail::ExtensionTypeSet seen;
  w.vec16([&](Writer &list) {
    for (const RawExtension &e : extensions) {
      if (!seen.insert(e.type)) list.fail("duplicate extension " + extension_text(e.type));
      list.u16(e.type);
      list.opaque16(e.data);
    }
  });
}

}  // namespace tls::handshake
