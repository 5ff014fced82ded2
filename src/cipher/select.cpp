#include "cipher/select.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace tls::cipher {

namespace {

bool offered(std::span<const std::uint16_t> offer, std::uint16_t id) {
  return std::find(offer.begin(), offer.end(), id) != offer.end();
}

bool configured(std::span<const CipherSuite *const> list, const CipherSuite *suite) {
  return std::find(list.begin(), list.end(), suite) != list.end();
}

std::string certificates_phrase(std::uint32_t auth) {
  const bool rsa = (auth & aRSA) != 0;
  const bool ecdsa = (auth & aECDSA) != 0;
  if (rsa && ecdsa) return "RSA and ECDSA certificates";
  if (rsa) return "an RSA certificate";
  if (ecdsa) return "an ECDSA certificate";
  return "no certificate";
}

}  // namespace

ServerAbilities server_abilities(const ServerSetup &setup, ProtocolVersion version) {
  ServerAbilities abilities;
  abilities.auth = aNULL;
  for (KeyType type : setup.certificate_keys) {
    switch (type) {
      case KeyType::rsa:
        abilities.kx |= kRSA;
        abilities.auth |= aRSA;
        break;
      case KeyType::ec_p256:
      case KeyType::ec_p384:
        abilities.auth |= aECDSA;
        break;
      case KeyType::ed25519:
        if (version == ProtocolVersion::tls12) abilities.auth |= aECDSA;
        break;
    }
  }
  if (setup.shared_ec_group) abilities.kx |= kECDHE;
  if (setup.dhe_enabled) abilities.kx |= kDHE;
  return abilities;
}

const char *unusable_reason(const CipherSuite &suite, ProtocolVersion version,
                            const ServerAbilities &abilities) {
  if (!suite.allows(version)) {
    if (to_wire(version) < to_wire(suite.min_version)) {
      switch (suite.min_version) {
        case ProtocolVersion::tls12:
          return "need TLSv1.2";
        case ProtocolVersion::tls11:
          return "need TLSv1.1 or later";
        default:
          return "need TLSv1 or later";
      }
    }
    return "are not allowed at this version";
  }
  if ((suite.auth & abilities.auth) == 0) {
    return suite.auth == aECDSA ? "need an ECDSA certificate" : "need an RSA certificate";
  }
  if ((suite.kx & abilities.kx) == 0) {
    switch (suite.kx) {
      case kECDHE:
        return "need a shared elliptic-curve group";
      case kDHE:
        return "need DHE parameters";
      default:
        return "need an RSA certificate for RSA key exchange";
    }
  }
  return nullptr;
}

Result<const CipherSuite *> choose_cipher(const SelectionRequest &request) {
  const auto usable = [&](const CipherSuite *suite) {
    return unusable_reason(*suite, request.version, request.abilities) == nullptr;
  };
  if (request.server_preference_first) {
    for (const CipherSuite *suite : request.server_preference) {
      if (offered(request.client_offer, suite->id) && usable(suite)) return suite;
    }
  } else {
    for (std::uint16_t id : request.client_offer) {
      const CipherSuite *suite = find_suite(id);
      if (suite != nullptr && configured(request.server_preference, suite) && usable(suite)) {
        return suite;
      }
    }
  }

  // Nothing fitted: say why, suite by suite, so that the operator can fix the configuration.
  std::size_t signalling = 0;
  std::size_t unknown = 0;
  std::size_t not_enabled = 0;
  std::map<std::string, std::size_t> reasons;
  for (std::uint16_t id : request.client_offer) {
    if (id == kEmptyRenegotiationInfoScsv || id == kFallbackScsv) {
      ++signalling;
      continue;
    }
    const CipherSuite *suite = find_suite(id);
    if (suite == nullptr) {
      ++unknown;
    } else if (!configured(request.server_preference, suite)) {
      ++not_enabled;
    } else if (const char *why = unusable_reason(*suite, request.version, request.abilities)) {
      ++reasons[why];
    }
  }
  const std::size_t real = request.client_offer.size() - signalling;
  std::string text = "no shared cipher: client offered " + std::to_string(real) +
                     (real == 1 ? " suite" : " suites") + ", none usable with " +
                     certificates_phrase(request.abilities.auth) + " at " +
                     version_name(request.version);
  std::string details;
  const auto add = [&](std::size_t count, const std::string &what) {
    if (count == 0) return;
    details += (details.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  };
  add(unknown, "unknown to tlspp");
  add(not_enabled, "not enabled on the server");
  for (const auto &[why, count] : reasons) {
    // The reasons are worded for several suites ("need ..."); one suite "needs ...".
    std::string what = why;
    if (count == 1 && what.rfind("need ", 0) == 0) what.insert(4, "s");
    if (count == 1 && what.rfind("are ", 0) == 0) what.replace(0, 3, "is");
    add(count, what);
  }
  if (!details.empty()) text += " (" + details + ")";
  return make_error(AlertDescription::handshake_failure, text);
}

}  // namespace tls::cipher
