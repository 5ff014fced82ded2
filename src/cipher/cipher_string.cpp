// OpenSSL 3.0's cipher-list algorithm (ssl/ssl_ciph.c: ssl_create_cipher_list,
// ssl_cipher_apply_rule, ssl_cipher_process_rulestr, ssl_cipher_strength_sort) over tlspp's
// table. The list is a doubly-linked list of every suite with an "active" mark, exactly as
// OpenSSL keeps it, because the rules' results depend on where inactive suites sit: a rule that
// adds suites appends them in list order, and `-` parks the suites it removes at the head.
#include "cipher/cipher_string.hpp"

#include <algorithm>
#include <array>

#include "cipher/cipher_string_words.hpp"

namespace tls::cipher {

namespace {

using namespace cipher_string_detail;

// A suite as OpenSSL's matching sees it.
struct SuiteBits {
  const CipherSuite *suite;
  std::uint32_t mkey, auth, enc, mac;
  std::uint16_t min_version;
  std::uint32_t strength;
};

std::uint32_t enc_bit(BulkCipher cipher) {
  switch (cipher) {
    case BulkCipher::null:
      return enc::eNULL;
    case BulkCipher::rc4_128:
      return enc::RC4;
    case BulkCipher::des_ede3_cbc:
      return enc::TDES;
    case BulkCipher::aes128_cbc:
      return enc::AES128;
    case BulkCipher::aes256_cbc:
      return enc::AES256;
    case BulkCipher::aes128_gcm:
      return enc::AES128GCM;
    case BulkCipher::aes256_gcm:
      return enc::AES256GCM;
    case BulkCipher::chacha20_poly1305:
      return enc::CHACHA20POLY1305;
  }
  return 0;
}

std::uint32_t mac_bit(MacAlg alg) {
  switch (alg) {
    case MacAlg::aead:
      return mac::AEAD;
    case MacAlg::md5:
      return mac::MD5;
    case MacAlg::sha1:
      return mac::SHA1;
    case MacAlg::sha256:
      return mac::SHA256;
    case MacAlg::sha384:
      return mac::SHA384;
  }
  return 0;
}

// What a rule selects: suites matching every non-zero field (OpenSSL's alg_* arguments).
struct Pattern {
  std::uint16_t suite_id = 0;  // an explicitly named suite
  bool selects_nothing = false;
  std::uint32_t mkey = 0, auth = 0, enc = 0, mac = 0;
  std::uint16_t min_version = 0;
  std::uint32_t strength = 0;
};

bool matches(const Pattern &p, const SuiteBits &s) {
  if (p.selects_nothing) return false;
  if (p.suite_id != 0 && p.suite_id != s.suite->id) return false;
  if (p.mkey != 0 && (p.mkey & s.mkey) == 0) return false;
  if (p.auth != 0 && (p.auth & s.auth) == 0) return false;
  if (p.enc != 0 && (p.enc & s.enc) == 0) return false;
  if (p.mac != 0 && (p.mac & s.mac) == 0) return false;
  if (p.min_version != 0 && p.min_version != s.min_version) return false;
  if ((p.strength & kStrongMask) != 0 && (p.strength & kStrongMask & s.strength) == 0) {
    return false;
  }
  if ((p.strength & kDefaultMask) != 0 && (p.strength & kDefaultMask & s.strength) == 0) {
    return false;
  }
  return true;
}

enum class Rule { add, kill, del, ord, bump };

// OpenSSL's CIPHER_ORDER list, by index into bits_.
class OrderList {
 public:
  OrderList() {
    // OpenSSL's starting order is its suite table sorted by id, read backwards.
    for (auto it = all_suites().rbegin(); it != all_suites().rend(); ++it) {
      const CipherSuite &s = *it;
      bits_.push_back(SuiteBits{&s, s.kx, s.auth, enc_bit(s.cipher), mac_bit(s.mac),
                                to_wire(s.min_version), s.strength_class});
    }
    const int n = static_cast<int>(bits_.size());
    nodes_.resize(bits_.size());
    for (int i = 0; i < n; ++i) {
      nodes_[i].prev = i - 1;
      nodes_[i].next = i + 1 < n ? i + 1 : -1;
    }
    head_ = n > 0 ? 0 : -1;
    tail_ = n - 1;
  }

