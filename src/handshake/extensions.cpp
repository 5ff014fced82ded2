#include "handshake/extensions.hpp"

#include <algorithm>
#include <unordered_map>

#include "handshake/iana_names.hpp"
#include "handshake/parse_support.hpp"
#include "handshake/signature_scheme.hpp"

namespace tls::handshake {
namespace {

using detail::count_text;
using detail::named_code;
using detail::ParseAlert;
using detail::printable_text;
using detail::Tracer;

// One extension's data being parsed: the reader over the data, the tracer (root = the data)
// and the alert of the first failure.
struct Input {
  Reader &r;
  const Tracer &t;
  ParseAlert &pa;
  ExtensionContext context;
};

void require_empty(Input in, const char *what) {
  if (!in.r.empty()) {
    in.r.fail(std::string(what) + " must be empty, has " + count_text(in.r.remaining()));
  }
}

void refuse_in_server_hello(Input in, std::uint16_t type) {
  in.pa.fail(in.r, AlertDescription::unsupported_extension,
             extension_text(type) + " has no ServerHello form");
}

// A vector of u16 codes with a 2-byte length: `name.length`, `name[i]`.
template <class Meaning>
std::vector<std::uint16_t> read_u16_list(Input in, const char *name, std::size_t min_bytes,
                                         Meaning meaning) {
  std::vector<std::uint16_t> out;
  const std::size_t at = in.r.offset();
  Reader list = in.r.vec16(min_bytes, 0xfffe);
  if (!in.r.ok()) return out;
  if (in.t.on()) in.t.add(std::string(name) + ".length", at, at + 2, count_text(list.remaining()));
  if (list.remaining() % 2 != 0) {
    list.fail(std::string(name) + " has an odd length (" + std::to_string(list.remaining()) + ")");
    return out;
  }
  while (list.ok() && !list.empty()) {
    const std::size_t item_at = list.offset();
    const std::uint16_t v = list.u16();
    if (in.t.on()) {
      in.t.add(std::string(name) + "[" + std::to_string(out.size()) + "]", item_at, item_at + 2,
               meaning(v));
    }
    out.push_back(v);
  }
  return out;
}

void parse_server_name(Input in, Extensions &out) {
  Reader &r = in.r;
  if (in.context == ExtensionContext::server_hello) {
    require_empty(in, "a ServerHello's server_name");
    if (r.ok()) out.server_name = std::string();
    return;
  }
  const std::size_t list_at = r.offset();
  Reader list = r.vec16(1);
  if (!r.ok()) return;
  if (in.t.on()) {
    in.t.add("server_name_list.length", list_at, list_at + 2, count_text(list.remaining()));
  }
  std::optional<std::string> host;
  for (std::size_t i = 0; list.ok() && !list.empty(); ++i) {
    // Field names are built only when tracing.
    auto prefix = [i] { return "server_name_list[" + std::to_string(i) + "]"; };
    const std::size_t type_at = list.offset();
    const std::uint8_t name_type = list.u8();
    if (!list.ok()) break;
    if (in.t.on()) {
      in.t.add(prefix() + ".name_type", type_at, type_at + 1,
               named_code(name_type == 0 ? "host_name" : nullptr, name_type, 2));
    }
    if (name_type != 0) {
      // RFC 6066 defines no other NameType, so the entry's length cannot be known.
      list.fail("unknown server name type " + std::to_string(name_type));
      break;
    }
    const std::size_t length_at = list.offset();
    const ByteView name = list.opaque16(1);
    if (!list.ok()) break;
    if (in.t.on()) {
      in.t.add(prefix() + ".host_name.length", length_at, length_at + 2, count_text(name.size()));
      std::string text = printable_text(name);
      in.t.add(prefix() + ".host_name", length_at + 2, list.offset(),
               text.empty() ? "(not printable)" : "\"" + text + "\"");
    }
    if (host) {
      in.pa.fail(list, AlertDescription::illegal_parameter,
                 "more than one host_name (RFC 6066 §3 allows one per type)");
      break;
    }
    if (name.size() > kMaxHostNameLength) {
      in.pa.fail(list, AlertDescription::unrecognized_name,
                 "host_name of " + std::to_string(name.size()) + " bytes is longer than " +
                     std::to_string(kMaxHostNameLength));
      break;
    }
    if (std::find(name.begin(), name.end(), 0) != name.end()) {
      in.pa.fail(list, AlertDescription::unrecognized_name, "host_name contains a NUL byte");
      break;
    }
    host = std::string(name.begin(), name.end());
  }
  if (list.ok() && host) out.server_name = std::move(*host);
}

void parse_max_fragment_length(Input in, Extensions &out) {
  const std::size_t at = in.r.offset();
  const std::uint8_t code = in.r.u8();
  if (!in.r.ok()) return;
  if (in.t.on()) {
    const std::size_t bytes = max_fragment_length_bytes(code);
    in.t.add("max_fragment_length", at, at + 1,
             bytes != 0 ? std::to_string(bytes) + " bytes" : "invalid code");
  }
  if (max_fragment_length_bytes(code) == 0) {
    in.pa.fail(in.r, AlertDescription::illegal_parameter,
               "max_fragment_length code " + std::to_string(code) + " is not 1..4");
    return;
  }
  if (in.r.ok() && in.r.empty()) out.max_fragment_length = code;
}

void parse_supported_groups(Input in, Extensions &out) {
  if (in.context == ExtensionContext::server_hello) {
    return refuse_in_server_hello(in, to_wire(ExtensionType::supported_groups));
  }
  auto groups = read_u16_list(in, "named_group_list", 2, [](std::uint16_t g) {
    return named_code(named_group_name(g), g, 4);
  });
  if (in.r.ok()) out.supported_groups = std::move(groups);
}

void parse_ec_point_formats(Input in, Extensions &out) {
  const std::size_t at = in.r.offset();
  const ByteView formats = in.r.opaque8(1);
  if (!in.r.ok()) return;
  if (in.t.on()) {
    in.t.add("ec_point_format_list.length", at, at + 1, count_text(formats.size()));
    for (std::size_t i = 0; i < formats.size(); ++i) {
      in.t.add("ec_point_format_list[" + std::to_string(i) + "]", at + 1 + i, at + 2 + i,
               named_code(ec_point_format_name(formats[i]), formats[i], 2));
    }
  }
  out.ec_point_formats = Bytes(formats.begin(), formats.end());
}

void parse_signature_algorithms(Input in, Extensions &out) {
  if (in.context == ExtensionContext::server_hello) {
    return refuse_in_server_hello(in, to_wire(ExtensionType::signature_algorithms));
  }
  auto schemes = read_u16_list(in, "supported_signature_algorithms", 2, [](std::uint16_t s) {
    return named_code(signature_scheme_name(s), s, 4);
  });
  if (in.r.ok()) out.signature_algorithms = std::move(schemes);
}

void parse_alpn(Input in, Extensions &out) {
  Reader &r = in.r;
  const std::size_t at = r.offset();
  Reader list = r.vec16(2);
  if (!r.ok()) return;
  if (in.t.on()) {
    in.t.add("protocol_name_list.length", at, at + 2, count_text(list.remaining()));
  }
  std::vector<std::string> names;
  while (list.ok() && !list.empty()) {
    const std::size_t name_at = list.offset();
    const ByteView name = list.opaque8(1);
    if (!list.ok()) break;
    if (in.t.on()) {
      const std::string prefix = "protocol_name_list[" + std::to_string(names.size()) + "]";
      in.t.add(prefix + ".length", name_at, name_at + 1, count_text(name.size()));
      std::string text = printable_text(name);
      in.t.add(prefix, name_at + 1, list.offset(),
               text.empty() ? "(not printable)" : "\"" + text + "\"");
    }
    names.emplace_back(name.begin(), name.end());
  }
  if (!list.ok()) return;
  if (in.context == ExtensionContext::server_hello && names.size() != 1) {
    // RFC 7301 §3.1: the server's list "MUST contain exactly one ProtocolName".
    list.fail("a ServerHello's protocol_name_list has " + std::to_string(names.size()) +
              " names, must have exactly one");
    return;
  }
  out.alpn = std::move(names);
}

void parse_padding(Input in, Extensions &out) {
  if (in.context == ExtensionContext::server_hello) {
    return refuse_in_server_hello(in, to_wire(ExtensionType::padding));
  }
  const std::size_t at = in.r.offset();
  const ByteView bytes = in.r.rest();
  if (in.t.on()) {
    const bool zero =
        std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
    in.t.add(
        "padding", at, in.r.offset(),
        count_text(bytes.size()) + (zero ? " of zeros" : ", not all zero (RFC 7685 wants zeros)"));
  }
  out.padding = Bytes(bytes.begin(), bytes.end());
}

void parse_record_size_limit(Input in, Extensions &out) {
  const std::size_t at = in.r.offset();
  const std::uint16_t limit = in.r.u16();
  if (!in.r.ok()) return;
  if (in.t.on()) in.t.add("record_size_limit", at, at + 2, count_text(limit));
  if (limit < kMinRecordSizeLimit) {
    in.pa.fail(in.r, AlertDescription::illegal_parameter,
               "record_size_limit " + std::to_string(limit) + " is below " +
                   std::to_string(kMinRecordSizeLimit) + " (RFC 8449 §4)");
    return;
  }
  if (in.r.empty()) out.record_size_limit = limit;
}

void parse_session_ticket(Input in, Extensions &out) {
  if (in.context == ExtensionContext::server_hello) {
    require_empty(in, "a ServerHello's session_ticket");
    if (in.r.ok()) out.session_ticket = Bytes();
    return;
  }
  const std::size_t at = in.r.offset();
  const ByteView ticket = in.r.rest();
  if (in.t.on() && !ticket.empty())
    in.t.add("ticket", at, in.r.offset(), count_text(ticket.size()));
  out.session_ticket = Bytes(ticket.begin(), ticket.end());
}

void parse_renegotiation_info(Input in, Extensions &out) {
  const std::size_t at = in.r.offset();
  const ByteView data = in.r.opaque8();
  if (!in.r.ok()) return;
  if (in.t.on()) {
    in.t.add("renegotiated_connection.length", at, at + 1,
             data.empty() ? "0 bytes (initial handshake)" : count_text(data.size()));
    if (!data.empty()) {
      in.t.add("renegotiated_connection", at + 1, in.r.offset(), "previous verify_data");
    }
  }
  out.renegotiation_info = Bytes(data.begin(), data.end());
}

// Parses one extension into `out`. Unknown types go to out.unknown.
Status parse_one(std::uint16_t type, ByteView data, ExtensionContext context, Extensions &out,
                 FieldTrace *trace) {
  Reader r(data);
  const Tracer t(trace, data);
  ParseAlert pa;
  const Input in{r, t, pa, context};
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name:
      parse_server_name(in, out);
      break;
    case ExtensionType::max_fragment_length:
      parse_max_fragment_length(in, out);
      break;
    case ExtensionType::supported_groups:
      parse_supported_groups(in, out);
      break;
    case ExtensionType::ec_point_formats:
      parse_ec_point_formats(in, out);
      break;
    case ExtensionType::signature_algorithms:
      parse_signature_algorithms(in, out);
      break;
    case ExtensionType::application_layer_protocol_negotiation:
      parse_alpn(in, out);
      break;
    case ExtensionType::padding:
      parse_padding(in, out);
      break;
    case ExtensionType::encrypt_then_mac:
      require_empty(in, "encrypt_then_mac");
      out.encrypt_then_mac = r.ok();
      break;
    case ExtensionType::extended_master_secret:
      require_empty(in, "extended_master_secret");
      out.extended_master_secret = r.ok();
      break;
    case ExtensionType::record_size_limit:
      parse_record_size_limit(in, out);
      break;
    case ExtensionType::session_ticket:
      parse_session_ticket(in, out);
      break;
    case ExtensionType::renegotiation_info:
      parse_renegotiation_info(in, out);
      break;
    default:
      if (t.on() && !data.empty()) t.add("data", 0, data.size(), count_text(data.size()));
      out.unknown.push_back(RawExtension{type, Bytes(data.begin(), data.end())});
      (void)r.rest();
      break;
  }
  if (r.ok()) (void)r.expect_end();
  if (!r.ok()) return with_context(pa.error(r), extension_text(type));
  return Status();
}

// ---------------------------------------------------------------------------------------------
// Serialization

Status bad(std::uint16_t type, const std::string &why) {
  return make_error(AlertDescription::internal_error,
                    "cannot serialize " + extension_text(type) + ": " + why);
}

Status check_host_name(const std::string &name) {
  const auto type = to_wire(ExtensionType::server_name);
  if (name.empty()) return bad(type, "empty host name");
  if (name.size() > kMaxHostNameLength) return bad(type, "host name longer than 255 bytes");
  if (name.find('\0') != std::string::npos) return bad(type, "host name contains a NUL byte");
  return Status();
}

// Writes the extension_data of `type` from `e`. Returns false in `present` when the field is
// absent.
Status write_one(std::uint16_t type, const Extensions &e, ExtensionContext context, Writer &w,
                 bool &present) {
  const bool server = context == ExtensionContext::server_hello;
  present = true;
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name:
      if (!e.server_name) break;
      if (server) {
        if (!e.server_name->empty()) return bad(type, "a ServerHello's must be empty");
        return Status();
      }
      TLS_TRY(check_host_name(*e.server_name));
      w.vec16([&](Writer &list) {
        list.u8(0);  // host_name
        list.opaque16(as_bytes(*e.server_name));
      });
      return Status();
    case ExtensionType::max_fragment_length:
      if (!e.max_fragment_length) break;
      if (max_fragment_length_bytes(*e.max_fragment_length) == 0) return bad(type, "code not 1..4");
      w.u8(*e.max_fragment_length);
      return Status();
    case ExtensionType::supported_groups:
      if (!e.supported_groups) break;
      if (server) return bad(type, "no ServerHello form");
      if (e.supported_groups->empty()) return bad(type, "empty list");
      w.vec16([&](Writer &list) {
        for (std::uint16_t g : *e.supported_groups)
          list.u16(g);
      });
      return Status();
    case ExtensionType::ec_point_formats:
      if (!e.ec_point_formats) break;
      if (e.ec_point_formats->empty()) return bad(type, "empty list");
      w.opaque8(*e.ec_point_formats);
      return Status();
    case ExtensionType::signature_algorithms:
      if (!e.signature_algorithms) break;
      if (server) return bad(type, "no ServerHello form");
      if (e.signature_algorithms->empty()) return bad(type, "empty list");
      w.vec16([&](Writer &list) {
        for (std::uint16_t s : *e.signature_algorithms)
          list.u16(s);
      });
      return Status();
    case ExtensionType::application_layer_protocol_negotiation:
      if (!e.alpn) break;
      if (e.alpn->empty()) return bad(type, "empty protocol list");
      if (server && e.alpn->size() != 1) return bad(type, "a ServerHello selects exactly one");
      for (const std::string &name : *e.alpn) {
        if (name.empty() || name.size() > 255) return bad(type, "protocol name not 1..255 bytes");
      }
      w.vec16([&](Writer &list) {
        for (const std::string &name : *e.alpn)
          list.opaque8(as_bytes(name));
      });
      return Status();
    case ExtensionType::padding:
      if (!e.padding) break;
      if (server) return bad(type, "no ServerHello form");
      w.bytes(*e.padding);
      return Status();
    case ExtensionType::encrypt_then_mac:
      if (!e.encrypt_then_mac) break;
      return Status();
    case ExtensionType::extended_master_secret:
      if (!e.extended_master_secret) break;
      return Status();
    case ExtensionType::record_size_limit:
      if (!e.record_size_limit) break;
      if (*e.record_size_limit < kMinRecordSizeLimit) return bad(type, "limit below 64");
      w.u16(*e.record_size_limit);
      return Status();
    case ExtensionType::session_ticket:
      if (!e.session_ticket) break;
      if (server && !e.session_ticket->empty()) return bad(type, "a ServerHello's must be empty");
      w.bytes(*e.session_ticket);
      return Status();
    case ExtensionType::renegotiation_info:
      if (!e.renegotiation_info) break;
      if (e.renegotiation_info->size() > 255) return bad(type, "longer than 255 bytes");
      w.opaque8(*e.renegotiation_info);
      return Status();
    default:
      break;
  }
  present = false;
  return Status();
}

