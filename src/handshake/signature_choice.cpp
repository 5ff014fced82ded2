#include "handshake/signature_choice.hpp"

#include <algorithm>
#include <string>

#include "common/hex.hpp"
#include "handshake/signature_scheme.hpp"

namespace tls::handshake {

std::vector<std::uint16_t> our_signature_schemes(const Config &config) {
  std::vector<std::uint16_t> out;
  const auto source = config.signature_schemes.empty()
                          ? std::vector<std::uint16_t>(
                                default_signature_algorithms(config.allow_sha1_signatures).begin(),
                                default_signature_algorithms(config.allow_sha1_signatures).end())
                          : config.signature_schemes;
  for (std::uint16_t code : source) {
    const SignatureSchemeInfo *info = find_signature_scheme(code);
    if (info == nullptr) continue;
    if (info->sha1 && !config.allow_sha1_signatures) continue;
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

std::optional<std::uint16_t> choose_signature_scheme(
    std::span<const std::uint16_t> ours, const std::optional<std::vector<std::uint16_t>> &peer,
    cipher::KeyType key) {
  if (!peer) {
    const auto fallback = tls12_default_scheme(key);
    if (!fallback) return std::nullopt;
    const std::uint16_t code = to_wire(*fallback);
    if (std::find(ours.begin(), ours.end(), code) == ours.end()) return std::nullopt;
    return code;
  }
  for (std::uint16_t code : ours) {
    if (!signature_scheme_fits_key(code, key)) continue;
    if (std::find(peer->begin(), peer->end(), code) != peer->end()) return code;
  }
  return std::nullopt;
}

Status check_peer_signature_scheme(std::span<const std::uint16_t> ours, std::uint16_t scheme,
                                   cipher::KeyType key, const char *what) {
  const char *name = signature_scheme_name(scheme);
  const std::string text =
      std::string(name != nullptr ? name : "unknown") + " (0x" +
      to_hex(Bytes{static_cast<std::uint8_t>(scheme >> 8), static_cast<std::uint8_t>(scheme)}) +
      ")";
  if (std::find(ours.begin(), ours.end(), scheme) == ours.end())
    return make_error(AlertDescription::illegal_parameter,
                      std::string(what) + " signed with " + text + ", which was not offered");
  if (!signature_scheme_fits_key(scheme, key))
    return make_error(AlertDescription::illegal_parameter, std::string(what) + " signed with " +
                                                               text + ", which does not fit a " +
                                                               cipher::key_type_name(key) + " key");
  return Status::success();
}

}  // namespace tls::handshake