  // Applies a rule to the suites matching `pattern`, or (strength_bits >= 0) to the suites with
  // that many strength bits.
  void apply(Rule rule, const Pattern &pattern, int strength_bits = -1) {
    // `-` and the internal bump walk backwards so that the suites they move to the head keep
    // their relative order.
    const bool reverse = rule == Rule::del || rule == Rule::bump;
    int next = reverse ? tail_ : head_;
    const int last = reverse ? head_ : tail_;
    int curr = -1;
    for (;;) {
      if (curr == last) break;
      curr = next;
      if (curr == -1) break;
      next = reverse ? nodes_[curr].prev : nodes_[curr].next;
      const SuiteBits &s = bits_[curr];
      if (strength_bits >= 0 ? s.suite->strength_bits != strength_bits : !matches(pattern, s)) {
        continue;
      }
      Node &node = nodes_[curr];
      switch (rule) {
        case Rule::add:
          if (!node.active) {
            append_tail(curr);
            node.active = true;
          }
          break;
        case Rule::ord:
          if (node.active) append_tail(curr);
          break;
        case Rule::del:
          if (node.active) {
            append_head(curr);
            node.active = false;
          }
          break;
        case Rule::bump:
          if (node.active) append_head(curr);
          break;
        case Rule::kill:
          unlink(curr);
          break;
      }
    }
  }

  // @STRENGTH: a stable sort by strength bits, strongest first, done as OpenSSL does it (one
  // move-to-end per strength value, from the strongest down).
  void sort_by_strength() {
    int max_bits = 0;
    for (int i = head_; i != -1; i = nodes_[i].next) {
      if (nodes_[i].active) max_bits = std::max(max_bits, bits_[i].suite->strength_bits);
    }
    std::vector<int> uses(static_cast<std::size_t>(max_bits) + 1, 0);
    for (int i = head_; i != -1; i = nodes_[i].next) {
      if (nodes_[i].active) ++uses[static_cast<std::size_t>(bits_[i].suite->strength_bits)];
    }
    for (int b = max_bits; b >= 0; --b) {
      if (uses[static_cast<std::size_t>(b)] > 0) apply(Rule::ord, Pattern{}, b);
    }
  }

  std::vector<const CipherSuite *> active() const {
    std::vector<const CipherSuite *> out;
    for (int i = head_; i != -1; i = nodes_[i].next) {
      if (nodes_[i].active) out.push_back(bits_[i].suite);
    }
    return out;
  }

  bool any_suite_matches(const Pattern &pattern) const {
    return std::any_of(bits_.begin(), bits_.end(),
                       [&](const SuiteBits &s) { return matches(pattern, s); });
  }

 private:
  struct Node {
    int prev = -1;
    int next = -1;
    bool active = false;
  };

  void append_tail(int curr) {
    if (curr == tail_) return;
    Node &n = nodes_[curr];
    if (curr == head_) head_ = n.next;
    if (n.prev != -1) nodes_[n.prev].next = n.next;
    if (n.next != -1) nodes_[n.next].prev = n.prev;
    nodes_[tail_].next = curr;
    n.prev = tail_;
    n.next = -1;
    tail_ = curr;
  }

  void append_head(int curr) {
    if (curr == head_) return;
    Node &n = nodes_[curr];
    if (curr == tail_) tail_ = n.prev;
    if (n.next != -1) nodes_[n.next].prev = n.prev;
    if (n.prev != -1) nodes_[n.prev].next = n.next;
    nodes_[head_].prev = curr;
    n.next = head_;
    n.prev = -1;
    head_ = curr;
  }

  // `!`: out of the list for good, so no later rule can add it back.
  void unlink(int curr) {
    Node &n = nodes_[curr];
    if (head_ == curr) {
      head_ = n.next;
    } else {
      nodes_[n.prev].next = n.next;
    }
    if (tail_ == curr) tail_ = n.prev;
    n.active = false;
    if (n.next != -1) nodes_[n.next].prev = n.prev;
    if (n.prev != -1) nodes_[n.prev].next = n.next;
    n.next = -1;
    n.prev = -1;
  }

