#include "x509/verify.hpp"

#include <algorithm>
#include <map>

#include "x509/hostname.hpp"
#include "x509/oid.hpp"

namespace tls::x509 {

namespace {

// Bounds on path building, so that a peer sending many certificates with the same names
// cannot make us explore (and verify signatures for) an exponential number of paths.
constexpr std::size_t kMaxPeerCertificates = 32;
constexpr std::size_t kMaxPaths = 64;
constexpr std::size_t kMaxSteps = 1024;
// The most (name, constraint) pairs checked for one certificate, as OpenSSL bounds it: a
// certificate with thousands of names under thousands of constraints is refused instead.
constexpr std::size_t kMaxNameChecks = std::size_t{1} << 20;

bool same_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

std::string quoted(const Name &name) {
  return "'" + name.to_string() + "'";
}

// --- Name constraints (RFC 5280 §4.2.1.10) ----------------------------------------------------

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
  if (suffix.size() > s.size()) return false;
  const std::string_view tail = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (lower(tail[i]) != lower(suffix[i])) return false;
  return true;
}

// "example.com" matches example.com and any name below it; ".example.com" only names below.
bool dns_within(std::string_view name, std::string_view constraint) {
  if (constraint.empty()) return true;
  if (constraint.front() == '.')
    return name.size() > constraint.size() && ends_with_ignoring_case(name, constraint);
  if (name.size() == constraint.size()) return ends_with_ignoring_case(name, constraint);
  return name.size() > constraint.size() && ends_with_ignoring_case(name, constraint) &&
         name[name.size() - constraint.size() - 1] == '.';
}

// An iPAddress constraint is address || mask (8 or 32 octets).
bool ip_within(ByteView address, ByteView constraint) {
  if (constraint.size() != 2 * address.size()) return false;
  const std::size_t n = address.size();
  for (std::size_t i = 0; i < n; ++i)
    if ((address[i] & constraint[n + i]) != (constraint[i] & constraint[n + i])) return false;
  return true;
}

// A common name that could be a host name: dot-separated LDH labels, at least two.
bool looks_like_host_name(std::string_view cn) {
  if (cn.find('.') == std::string_view::npos) return false;
  std::size_t label = 0;
  for (char c : cn) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    const bool ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '*';
    if (!ldh) return false;
    ++label;
  }
  return label != 0;
}

struct ConstraintResult {
  VerifyError error = VerifyError::ok;
  std::string reason;
};

