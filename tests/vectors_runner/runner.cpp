#include "runner.hpp"

#include <algorithm>
#include <exception>

namespace tls::vectors {

void Registry::add(const std::string &section, Check check) {
  checks_[section] = std::move(check);
}

const Check *Registry::find(const std::string &section) const {
  auto it = checks_.find(section);
  return it == checks_.end() ? nullptr : &it->second;
}

const Registry &all_checks() {
  static const Registry registry = [] {
    Registry r;
    add_hash_checks(r);
    add_cipher_checks(r);
    add_public_key_checks(r);
    add_prf_checks(r);
    add_record_checks(r);
    return r;
  }();
  return registry;
}

const std::set<std::string> &available_features() {
  static const std::set<std::string> features = {"ssl3", "tls10", "tls11", "tls12"};
  return features;
}

int FileReport::passed() const {
  return static_cast<int>(
      std::count_if(vectors.begin(), vectors.end(), [](const auto &v) { return v.passed; }));
}
int FileReport::failed() const {
  return static_cast<int>(std::count_if(vectors.begin(), vectors.end(),
                                        [](const auto &v) { return !v.passed && !v.skipped; }));
}
int FileReport::skipped() const {
  return static_cast<int>(
      std::count_if(vectors.begin(), vectors.end(), [](const auto &v) { return v.skipped; }));
}

VectorOutcome run_vector(Vector &v, const Registry &registry, const cipher::Provider &provider) {
  VectorOutcome outcome;
  outcome.line = v.line();
  outcome.section = v.section();
  if (auto requires_feature = v.optional_text("Requires");
      requires_feature && !available_features().count(*requires_feature)) {
    outcome.skipped = true;
    return outcome;
  }
  const Check *check = registry.find(v.section());
  if (check == nullptr) {
    outcome.failures.push_back("no check named [" + v.section() + "]");
  } else {
    try {
      (*check)(v, provider);
    } catch (const std::exception &e) {
      v.fail(std::string("the check threw: ") + e.what());
    }
    outcome.failures = v.errors();
    for (const std::string &name : v.unread_fields()) {
      outcome.failures.push_back("field " + name + " was not checked");
    }
  }
  outcome.passed = outcome.failures.empty();
  return outcome;
}

FileReport run_vector_file(const std::string &path, const Registry &registry,
                           const cipher::Provider &provider) {
  FileReport report;
  report.path = path;
  std::string error;
  auto file = parse_vector_file(path, &error);
  if (!file) {
    report.error = error;
    return report;
  }
  report.source = file->source;
  if (file->vectors.empty()) report.error = path + ": no vectors";
  for (Vector &v : file->vectors)
    report.vectors.push_back(run_vector(v, registry, provider));
  return report;
}

}  // namespace tls::vectors
