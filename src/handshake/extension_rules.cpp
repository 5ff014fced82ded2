#include "handshake/extension_rules.hpp"

#include "cipher/suites.hpp"

namespace tls::handshake {

std::vector<std::uint16_t> offered_extension_types(const ClientHello &hello) {
  std::vector<std::uint16_t> out;
  for (const RawExtension &e : hello.extensions)
    out.push_back(e.type);
  const std::uint16_t reneg = to_wire(ExtensionType::renegotiation_info);
  if (hello.offers_suite(cipher::kEmptyRenegotiationInfoScsv) &&
      hello.find_extension(reneg) == nullptr) {
    out.push_back(reneg);
  }
  return out;
}

bool allowed_in_ssl3_server_hello(std::uint16_t type) noexcept {
  return type == to_wire(ExtensionType::renegotiation_info);
}

Status check_server_hello_extensions(std::span<const RawExtension> received,
                                     std::span<const std::uint16_t> offered,
                                     ProtocolVersion negotiated) {
  detail::ExtensionTypeSet offered_set;
  for (std::uint16_t type : offered)
    (void)offered_set.insert(type);
  for (const RawExtension &e : received) {
    if (!offered_set.contains(e.type)) {
      return make_error(AlertDescription::unsupported_extension,
                        "ServerHello: extension " + extension_text(e.type) +
                            " was not offered in the ClientHello");
    }
    if (negotiated == ProtocolVersion::ssl3 && !allowed_in_ssl3_server_hello(e.type)) {
      return make_error(AlertDescription::unsupported_extension,
                        "ServerHello: extension " + extension_text(e.type) +
                            " in an SSL 3.0 hello (only renegotiation_info is allowed)");
    }
  }
  return Status();
}

void restrict_to_ssl3(Extensions &extensions) {
  Extensions kept;
  kept.renegotiation_info = std::move(extensions.renegotiation_info);
  extensions = std::move(kept);
}

std::optional<std::size_t> client_hello_padding_length(std::size_t unpadded_length) noexcept {
  if (unpadded_length < kPaddingMinLength || unpadded_length > kPaddingMaxLength) {
    return std::nullopt;
  }
  constexpr std::size_t kExtensionHeader = 4;  // type + length
  const std::size_t missing = kPaddingTarget - unpadded_length;
  return missing > kExtensionHeader ? missing - kExtensionHeader : 1;
}

Result<bool> pad_client_hello(ClientHello &hello) {
  if (hello.find_extension(to_wire(ExtensionType::padding)) != nullptr) {
    return make_error(AlertDescription::internal_error, "ClientHello: already padded");
  }
  auto wire = serialize_message(hello);
  if (!wire) return wire.error();
  if (wire->size() < kPaddingMinLength || wire->size() > kPaddingMaxLength) return false;
  const bool has_block = hello.has_extensions_block || !hello.extensions.empty();
  const std::size_t with_block = wire->size() + (has_block ? 0 : 2);
  // Adding the block itself can push a 510/511-byte hello past 511; it still needs padding.
  const std::size_t length = client_hello_padding_length(with_block).value_or(1);
  hello.has_extensions_block = true;
  hello.extensions.push_back(RawExtension{to_wire(ExtensionType::padding), Bytes(length, 0)});
  return true;
}

}  // namespace tls::handshake