ConstraintResult check_name_constraints(const NameConstraints &nc, const Certificate &ca,
                                        const Certificate &cert, bool is_leaf) {
  // The names of the certificate, by form.
  struct Named {
    GeneralNameType type;
    std::string text;  // DNS names
    ByteView bytes;    // IP addresses
    std::string shown;
  };
  std::vector<Named> names;
  bool has_dns = false;
  for (const GeneralName &gn : cert.subject_alt_names()) {
    names.push_back({gn.type, gn.text, gn.bytes, gn.to_string()});
    has_dns = has_dns || gn.type == GeneralNameType::dns_name;
  }
  if (!cert.subject().empty())
    names.push_back(
        {GeneralNameType::directory_name, {}, {}, "DirName:" + cert.subject().to_string()});
  for (const std::string &email : cert.subject().values(oid::kEmailAddress))
    names.push_back({GeneralNameType::rfc822_name, email, {}, "email:" + email});
  // Host-name matching may fall back to the common name (when there is no dNSName), so the
  // DNS constraints must cover it too.
  if (is_leaf && !has_dns) {
    for (const std::string &cn : cert.subject().values(oid::kCommonName))
      if (looks_like_host_name(cn))
        names.push_back({GeneralNameType::dns_name, cn, {}, "CN:" + cn});
  }

  if (!names.empty() && nc.permitted.size() + nc.excluded.size() > kMaxNameChecks / names.size())
    return {VerifyError::unsupported_name_syntax,
            "too many names (" + std::to_string(names.size()) + ") under the name constraints of " +
                quoted(ca.subject()) + " to check"};
  auto constrains = [&](GeneralNameType type) {
    auto has = [type](const std::vector<GeneralName> &v) {
      return std::any_of(v.begin(), v.end(),
                         [type](const GeneralName &g) { return g.type == type; });
    };
    return has(nc.permitted) || has(nc.excluded);
  };
  auto within = [](const Named &name, const GeneralName &subtree) {
    if (subtree.type != name.type) return false;
    if (name.type == GeneralNameType::dns_name) return dns_within(name.text, subtree.text);
    return ip_within(name.bytes, subtree.bytes);
  };

  for (const Named &name : names) {
    if (!constrains(name.type)) continue;
    if (name.type != GeneralNameType::dns_name && name.type != GeneralNameType::ip_address)
      return {VerifyError::unsupported_constraint_type,
              "name constraints of " + quoted(ca.subject()) + " restrict the form of " +
                  name.shown + ", which tlspp does not check"};
    bool any_permitted_of_type = false, permitted = false;
    for (const GeneralName &subtree : nc.permitted) {
      if (subtree.type != name.type) continue;
      any_permitted_of_type = true;
      permitted = permitted || within(name, subtree);
    }
    if (any_permitted_of_type && !permitted)
      return {VerifyError::permitted_violation,
              name.shown + " is outside the permitted subtrees of " + quoted(ca.subject())};
    for (const GeneralName &subtree : nc.excluded)
      if (within(name, subtree))
        return {VerifyError::excluded_violation, name.shown + " is within the excluded subtree " +
                                                     subtree.to_string() + " of " +
                                                     quoted(ca.subject())};
  }
  return {};
}

// --- Path building ------------------------------------------------------------------------------

struct Node {
  const Certificate *cert;
  bool trusted;
};

struct Path {
  std::vector<std::size_t> nodes;  // indexes into the pool, leaf first
  bool complete = false;           // ends at a trust anchor
  bool too_long = false;           // stopped by max_depth
};

class PathBuilder {
 public:
  PathBuilder(const std::vector<Node> &pool, const VerifyOptions &options)
      : pool_(pool), options_(options) {}

  std::vector<Path> build(std::size_t leaf) {
    Path path;
    path.nodes.push_back(leaf);
    extend(path);
    return std::move(paths_);
  }

 private:
  bool is_anchor(std::size_t i) const {
    return pool_[i].trusted && (options_.partial_chain || pool_[i].cert->is_self_signed());
  }
  bool in_path(const Path &path, std::size_t i) const {
    return std::find(path.nodes.begin(), path.nodes.end(), i) != path.nodes.end();
  }

  void extend(Path &path) {
    if (paths_.size() >= kMaxPaths || ++steps_ > kMaxSteps) return;
    const std::size_t cur = path.nodes.back();
    if (is_anchor(cur)) {
      Path done = path;
      done.complete = true;
      paths_.push_back(std::move(done));
      return;
    }
    // leaf + max_depth intermediates + anchor: no room for another issuer that is not an anchor.
    const std::size_t max_len = static_cast<std::size_t>(std::max(options_.max_depth, 0)) + 2;
    bool found = false;
    for (std::size_t i = 0; i < pool_.size(); ++i) {
      if (in_path(path, i) || !could_have_issued(*pool_[i].cert, *pool_[cur].cert)) continue;
      if (path.nodes.size() + 1 > max_len || (path.nodes.size() + 1 == max_len && !is_anchor(i))) {
        Path stopped = path;
        stopped.too_long = true;
        paths_.push_back(std::move(stopped));
        found = true;
        continue;
      }
      found = true;
      path.nodes.push_back(i);
      extend(path);
      path.nodes.pop_back();
    }
    if (!found) paths_.push_back(path);
  }

  const std::vector<Node> &pool_;
  const VerifyOptions &options_;
  std::vector<Path> paths_;
  std::size_t steps_ = 0;
};