  std::vector<SuiteBits> bits_;
  std::vector<Node> nodes_;
  int head_ = -1;
  int tail_ = -1;
};

// OpenSSL's preference order, before any rule of the string: every suite in it, none active.
const OrderList &initial_order() {
  static const OrderList list = [] {
    OrderList l;
    const auto p = [](std::uint32_t mk, std::uint32_t au, std::uint32_t en, std::uint32_t ma,
                      std::uint16_t min_version = 0) {
      Pattern pattern;
      pattern.mkey = mk;
      pattern.auth = au;
      pattern.enc = en;
      pattern.mac = ma;
      pattern.min_version = min_version;
      return pattern;
    };
    // ECDHE first, ECDSA before RSA; "everything else being equal".
    l.apply(Rule::add, p(mkey::kECDHE, auth::aECDSA, 0, 0));
    l.apply(Rule::add, p(mkey::kECDHE, 0, 0, 0));
    l.apply(Rule::del, p(mkey::kECDHE, 0, 0, 0));
    // Within a strength, AES-GCM before ChaCha20 before the other AES modes, then the rest.
    l.apply(Rule::add, p(0, 0, enc::AESGCM, 0));
    l.apply(Rule::add, p(0, 0, enc::CHACHA20POLY1305, 0));
    l.apply(Rule::add, p(0, 0, enc::AES ^ enc::AESGCM, 0));
    l.apply(Rule::add, p(0, 0, 0, 0));
    // Low priority for MD5, anonymous suites, RSA key exchange, PSK and RC4.
    l.apply(Rule::ord, p(0, 0, 0, mac::MD5));
    l.apply(Rule::ord, p(0, auth::aNULL, 0, 0));
    l.apply(Rule::ord, p(mkey::kRSA, 0, 0, 0));
    l.apply(Rule::ord, p(mkey::kPSK, 0, 0, 0));
    l.apply(Rule::ord, p(0, 0, enc::RC4, 0));
    l.sort_by_strength();
    // TLS 1.2 suites before older ones; then (EC)DHE + AEAD > (EC)DHE > AEAD > the rest.
    l.apply(Rule::bump, p(0, 0, 0, 0, to_wire(ProtocolVersion::tls12)));
    l.apply(Rule::bump, p(0, 0, 0, mac::AEAD));
    l.apply(Rule::bump, p(mkey::kDHE | mkey::kECDHE, 0, 0, 0));
    l.apply(Rule::bump, p(mkey::kDHE | mkey::kECDHE, 0, 0, mac::AEAD));
    // All off again, keeping the order.
    l.apply(Rule::del, p(0, 0, 0, 0));
    return l;
  }();
  return list;
}

bool is_separator(char c) {
  return c == ':' || c == ' ' || c == ';' || c == ',';
}

// OpenSSL's word characters, plus '_' so that IANA names can be given.
bool is_word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '=' || c == '_';
}

constexpr std::array<std::string_view, 5> kTls13Suites = {
    "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"};

// One word of a rule, resolved.
struct Word {
  Pattern pattern;
  bool explicit_suite = false;
  std::string note;  // set when the word can select nothing tlspp implements
};

class Parser {
 public:
  Parser(std::string_view whole, OrderList &list, CipherList &out)
      : whole_(whole), list_(list), out_(out) {}

