// tls-x509: look at certificates and keys, dump DER, verify chains.
//
//   tls-x509 FILE                 print every certificate (like openssl x509 -text -noout),
//                                 public key or private key (type and size only) in FILE
//   tls-x509 --asn1 FILE          dump the DER tree (like openssl asn1parse)
//   tls-x509 --verify --CAfile CA.pem [--CApath DIR] [--untrusted FILE] [--host NAME]
//            [--time YYYY-MM-DDTHH:MM:SSZ] [--purpose server|client|any] [--max-depth N]
//            [--allow-sha1] [--partial-chain] CHAIN.pem
//                                 verify CHAIN (leaf first, then any intermediates)
//
// Exit status: 0 when everything worked (for --verify: the chain verified); for --verify, the
// X509_V_ERR_* number of the error (1..99); 120 for bad usage or an unreadable or malformed
// input file.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cipher/provider.hpp"
#include "x509/asn1_tree.hpp"
#include "x509/certificate_text.hpp"
#include "x509/load.hpp"
#include "x509/pem.hpp"
#include "x509/private_key.hpp"
#include "x509/public_key.hpp"
#include "x509/time.hpp"
#include "x509/trust_store.hpp"
#include "x509/verify.hpp"

namespace {

using namespace tls;
using namespace tls::x509;

constexpr int kExitUsage = 120;

int usage(const char *why = nullptr) {
  if (why) std::cerr << "tls-x509: " << why << "\n";
  std::cerr << "usage: tls-x509 FILE\n"
               "       tls-x509 --asn1 FILE\n"
               "       tls-x509 --verify --CAfile CA.pem [--CApath DIR] [--untrusted FILE]\n"
               "                [--host NAME] [--time YYYY-MM-DDTHH:MM:SSZ]\n"
               "                [--purpose server|client|any] [--max-depth N] [--allow-sha1]\n"
               "                [--partial-chain] CHAIN.pem\n"
               "exit status: 0 ok; for --verify the X509_V_ERR number (1..99) of the failure;\n"
               "             120 bad usage or unreadable / malformed input\n";
  return kExitUsage;
}

int fail(const std::string &what) {
  std::cerr << "tls-x509: " << what << "\n";
  return kExitUsage;
}

std::string key_summary(const cipher::PublicKey &key) {
  switch (key.type) {
    case cipher::KeyType::rsa:
      return "RSA " + std::to_string(bit_length(key.rsa_n)) + " bits";
    case cipher::KeyType::ec_p256:
      return "EC P-256";
    case cipher::KeyType::ec_p384:
      return "EC P-384";
    case cipher::KeyType::ed25519:
      return "Ed25519";
  }
  return "unknown";
}

// Prints every certificate, public key and private key (never its secret) found in the file.
int print_file(const std::string &path) {
  auto data = read_secret_file(path);
  if (!data) return fail(data.error().reason);
  const auto provider = cipher::default_provider();
  if (!contains_pem(*data)) {
    // DER: a certificate, a SubjectPublicKeyInfo or a private key, whichever parses.
    if (auto cert = Certificate::parse(*data)) {
      std::cout << certificate_text(*cert, provider.get());
      return 0;
    }
    if (auto spki = parse_subject_public_key_info(*data)) {
      std::cout << "Public key: " << key_summary(spki->key) << "\n";
      return 0;
    }
    PrivateKeyFormat format;
    if (auto key = parse_private_key(*data, &format)) {
      std::cout << "Private key: " << key_summary(key->public_key) << " ("
                << private_key_format_name(format) << ")\n";
      return 0;
    }
    auto cert = Certificate::parse(*data);
    return fail(path +
                ": not a DER certificate, public key or private key: " + cert.error().reason);
  }
  auto blocks = parse_pem(*data);
  if (!blocks) return fail(path + ": " + blocks.error().reason);
  int printed = 0;
  for (const PemBlock &block : *blocks) {
    if (printed++) std::cout << "\n";
    if (block.label == kPemCertificate) {
      auto cert = Certificate::parse(block.der);
      if (!cert)
        return fail(path + ": line " + std::to_string(block.line) + ": " + cert.error().reason);
      std::cout << certificate_text(*cert, provider.get());
    } else if (block.label == kPemPublicKey) {
      auto spki = parse_subject_public_key_info(block.der);
      if (!spki) return fail(path + ": " + spki.error().reason);
      std::cout << "Public key: " << key_summary(spki->key) << "\n";
    } else if (block.label == kPemRsaPublicKey) {
      auto key = parse_rsa_public_key(block.der);
      if (!key) return fail(path + ": " + key.error().reason);
      std::cout << "Public key: " << key_summary(*key) << " (PKCS#1)\n";
    } else if (block.label == kPemPrivateKey || block.label == kPemRsaPrivateKey ||
               block.label == kPemEcPrivateKey) {
      const PrivateKeyFormat format = block.label == kPemPrivateKey      ? PrivateKeyFormat::pkcs8
                                      : block.label == kPemRsaPrivateKey ? PrivateKeyFormat::pkcs1
                                                                         : PrivateKeyFormat::sec1;
      auto key = parse_private_key_der(block.der, format);
      if (!key) return fail(path + ": " + key.error().reason);
      std::cout << "Private key: " << key_summary(key->public_key) << " ("
                << private_key_format_name(format) << ")\n";
    } else {
      std::cout << "(skipped a PEM block labelled " << block.label << ")\n";
    }
  }
  if (printed == 0) return fail(path + ": no PEM block and not DER");
  return 0;
}

int dump_file(const std::string &path) {
  auto data = read_secret_file(path);
  if (!data) return fail(data.error().reason);
  if (!contains_pem(*data)) {
    auto tree = parse_asn1_tree(*data);
    if (!tree) return fail(path + ": " + tree.error().reason);
    std::cout << dump_asn1_tree(*tree);
    return 0;
  }
  auto blocks = parse_pem(*data);
  if (!blocks) return fail(path + ": " + blocks.error().reason);
  if (blocks->empty()) return fail(path + ": no PEM block");
  for (const PemBlock &block : *blocks) {
    if (blocks->size() > 1) std::cout << "-- " << block.label << " (line " << block.line << ")\n";
    auto tree = parse_asn1_tree(block.der);
    if (!tree)
      return fail(path + ": line " + std::to_string(block.line) + ": " + tree.error().reason);
    std::cout << dump_asn1_tree(*tree);
  }
  return 0;
}

struct VerifyArgs {
  std::vector<std::string> ca_files, ca_dirs, untrusted;
  std::string chain;
  VerifyOptions options;
};

int verify(const VerifyArgs &args) {
  TrustStore store;
  for (const std::string &f : args.ca_files)
    if (Status s = store.add_file(f); !s) return fail(s.error().reason);
  for (const std::string &d : args.ca_dirs)
    if (auto n = store.add_directory(d); !n) return fail(n.error().reason);
  if (store.empty()) return usage("--verify needs --CAfile or --CApath with certificates");
  auto chain = load_certificates_file(args.chain);
  if (!chain) return fail(chain.error().reason);
  for (const std::string &f : args.untrusted) {
    auto more = load_certificates_file(f);
    if (!more) return fail(more.error().reason);
    chain->insert(chain->end(), more->begin(), more->end());
  }
  const VerifyResult result = verify_chain(*chain, store, args.options);
  if (result.ok) {
    std::cout << "OK\n";
    return 0;
  }
  std::cout << "error " << static_cast<int>(result.error) << " (" << verify_error_name(result.error)
            << ") at depth " << result.depth << ": " << verify_error_text(result.error) << "\n"
            << "subject: " << result.subject << "\n"
            << result.reason << "\n";
  return static_cast<int>(result.error);
}

}  // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  if (args[0] == "-h" || args[0] == "--help") {
    usage();
    return 0;
  }
  if (args[0] == "--asn1") {
    if (args.size() != 2) return usage("--asn1 takes one file");
    return dump_file(args[1]);
  }
  if (args[0] != "--verify") {
    if (args.size() != 1) return usage("one file at a time");
    return print_file(args[0]);
  }
  VerifyArgs v;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&](std::string &out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string s;
    if (a == "--CAfile" && value(s)) {
      v.ca_files.push_back(s);
    } else if (a == "--CApath" && value(s)) {
      v.ca_dirs.push_back(s);
    } else if (a == "--untrusted" && value(s)) {
      v.untrusted.push_back(s);
    } else if (a == "--host" && value(s)) {
      v.options.host = s;
    } else if (a == "--time" && value(s)) {
      const auto t = parse_iso8601(s);
      if (!t) return usage("--time wants YYYY-MM-DDTHH:MM:SSZ");
      v.options.time = *t;
    } else if (a == "--purpose" && value(s)) {
      if (s == "server")
        v.options.purpose = Purpose::server;
      else if (s == "client")
        v.options.purpose = Purpose::client;
      else if (s == "any")
        v.options.purpose = Purpose::any;
      else
        return usage("--purpose is server, client or any");
    } else if (a == "--max-depth" && value(s)) {
      char *end = nullptr;
      const long n = std::strtol(s.c_str(), &end, 10);
      if (!end || *end || n < 0 || n > 100) return usage("--max-depth wants 0..100");
      v.options.max_depth = static_cast<int>(n);
    } else if (a == "--allow-sha1") {
      v.options.allow_sha1 = true;
    } else if (a == "--partial-chain") {
      v.options.partial_chain = true;
    } else if (!a.empty() && a[0] != '-' && v.chain.empty()) {
      v.chain = a;
    } else {
      return usage(("unexpected argument " + a).c_str());
    }
  }
  if (v.chain.empty()) return usage("--verify needs a chain file");
  return verify(v);
}