// --- Checking one path --------------------------------------------------------------------------

class PathChecker {
 public:
  PathChecker(const std::vector<Node> &pool, const VerifyOptions &options,
              const cipher::Provider &provider, UnixTime now)
      : pool_(pool), options_(options), provider_(provider), now_(now) {}

  // Checks `path`; with `use_callback`, errors go to the callback (which may override them)
  // and passing certificates are reported to it too.
  VerifyResult check(const Path &path, bool use_callback) {
    use_callback_ = use_callback && static_cast<bool>(options_.callback);
    result_ = VerifyResult{};
    result_.ok = true;
    stopped_ = false;
    certs_.clear();
    for (std::size_t i : path.nodes)
      certs_.push_back(pool_[i].cert);
    for (const Certificate *c : certs_)
      result_.chain.push_back(*c);

    const int top = static_cast<int>(certs_.size()) - 1;
    for (int depth = top; depth >= 0 && !stopped_; --depth) {
      const Certificate &cert = *certs_[static_cast<std::size_t>(depth)];
      const std::size_t errors_before = errors_;
      if (depth == top && !path.complete) check_issuer_missing(path, cert, depth);
      if (!stopped_ && depth < top) check_link(cert, depth);
      if (!stopped_) check_validity(cert, depth);
      if (!stopped_) check_key_size(cert, depth);
      if (!stopped_) check_critical_extensions(cert, depth);
      if (!stopped_ && depth >= 1) check_ca(cert, depth, depth == top && path.complete);
      if (!stopped_) check_constraints_from_above(cert, depth, top);
      if (!stopped_ && depth == 0) check_leaf(cert);
      if (!stopped_ && use_callback_ && errors_ == errors_before &&
          !options_.callback(true, cert, depth, VerifyError::ok))
        fail(VerifyError::application_verification, depth, "rejected by the verify callback",
             /*ask_callback=*/false);
    }
    if (result_.ok) {
      result_.error = VerifyError::ok;
      result_.depth = 0;
      result_.subject = certs_.front()->subject().to_string();
      result_.reason.clear();
      result_.text = "OK";
    }
    return std::move(result_);
  }

 private:
  const Certificate &at(int depth) const { return *certs_[static_cast<std::size_t>(depth)]; }

  // Records an error; without a callback (or when it declines) verification stops here.
  void fail(VerifyError error, int depth, std::string reason, bool ask_callback = true) {
    ++errors_;
    if (ask_callback && use_callback_ && options_.callback(false, at(depth), depth, error)) return;
    result_.ok = false;
    result_.error = error;
    result_.depth = depth;
    result_.subject = at(depth).subject().to_string();
    result_.reason = std::move(reason);
    result_.text = "certificate verify failed at depth " + std::to_string(depth) + ": " +
                   result_.reason + "; subject: " + result_.subject;
    stopped_ = true;
  }

  void check_issuer_missing(const Path &path, const Certificate &cert, int depth) {
    if (path.too_long) {
      fail(VerifyError::cert_chain_too_long, depth,
           "certificate chain too long (more than " + std::to_string(options_.max_depth) +
               " intermediate certificates)");
    } else if (cert.is_self_signed()) {
      fail(
          depth == 0 ? VerifyError::depth_zero_self_signed_cert
                     : VerifyError::self_signed_cert_in_chain,
          depth,
          std::string(depth == 0 ? "self-signed certificate" : "self-signed certificate in chain") +
              " " + quoted(cert.subject()) + " is not trusted");
    } else if (pool_[path.nodes.back()].trusted) {
      fail(VerifyError::unable_to_get_issuer_cert, depth,
           "unable to get issuer certificate: the issuer " + quoted(cert.issuer()) +
               " of a trusted certificate is not in the trust store");
    } else {
      fail(
          VerifyError::unable_to_get_issuer_cert_locally, depth,
          "unable to get local issuer certificate: issuer " + quoted(cert.issuer()) + " not found");
    }
  }

