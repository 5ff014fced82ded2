#include "check_helpers.hpp"

namespace tls::vectors {

std::optional<cipher::HashAlg> parse_hash_name(const std::string &name) {
  using cipher::HashAlg;
  for (HashAlg alg : {HashAlg::md5, HashAlg::sha1, HashAlg::sha256, HashAlg::sha384,
                      HashAlg::sha512, HashAlg::md5_sha1}) {
    if (name == cipher::hash_name(alg)) return alg;
  }
  return std::nullopt;
}

std::optional<cipher::HashAlg> hash_field(Vector &v, const std::string &field) {
  const std::string name = v.text(field);
  auto alg = parse_hash_name(name);
  if (!alg) v.fail(field + ": unknown hash '" + name + "'");
  return alg;
}

}  // namespace tls::vectors