  Status run(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const char ch = text[pos];
      bool special = false;
      Rule rule = Rule::add;
      if (ch == '-') {
        rule = Rule::del;
        ++pos;
      } else if (ch == '+') {
        rule = Rule::ord;
        ++pos;
      } else if (ch == '!') {
        rule = Rule::kill;
        ++pos;
      } else if (ch == '@') {
        special = true;
        ++pos;
      }
      if (is_separator(ch)) {
        ++pos;
        continue;
      }
      if (special) {
        TLS_TRY(run_command(text, pos));
        continue;
      }

      // One or more words joined by '+': the suites matching all of them.
      const std::size_t item_start = pos;
      Pattern pattern;
      bool found = true;
      bool first = true;
      std::vector<std::string> notes;
      for (;;) {
        const std::size_t start = pos;
        while (pos < text.size() && is_word_char(text[pos]))
          ++pos;
        if (pos == start) return unexpected_character(text, pos);
        const std::string_view word = text.substr(start, pos - start);
        const bool multi = pos < text.size() && text[pos] == '+';
        if (multi) ++pos;
        auto resolved = resolve(word);
        if (!resolved.ok()) return resolved.error();
        if (!resolved->note.empty()) notes.push_back(resolved->note);
        if (found) found = combine(pattern, *resolved, first);
        first = false;
        if (!multi) break;
      }
      if (found) list_.apply(rule, pattern);
      if (rule == Rule::add && notes.empty() && (!found || !list_.any_suite_matches(pattern))) {
        notes.push_back("'" + std::string(text.substr(item_start, pos - item_start)) +
                        "' matches no suite tlspp implements");
      }
      if (rule == Rule::add) {
        for (std::string &note : notes)
          out_.notes.push_back(std::move(note));
      }
    }
    return Status();
  }

 private:
  Error error(const std::string &what) const {
    return make_error(AlertDescription::internal_error,
                      "cipher string '" + std::string(whole_) + "': " + what);
  }

  Error unexpected_character(std::string_view text, std::size_t pos) const {
    if (pos >= text.size()) return error("a rule ends without a word");
    return error(std::string("unexpected character '") + text[pos] + "'");
  }

  // After '@': STRENGTH or SECLEVEL=n. Anything after the command up to the next separator is
  // ignored, as OpenSSL does.
  Status run_command(std::string_view text, std::size_t &pos) {
    const std::size_t start = pos;
    while (pos < text.size() && is_word_char(text[pos]))
      ++pos;
    if (pos == start) return unexpected_character(text, pos);
    const std::string_view command = text.substr(start, pos - start);
    if (command == "STRENGTH") {
      list_.sort_by_strength();
    } else if (command.size() == 10 && command.substr(0, 9) == "SECLEVEL=" && command[9] >= '0' &&
               command[9] <= '5') {
      out_.security_level = command[9] - '0';
    } else {
      return error("unknown command '@" + std::string(command) + "'");
    }
    while (pos < text.size() && !is_separator(text[pos]))
      ++pos;
    return Status();
  }

  Result<Word> resolve(std::string_view word) const {
    Word w;
    if (const CipherSuite *suite = find_suite(word)) {
      w.explicit_suite = true;
      w.pattern.suite_id = suite->id;
      w.pattern.mkey = suite->kx;
      w.pattern.auth = suite->auth;
      w.pattern.enc = enc_bit(suite->cipher);
      w.pattern.mac = mac_bit(suite->mac);
      w.pattern.strength = suite->strength_class;
      return w;
    }
    for (const Alias &a : aliases()) {
      if (a.name == word) {
        w.pattern.mkey = a.mkey;
        w.pattern.auth = a.auth;
        w.pattern.enc = a.enc;
        w.pattern.mac = a.mac;
        w.pattern.min_version = a.min_version;
        w.pattern.strength = a.strength;
        if (!list_.any_suite_matches(w.pattern)) {
          w.note = "'" + std::string(word) + "' matches no suite tlspp implements";
        }
        return w;
      }
    }
    const auto openssl_only = openssl_only_suite_names();
    if (std::find(openssl_only.begin(), openssl_only.end(), word) != openssl_only.end()) {
      w.explicit_suite = true;
      w.pattern.selects_nothing = true;
      w.note = "'" + std::string(word) + "' is an OpenSSL suite tlspp does not implement";
      return w;
    }
    if (std::find(kTls13Suites.begin(), kTls13Suites.end(), word) != kTls13Suites.end()) {
      return error("'" + std::string(word) +
                   "' is a TLS 1.3 suite; tlspp speaks TLS 1.2 and below");
    }
    if (word == "DEFAULT") return error("DEFAULT is only recognised at the start of the string");
    if (word.substr(0, 6) == "SUITEB") {
      return error("Suite B mode ('" + std::string(word) + "') is not supported");
    }
    return error("unknown word '" + std::string(word) + "'");
  }