  void check_link(const Certificate &cert, int depth) {
    const Certificate &issuer = at(depth + 1);
    const auto key = std::make_pair(cert.der().data(), issuer.der().data());
    auto cached = signature_cache_.find(key);
    if (cached == signature_cache_.end()) {
      std::string reason;
      const VerifyError e = check_signature(cert, issuer, provider_, options_.allow_sha1,
                                            options_.allow_md5, &reason);
      cached = signature_cache_.emplace(key, std::make_pair(e, reason)).first;
    }
    if (cached->second.first != VerifyError::ok)
      fail(cached->second.first, depth, cached->second.second);
  }

  void check_validity(const Certificate &cert, int depth) {
    if (now_ < cert.not_before()) {
      fail(VerifyError::cert_not_yet_valid, depth,
           "certificate is not yet valid (notBefore " + format_openssl_time(cert.not_before()) +
               ", verification time " + format_openssl_time(now_) + ")");
    } else if (now_ > cert.not_after()) {
      fail(VerifyError::cert_has_expired, depth,
           "certificate has expired (notAfter " + format_openssl_time(cert.not_after()) +
               ", verification time " + format_openssl_time(now_) + ")");
    }
  }

  void check_key_size(const Certificate &cert, int depth) {
    const SubjectPublicKeyInfo &spki = cert.public_key_info();
    if (!spki.supported || spki.key.type != cipher::KeyType::rsa) return;
    if (spki.bits() < options_.min_rsa_bits)
      fail(depth == 0 ? VerifyError::ee_key_too_small : VerifyError::ca_key_too_small, depth,
           "RSA key of " + std::to_string(spki.bits()) + " bits is below the " +
               std::to_string(options_.min_rsa_bits) + "-bit minimum");
  }

  void check_critical_extensions(const Certificate &cert, int depth) {
    for (const Extension &ext : cert.extensions().all) {
      if (ext.critical && !is_handled_extension(ext.oid)) {
        fail(VerifyError::unhandled_critical_extension, depth,
             "unhandled critical extension " + oid_display_name(ext.oid));
        return;
      }
    }
  }

  void check_ca(const Certificate &cert, int depth, bool is_anchor) {
    const Extensions &ext = cert.extensions();
    // A v1 self-signed root has no extensions at all; as a trust anchor it is taken as a CA.
    const bool legacy_root = cert.version() == 1 && cert.is_self_signed();
    if (!ext.basic_constraints && !legacy_root) {
      fail(VerifyError::invalid_ca, depth, "invalid CA certificate: no basicConstraints extension");
      if (stopped_) return;
    } else if (ext.basic_constraints && !ext.basic_constraints->ca) {
      fail(VerifyError::invalid_ca, depth, "invalid CA certificate: basicConstraints cA is FALSE");
      if (stopped_) return;
    }
    if (ext.key_usage && !ext.key_usage->has(KeyUsageBit::key_cert_sign)) {
      fail(VerifyError::keyusage_no_certsign, depth,
           "key usage does not include certificate signing (keyCertSign)");
      if (stopped_) return;
    }
    if (ext.basic_constraints && ext.basic_constraints->path_len) {
      // Intermediate CAs between this one and the leaf, self-issued ones not counted.
      std::uint64_t below = 0;
      for (int d = 1; d < depth; ++d)
        if (!at(d).is_self_issued()) ++below;
      if (below > *ext.basic_constraints->path_len) {
        fail(VerifyError::path_length_exceeded, depth,
             "path length constraint exceeded: pathLenConstraint " +
                 std::to_string(*ext.basic_constraints->path_len) + " but " +
                 std::to_string(below) + " intermediate CA certificate(s) below");
        if (stopped_) return;
      }
    }
    if (!is_anchor && !purpose_allows_ca(cert))
      fail(VerifyError::invalid_purpose, depth,
           "unsuitable certificate purpose: the CA's extendedKeyUsage excludes " + purpose_name());
  }

