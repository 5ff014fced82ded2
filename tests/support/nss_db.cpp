#include "support/nss_db.hpp"

#include "support/process.hpp"

namespace tls::test {
namespace {

bool run_tool(const std::string &command, std::string *error) {
  int status = 0;
  const auto out = run(command + " 2>&1", &status);
  if (out && status == 0) return true;
  if (error)
    *error = "failed (" + std::to_string(status) + "): " + command + "\n" + out.value_or("");
  return false;
}

}  // namespace

bool have_nss_tools() {
  static const bool have = have_program("selfserv") && have_program("tstclnt") &&
                           have_program("certutil") && have_program("pk12util") &&
                           have_program("openssl");
  return have;
}

std::unique_ptr<NssDb> NssDb::create(std::string *error) {
  std::unique_ptr<NssDb> db(new NssDb());
  if (!db->dir_.valid()) {
    if (error) *error = "cannot make a temporary directory";
    return nullptr;
  }
  if (!run_tool("certutil -N -d " + shell_quote(db->spec()) + " --empty-password", error))
    return nullptr;
  return db;
}

bool NssDb::add_trust_anchor(const std::string &ca_pem, const std::string &nickname,
                             std::string *error) {
  return run_tool("certutil -A -d " + shell_quote(spec()) + " -n " + shell_quote(nickname) +
                      " -t CT,C,C -i " + shell_quote(ca_pem),
                  error);
}

bool NssDb::add_key(const std::string &chain_pem, const std::string &key_pem,
                    const std::string &nickname, std::string *error) {
  const std::string p12 = dir_.file("import-" + std::to_string(imported_++) + ".p12");
  // AES/SHA-256 protection: NSS refuses the RC2 default of older openssl releases.
  if (!run_tool(
          "openssl pkcs12 -export -in " + shell_quote(chain_pem) + " -inkey " +
              shell_quote(key_pem) + " -name " + shell_quote(nickname) +
              " -passout pass: -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256 -out " +
              shell_quote(p12),
          error))
    return false;
  return run_tool("pk12util -i " + shell_quote(p12) + " -d " + shell_quote(spec()) + " -W ''",
                  error);
}

}  // namespace tls::test
