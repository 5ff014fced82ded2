// The protocol-version flags both tools take, as openssl s_client / s_server spell them:
// -ssl3 / -tls1 / -tls1_1 / -tls1_2 (exactly that version) and -min_protocol / -max_protocol
// with SSLv3, TLSv1, TLSv1.1 or TLSv1.2.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tls/context.hpp>
#include <tls/version.hpp>

namespace tls::tools {

struct VersionFlags {
  std::optional<ProtocolVersion> min;
  std::optional<ProtocolVersion> max;

  // Consumes argv[i] (and its value) when it is a version flag. Returns false when the flag is
  // not one of these; sets `error` when it is one but its value is wrong.
  bool parse(int argc, char **argv, int &i, std::string &error) {
    const std::string_view arg = argv[i];
    const auto exactly = [this](ProtocolVersion v) { min = max = v; };
    if (arg == "-ssl3") {
      exactly(ProtocolVersion::ssl3);
    } else if (arg == "-tls1") {
      exactly(ProtocolVersion::tls10);
    } else if (arg == "-tls1_1") {
      exactly(ProtocolVersion::tls11);
    } else if (arg == "-tls1_2") {
      exactly(ProtocolVersion::tls12);
    } else if (arg == "-min_protocol" || arg == "-max_protocol") {
      if (i + 1 >= argc) {
        error = std::string(arg) + " needs a version (SSLv3, TLSv1, TLSv1.1, TLSv1.2)";
        return true;
      }
      const auto version = version_from_name(argv[++i]);
      if (!version) {
        error = std::string(arg) + ": unknown version '" + argv[i] +
                "' (SSLv3, TLSv1, TLSv1.1, TLSv1.2)";
        return true;
      }
      (arg == "-min_protocol" ? min : max) = *version;
    } else {
      return false;
    }
    return true;
  }

  // Applies the range; the maximum first so that a lower minimum is never refused for being
  // above the default maximum.
  Status apply(Context &ctx) const {
    if (max) {
      if (auto s = ctx.set_max_version(*max); !s) return s;
    } else if (min && to_wire(*min) > to_wire(ctx.max_version())) {
      if (auto s = ctx.set_max_version(*min); !s) return s;
    }
    if (min) {
      if (auto s = ctx.set_min_version(*min); !s) return s;
    } else if (max && to_wire(*max) < to_wire(ctx.min_version())) {
      if (auto s = ctx.set_min_version(*max); !s) return s;
    }
    return {};
  }

  static constexpr const char *kUsage =
      "  -ssl3 | -tls1 | -tls1_1 | -tls1_2   speak exactly this version\n"
      "  -min_protocol V, -max_protocol V    version range: SSLv3, TLSv1, TLSv1.1, TLSv1.2\n";
};

}  // namespace tls::tools