  void check_constraints_from_above(const Certificate &cert, int depth, int top) {
    // RFC 5280 §6.1.3 (b): self-issued intermediates are not subject to name constraints.
    if (depth > 0 && cert.is_self_issued()) return;
    for (int k = top; k > depth; --k) {
      const Certificate &ca = at(k);
      if (!ca.extensions().name_constraints) continue;
      const ConstraintResult r =
          check_name_constraints(*ca.extensions().name_constraints, ca, cert, depth == 0);
      if (r.error != VerifyError::ok) {
        fail(r.error, depth, r.reason);
        return;
      }
    }
  }

  std::string purpose_name() const {
    return options_.purpose == Purpose::client ? "clientAuth" : "serverAuth";
  }
  std::string_view purpose_oid() const {
    return options_.purpose == Purpose::client ? oid::kClientAuth : oid::kServerAuth;
  }
  bool purpose_allows_ca(const Certificate &cert) const {
    const Extensions &ext = cert.extensions();
    if (options_.purpose == Purpose::any || !ext.ext_key_usage) return true;
    return ext.has_ext_key_usage(purpose_oid()) || ext.has_ext_key_usage(oid::kAnyExtendedKeyUsage);
  }

  void check_leaf(const Certificate &cert) {
    const Extensions &ext = cert.extensions();
    if (options_.purpose != Purpose::any) {
      if (ext.ext_key_usage && !ext.has_ext_key_usage(purpose_oid()) &&
          !ext.has_ext_key_usage(oid::kAnyExtendedKeyUsage)) {
        fail(VerifyError::invalid_purpose, 0,
             "unsuitable certificate purpose: extendedKeyUsage lacks " + purpose_name());
        if (stopped_) return;
      }
      // A TLS key signs (ECDHE, client authentication), decrypts (RSA key exchange) or agrees
      // (static ECDH); keyUsage, when present, must allow one of them.
      if (ext.key_usage && !ext.key_usage->has(KeyUsageBit::digital_signature) &&
          !ext.key_usage->has(KeyUsageBit::key_encipherment) &&
          !ext.key_usage->has(KeyUsageBit::key_agreement)) {
        fail(VerifyError::invalid_purpose, 0,
             "unsuitable certificate purpose: keyUsage allows neither digitalSignature, "
             "keyEncipherment nor keyAgreement");
        if (stopped_) return;
      }
    }
    if (!options_.host.empty()) {
      const HostMatch m = match_host(cert, options_.host);
      if (!m.ok)
        fail(m.is_ip ? VerifyError::ip_address_mismatch : VerifyError::hostname_mismatch, 0,
             std::string(m.is_ip ? "IP address '" : "hostname '") + options_.host +
                 "' not in certificate (" + m.presented + ")");
    }
  }

  const std::vector<Node> &pool_;
  const VerifyOptions &options_;
  const cipher::Provider &provider_;
  const UnixTime now_;
  std::vector<const Certificate *> certs_;
  VerifyResult result_;
  bool use_callback_ = false;
  bool stopped_ = false;
  std::size_t errors_ = 0;
  std::map<std::pair<const std::uint8_t *, const std::uint8_t *>,
           std::pair<VerifyError, std::string>>
      signature_cache_;
};

}  // namespace

