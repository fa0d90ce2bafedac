// Generic detection. The line pattern only finds assignments; whether a name is secret-like
// and whether a value is a random literal are decided in plain code, where each exclusion
// (references, placeholders, UUIDs, digests, SRI, data: URIs, paths) has a name.
#include "secrets/generic.h"

#include <string>

#include "secrets/validators.h"

namespace clearance::secrets {

namespace {

// name, optional closing quote/bracket, operator, then a quoted or bare value.
const RE2& assignment_pattern() {
  static const RE2 kRe(
      R"re(([A-Za-z_][A-Za-z0-9_.\-]*)\\?["']?\]?\s*(?::=|=>|\+=|=|:)\s*(?:\\"([^"\\\n]*)\\"|"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`|([^\s"'`,;)\]}<>]+)))re");
  return kRe;
}

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '_' || c == '-' || c == '.') continue;
    out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  return out;
}

bool contains(const std::string& s, std::string_view w) {
  return s.find(w) != std::string::npos;
}

bool ends_with(const std::string& s, std::string_view w) {
  return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
}

// snake_case, kebab-case, dotted or CONSTANT_CASE words (unquoted_string, CROSS_BUILD,
// app.db-password-2): names of things, not random values.
bool looks_like_identifier(std::string_view v) {
  size_t segments = 0;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find_first_of("_-./:", i);
    if (j == std::string_view::npos) j = v.size();
    std::string_view seg = v.substr(i, j - i);
    if (!seg.empty()) {
      ++segments;
      size_t k = 0;
      bool lower = seg[0] >= 'a' && seg[0] <= 'z', upper = seg[0] >= 'A' && seg[0] <= 'Z';
      while (k < seg.size() && ((lower && seg[k] >= 'a' && seg[k] <= 'z') ||
                                (upper && seg[k] >= 'A' && seg[k] <= 'Z')))
        ++k;
      while (k < seg.size() && seg[k] >= '0' && seg[k] <= '9') ++k;
      if (k != seg.size()) return false;
    }
    i = j + 1;
  }
  return segments >= 2;
}

}  // namespace

const std::vector<std::string>& generic_keywords() {
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> w = {"secret", "passw",      "passphrase",    "pwd",
                                  "token",  "credential", "authorization", "bearer"};
    for (std::string stem : {"api", "private", "access", "auth", "signing", "encryption", "master",
                             "client", "app", "session", "license"})
      for (std::string sep : {"", "_", "-"}) w.push_back(stem + sep + "key");
    return w;
  }();
  return kWords;
}

bool is_secret_name(std::string_view raw) {
  std::string n = normalize_name(raw);
  static constexpr std::string_view kSecret[] = {
      "secret",     "password",      "passwd",     "passphrase",    "pwd",
      "token",      "apikey",        "privatekey", "accesskey",     "authkey",
      "signingkey", "encryptionkey", "masterkey",  "clientkey",     "appkey",
      "sessionkey", "licensekey",    "credential", "authorization", "bearer"};
  bool secret = false;
  for (auto w : kSecret) secret = secret || contains(n, w);
  if (!secret) return false;
  // Names that mention a secret but hold something else: where it is, how it is shaped,
  // a digest of it, or a public counterpart.
  static constexpr std::string_view kNotSecret[] = {
      "tokeniz",  "maxtoken",  "publickey", "publishable", "hash",    "sha",     "digest",
      "checksum", "integrity", "commit",    "revision",    "url",     "uri",     "endpoint",
      "path",     "file",      "dir",       "arn",         "length",  "size",    "count",
      "policy",   "type",      "version",   "format",      "expir",   "ttl",     "timeout",
      "prompt",   "label",     "field",     "param",       "pattern", "regex",   "placeholder",
      "enabled",  "required",  "rotation",  "algorithm",   "name",    "header",  "prefix",
      "min",      "max",       "kind",      "strength",    "policy",  "validat", "example",
      "sample"};
  for (auto w : kNotSecret)
    if (contains(n, w)) return false;
  return !ends_with(n, "id") && !ends_with(n, "ids") && !ends_with(n, "tokens");
}

bool is_secret_value(std::string_view v, bool quoted) {
  if (v.size() < 10 || v.size() > 400) return false;
  bool digit = false, letter = false, symbol = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') return false;  // sentences and commands, not keys
    if (c >= '0' && c <= '9')
      digit = true;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      letter = true;
    else
      symbol = true;
  }
  if (!letter) return false;
  if (!quoted) {
    // A bare value in code is usually an identifier or an expression; in env and YAML files
    // a real secret still has digits.
    if (!digit) return false;
    for (char c : v)
      if (c == '(' || c == '.' || c == '[') return false;
  }
  if (!digit && !symbol) return false;  // words and CamelCase identifiers
  if (is_variable_reference(v) || is_placeholder(v) || is_documented_example(v)) return false;
  if (is_uuid(v) || is_cognito_user_pool_id(v) || is_sri_hash(v) || is_data_uri(v)) return false;
  if (looks_like_identifier(v)) return false;
  if (v.front() == '/' || v.front() == '~' || v.substr(0, 2) == "./" ||
      v.find("://") != std::string_view::npos)
    return false;
  if (!quoted && (v.front() == '-' || v.front() == '!' || v.front() == '#'))
    return false;  // flags, YAML tags
  if (shannon_entropy(v) < 3.0 || char_classes(v) < 2) return false;
  return true;
}

std::vector<Assignment> find_assignments(std::string_view line) {
  std::vector<Assignment> out;
  const RE2& re = assignment_pattern();
  re2::StringPiece groups[7];
  size_t pos = 0;
  while (pos < line.size() && re.Match(line, pos, line.size(), RE2::UNANCHORED, groups, 7)) {
    Assignment a;
    a.name = groups[1];
    for (int g = 2; g <= 6; ++g)
      if (groups[g].data() != nullptr) {
        a.value = groups[g];
        a.quoted = g != 6;
        break;
      }
    out.push_back(a);
    size_t next = size_t(groups[0].data() + groups[0].size() - line.data());
    pos = std::max(next, pos + 1);
  }
  return out;
}

}  // namespace clearance::secrets