// The order in which fields absent from Extensions::order are written; padding last because
// its length depends on everything before it.
constexpr ExtensionType kCanonicalOrder[] = {
    ExtensionType::server_name,          ExtensionType::max_fragment_length,
    ExtensionType::ec_point_formats,     ExtensionType::supported_groups,
    ExtensionType::session_ticket,       ExtensionType::application_layer_protocol_negotiation,
    ExtensionType::encrypt_then_mac,     ExtensionType::extended_master_secret,
    ExtensionType::signature_algorithms, ExtensionType::record_size_limit,
    ExtensionType::renegotiation_info,
};

bool is_typed(std::uint16_t type) {
  return std::find(std::begin(kCanonicalOrder), std::end(kCanonicalOrder),
                   static_cast<ExtensionType>(type)) != std::end(kCanonicalOrder) ||
         type == to_wire(ExtensionType::padding);
}

}  // namespace

std::size_t max_fragment_length_bytes(std::uint8_t code) noexcept {
  return code >= 1 && code <= 4 ? std::size_t{1} << (8 + code) : 0;
}

bool Extensions::has(std::uint16_t type) const {
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name:
      return server_name.has_value();
    case ExtensionType::max_fragment_length:
      return max_fragment_length.has_value();
    case ExtensionType::supported_groups:
      return supported_groups.has_value();
    case ExtensionType::ec_point_formats:
      return ec_point_formats.has_value();
    case ExtensionType::signature_algorithms:
      return signature_algorithms.has_value();
    case ExtensionType::application_layer_protocol_negotiation:
      return alpn.has_value();
    case ExtensionType::padding:
      return padding.has_value();
    case ExtensionType::encrypt_then_mac:
      return encrypt_then_mac;
    case ExtensionType::extended_master_secret:
      return extended_master_secret;
    case ExtensionType::record_size_limit:
      return record_size_limit.has_value();
    case ExtensionType::session_ticket:
      return session_ticket.has_value();
    case ExtensionType::renegotiation_info:
      return renegotiation_info.has_value();
    default:
      return find_extension(unknown, type) != nullptr;
  }
}