VerifyError check_signature(const Certificate &cert, const Certificate &issuer,
                            const cipher::Provider &provider, bool allow_sha1, bool allow_md5,
                            std::string *reason) {
  auto refuse = [reason](VerifyError e, std::string why) {
    if (reason) *reason = std::move(why);
    return e;
  };
  const SubjectPublicKeyInfo &key = issuer.public_key_info();
  const SignatureAlgorithm &alg = cert.signature_algorithm();
  if (!key.supported)
    return refuse(VerifyError::unable_to_decode_issuer_public_key,
                  "unable to use the issuer's public key: " + key.unsupported_reason);
  if (!alg.supported)
    return refuse(VerifyError::unsupported_signature_algorithm,
                  "unsupported signature algorithm: " + alg.unsupported_reason);
  if (!alg.matches_key(key.key.type))
    return refuse(VerifyError::signature_algorithm_mismatch, "signature algorithm " + alg.name() +
                                                                 " does not fit the issuer's " +
                                                                 key.type_name() + " key");
  const cipher::HashAlg hash = alg.params.hash;
  if (alg.params.alg != cipher::SignatureAlg::ed25519) {
    if ((hash == cipher::HashAlg::sha1 && !allow_sha1) ||
        (hash == cipher::HashAlg::md5 && !allow_md5))
      return refuse(VerifyError::ca_md_too_weak, std::string("signature algorithm ") + alg.name() +
                                                     " uses " + cipher::hash_name(hash) +
                                                     ", which is refused unless enabled");
  }
  const Bytes digest = alg.params.alg == cipher::SignatureAlg::ed25519
                           ? Bytes(cert.tbs().begin(), cert.tbs().end())
                           : provider.digest(hash, cert.tbs());
  const Status s = provider.verify(key.key, alg.params, digest, cert.signature());
  if (!s)
    return refuse(VerifyError::cert_signature_failure,
                  "certificate signature failure (" + alg.name() + " by " +
                      quoted(issuer.subject()) + "): " + s.error().reason);
  return VerifyError::ok;
}

VerifyResult verify_chain(const std::vector<Certificate> &peer_chain, const TrustStore &anchors,
                          const VerifyOptions &options) {
  VerifyResult result;
  if (peer_chain.empty()) {
    result.error = VerifyError::unspecified;
    result.reason = "no certificate to verify";
    result.text = "certificate verify failed: no certificate to verify";
    return result;
  }
  const std::shared_ptr<const cipher::Provider> provider =
      options.provider ? options.provider : cipher::default_provider();
  const UnixTime now = options.time ? *options.time : provider->now();

  // The pool: trust anchors first (so that paths end in the store as early as possible), then
  // the peer's certificates; a peer certificate that is also in the store counts as trusted.
  std::vector<Node> pool;
  for (const Certificate &c : anchors.certificates())
    pool.push_back({&c, true});
  auto index_of = [&pool](const Certificate &c) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < pool.size(); ++i)
      if (same_bytes(pool[i].cert->der(), c.der())) return i;
    return std::nullopt;
  };
  std::size_t leaf = 0;
  const std::size_t count = std::min(peer_chain.size(), kMaxPeerCertificates);
  for (std::size_t i = 0; i < count; ++i) {
    const auto existing = index_of(peer_chain[i]);
    if (!existing) pool.push_back({&peer_chain[i], false});
    if (i == 0) leaf = existing ? *existing : pool.size() - 1;
  }

  PathBuilder builder(pool, options);
  const std::vector<Path> paths = builder.build(leaf);
  PathChecker checker(pool, options, *provider, now);

  for (const Path &path : paths) {
    if (!path.complete) continue;
    if (checker.check(path, false).ok) return checker.check(path, true);
  }
  for (const Path &path : paths)
    if (path.complete) return checker.check(path, true);
  // No path reaches the trust store: report the one that got furthest.
  if (paths.empty()) {
    result.error = VerifyError::unspecified;
    result.text = "certificate verify failed: path building gave up";
    return result;
  }
  const Path *best = &paths.front();
  for (const Path &path : paths)
    if (path.nodes.size() > best->nodes.size()) best = &path;
  return checker.check(*best, true);
}

Result<VerifyResult> verify_der_chain(const std::vector<ByteView> &der_chain,
                                      const TrustStore &anchors, const VerifyOptions &options) {
  auto chain = parse_certificates(der_chain);
  if (!chain) return chain.error();
  return verify_chain(*chain, anchors, options);
}

}  // namespace tls::x509
