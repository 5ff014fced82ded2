#include "handshake/key_exchange_ephemeral.hpp"

#include <algorithm>
#include <string>

namespace tls::handshake {

std::size_t integer_bits(ByteView big_endian) noexcept {
  std::size_t i = 0;
  while (i < big_endian.size() && big_endian[i] == 0)
    ++i;
  if (i == big_endian.size()) return 0;
  std::size_t bits = (big_endian.size() - i - 1) * 8;
  for (std::uint8_t top = big_endian[i]; top != 0; top >>= 1)
    ++bits;
  return bits;
}

Result<ServerEphemeral> server_dhe_share(const cipher::Provider &provider, cipher::NamedGroup group,
                                         const std::optional<cipher::DhGroup> &custom) {
  const cipher::DhGroup &params = custom ? *custom : cipher::ffdhe_group(group);
  auto share = custom ? provider.dh_key_share(*custom, 0) : provider.key_share(group);
  if (!share) return with_context(share.error(), "DHE key share");
  ServerEphemeral out;
  out.share = std::move(share.value());
  const ByteView y = out.share->public_value();
  out.params = ServerDhParams{params.p, params.g, Bytes(y.begin(), y.end())};
  out.dh_prime_bits = integer_bits(params.p);
  return out;
}

Result<ServerEphemeral> server_ecdhe_share(const cipher::Provider &provider,
                                           cipher::NamedGroup group) {
  auto share = provider.key_share(group);
  if (!share) return with_context(share.error(), "ECDHE key share");
  ServerEphemeral out;
  out.share = std::move(share.value());
  const ByteView point = out.share->public_value();
  out.params =
      ServerEcdhParams{static_cast<std::uint16_t>(group), Bytes(point.begin(), point.end())};
  return out;
}

Result<ClientEphemeral> client_dhe_exchange(const cipher::Provider &provider,
                                            const ServerDhParams &params, std::size_t min_bits) {
  ClientEphemeral out;
  out.dh_prime_bits = integer_bits(params.p);
  if (out.dh_prime_bits < min_bits)
    return make_error(AlertDescription::insufficient_security,
                      "server's DH prime has " + std::to_string(out.dh_prime_bits) +
                          " bits; at least " + std::to_string(min_bits) + " are required");
  auto share = provider.dh_key_share(cipher::DhGroup{params.p, params.g}, min_bits);
  if (!share) return with_context(share.error(), "server's DH parameters");
  auto secret = share.value()->derive(params.ys);
  if (!secret) return with_context(secret.error(), "server's DH public value");
  out.pre_master = std::move(secret.value());
  const ByteView y = share.value()->public_value();
  out.public_value.assign(y.begin(), y.end());
  return out;
}

Result<ClientEphemeral> client_ecdhe_exchange(const cipher::Provider &provider,
                                              const ServerEcdhParams &params,
                                              std::span<const cipher::NamedGroup> offered) {
  const auto group = static_cast<cipher::NamedGroup>(params.named_group);
  if (std::find(offered.begin(), offered.end(), group) == offered.end() || is_ffdhe(group))
    return make_error(
        AlertDescription::illegal_parameter,
        "server chose curve " + std::to_string(params.named_group) + ", which was not offered");
  auto share = provider.key_share(group);
  if (!share) return with_context(share.error(), "ECDHE key share");
  auto secret = share.value()->derive(params.point);
  if (!secret) return with_context(secret.error(), "server's ECDH point");
  ClientEphemeral out;
  out.pre_master = std::move(secret.value());
  const ByteView point = share.value()->public_value();
  out.public_value.assign(point.begin(), point.end());
  return out;
}

Result<SecureBuffer> server_ephemeral_secret(ServerEphemeral &server, ByteView client_public) {
  auto secret = server.share->derive(client_public);
  if (!secret) return with_context(secret.error(), "client's public value");
  return std::move(secret.value());
}

}  // namespace tls::handshake