bool client_only_extension(std::uint16_t type) noexcept {
  return type == to_wire(ExtensionType::supported_groups) ||
         type == to_wire(ExtensionType::signature_algorithms) ||
         type == to_wire(ExtensionType::padding);
}

Result<Extensions> parse_extensions(std::span<const RawExtension> raw, ExtensionContext context) {
  Extensions out;
  detail::ExtensionTypeSet seen;
  for (const RawExtension &e : raw) {
    if (!seen.insert(e.type)) {
      return make_error(AlertDescription::decode_error,
                        "extensions: duplicate extension " + extension_text(e.type));
    }
    TLS_TRY(parse_one(e.type, e.data, context, out, nullptr));
    out.order.push_back(e.type);
  }
  return out;
}

Result<Extensions> parse_extension_block(ByteView block, ExtensionContext context,
                                         FieldTrace *trace) {
  Reader r(block, "extensions");
  std::vector<RawExtension> raw =
      detail::read_extension_block(r, detail::Tracer(trace, block), context);
  if (!r.expect_end()) return r.error();
  return parse_extensions(raw, context);
}

Result<std::vector<RawExtension>> serialize_extensions(const Extensions &extensions,
                                                       ExtensionContext context) {
  std::unordered_map<std::uint16_t, const RawExtension *> unknown;
  for (const RawExtension &u : extensions.unknown) {
    if (is_typed(u.type)) return bad(u.type, "a typed extension among the unknown ones");
    if (!unknown.emplace(u.type, &u).second) return bad(u.type, "listed twice");
  }
  std::vector<RawExtension> out;
  detail::ExtensionTypeSet emitted;
  auto emit = [&](std::uint16_t type) -> Status {
    if (!emitted.insert(type)) return Status();
    if (!is_typed(type)) {
      if (auto it = unknown.find(type); it != unknown.end()) out.push_back(*it->second);
      return Status();
    }
    Writer w;
    bool present = false;
    TLS_TRY(write_one(type, extensions, context, w, present));
    if (!w.ok()) return w.error();
    if (present) out.push_back(RawExtension{type, w.take()});
    return Status();
  };
  for (std::uint16_t type : extensions.order)
    TLS_TRY(emit(type));
  for (ExtensionType type : kCanonicalOrder)
    TLS_TRY(emit(to_wire(type)));
  for (const RawExtension &u : extensions.unknown)
    TLS_TRY(emit(u.type));
  TLS_TRY(emit(to_wire(ExtensionType::padding)));
  return out;
}

Result<Bytes> serialize_extension_block(const Extensions &extensions, ExtensionContext context) {
  auto raw = serialize_extensions(extensions, context);
  if (!raw) return raw.error();
  Writer w;
  write_extension_block(w, *raw);
  if (!w.ok()) return w.error();
  return w.take();
}

bool allows_uncompressed_points(const Extensions &extensions) {
  if (!extensions.ec_point_formats) return true;
  const Bytes &f = *extensions.ec_point_formats;
  return std::find(f.begin(), f.end(), 0) != f.end();
}

void describe_extension_data(std::uint16_t type, ByteView data, ExtensionContext context,
                             FieldTrace *trace) {
  if (trace == nullptr) return;
  Extensions scratch;
  const Status status = parse_one(type, data, context, scratch, trace);
  if (!status.ok()) {
    trace->add("error", 0, std::string(),
               std::string(alert_name(status.error().alert)) + ": " + status.error().reason);
  }
}

}  // namespace tls::handshake
