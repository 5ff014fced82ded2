// Small helpers shared by the checks in checks_*.cpp.
#pragma once

#include <optional>
#include <string>

#include "cipher/provider.hpp"
#include "vector_file.hpp"

namespace tls::vectors {

// "MD5", "SHA1", "SHA256", "SHA384", "SHA512" (hash_name() spellings) to the algorithm.
std::optional<cipher::HashAlg> parse_hash_name(const std::string &name);

// The hash named by a text field; records a failure when the name is unknown.
std::optional<cipher::HashAlg> hash_field(Vector &v, const std::string &field);

}  // namespace tls::vectors