  // Intersects a word into the rule's pattern as OpenSSL does; false when the intersection of
  // some field is empty (the rule then selects nothing and is dropped).
  static bool combine(Pattern &p, const Word &w, bool first) {
    const Pattern &q = w.pattern;
    if (q.selects_nothing) {
      p.selects_nothing = true;
      return true;
    }
    if (first) {
      p = q;
      // A version given with an explicit suite is not part of the pattern (OpenSSL).
      if (w.explicit_suite) p.min_version = 0;
      p.strength = 0;
    } else {
      const auto intersect = [](std::uint32_t &into, std::uint32_t value) {
        if (value == 0) return true;
        into = into != 0 ? (into & value) : value;
        return into != 0;
      };
      if (!intersect(p.mkey, q.mkey) || !intersect(p.auth, q.auth) || !intersect(p.enc, q.enc) ||
          !intersect(p.mac, q.mac)) {
        return false;
      }
      if (w.explicit_suite) {
        p.suite_id = q.suite_id;
      } else if (q.min_version != 0) {
        if (p.min_version != 0 && p.min_version != q.min_version) return false;
        p.min_version = q.min_version;
      }
    }
    // Strength classes combine by group; note that OpenSSL's first strong class replaces
    // (rather than joins) any "not default" bit set by an earlier word.
    std::uint32_t &s = p.strength;
    if ((q.strength & kStrongMask) != 0) {
      if ((s & kStrongMask) != 0) {
        s &= (q.strength & kStrongMask) | ~kStrongMask;
        if ((s & kStrongMask) == 0) return false;
      } else {
        s = q.strength & kStrongMask;
      }
    }
    if ((q.strength & kDefaultMask) != 0) {
      if ((s & kDefaultMask) != 0) {
        s &= (q.strength & kDefaultMask) | ~kDefaultMask;
        if ((s & kDefaultMask) == 0) return false;
      } else {
        s |= q.strength & kDefaultMask;
      }
    }
    return true;
  }

  std::string_view whole_;
  OrderList &list_;
  CipherList &out_;
};

}  // namespace

Result<CipherList> parse_cipher_string(std::string_view text) {
  OrderList list = initial_order();
  CipherList out;
  Parser parser(text, list, out);
  std::string_view rest = text;
  constexpr std::string_view kDefault = "DEFAULT";
  if (rest.substr(0, kDefault.size()) == kDefault &&
      (rest.size() == kDefault.size() || !is_word_char(rest[kDefault.size()]))) {
    TLS_TRY(parser.run(kDefaultCipherString));
    rest.remove_prefix(kDefault.size());
    if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
  }
  TLS_TRY(parser.run(rest));
  out.suites = list.active();
  if (out.suites.empty()) {
    return make_error(AlertDescription::internal_error,
                      "cipher string '" + std::string(text) + "' selects no cipher suite");
  }
  return out;
}

const std::vector<const CipherSuite *> &default_cipher_list() {
  static const std::vector<const CipherSuite *> list = [] {
    auto parsed = parse_cipher_string("DEFAULT");
    return parsed.ok() ? parsed->suites : std::vector<const CipherSuite *>{};
  }();
  return list;
}

bool allowed_at_security_level(const CipherSuite &suite, int level) noexcept {
  if (level <= 0) return true;
  static constexpr int kMinBits[] = {80, 112, 128, 192, 256};
  const int min_bits = kMinBits[std::min(level, 5) - 1];
  if (suite.strength_bits < min_bits) return false;
  if ((suite.auth & aNULL) != 0) return false;
  if (suite.mac == MacAlg::md5) return false;
  if (min_bits > 160 && suite.mac == MacAlg::sha1) return false;
  if (level >= 3 && (suite.kx & (kDHE | kECDHE)) == 0) return false;
  return true;
}

std::vector<const CipherSuite *> filter_by_security_level(
    std::span<const CipherSuite *const> suites, int level) {
  std::vector<const CipherSuite *> out;
  for (const CipherSuite *s : suites) {
    if (allowed_at_security_level(*s, level)) out.push_back(s);
  }
  return out;
}

std::string join_names(std::span<const CipherSuite *const> suites) {
  std::string out;
  for (const CipherSuite *s : suites) {
    if (!out.empty()) out += ':';
    out += s->name;
  }
  return out;
}

}  // namespace tls::cipher
