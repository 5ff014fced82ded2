#include <tls/version.hpp>

namespace tls {

const char *version_name(ProtocolVersion version) noexcept {
  switch (version) {
    case ProtocolVersion::ssl3:
      return "SSLv3";
    case ProtocolVersion::tls10:
      return "TLSv1";
    case ProtocolVersion::tls11:
      return "TLSv1.1";
    case ProtocolVersion::tls12:
      return "TLSv1.2";
  }
  return "unknown";
}

std::optional<ProtocolVersion> version_from_name(std::string_view name) noexcept {
  if (name == "SSLv3") return ProtocolVersion::ssl3;
  if (name == "TLSv1" || name == "TLSv1.0") return ProtocolVersion::tls10;
  if (name == "TLSv1.1") return ProtocolVersion::tls11;
  if (name == "TLSv1.2") return ProtocolVersion::tls12;
  return std::nullopt;
}

std::optional<ProtocolVersion> version_from_wire(std::uint16_t wire) noexcept {
  switch (wire) {
    case 0x0300:
      return ProtocolVersion::ssl3;
    case 0x0301:
      return ProtocolVersion::tls10;
    case 0x0302:
      return ProtocolVersion::tls11;
    case 0x0303:
      return ProtocolVersion::tls12;
    default:
      return std::nullopt;
  }
}

}  // namespace tls
