// Checksums, entropy and allowlists. All functions are pure.
#include "secrets/validators.h"

#include <array>
#include <cmath>
#include <string>

#include <re2/re2.h>

namespace clearance::secrets {

namespace {

constexpr std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}
constexpr auto kCrcTable = make_crc_table();

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && lower(hay[i + j]) == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int base62_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  if (c >= 'a' && c <= 'z') return c - 'a' + 36;
  return -1;
}

}  // namespace

uint32_t crc32(std::string_view data) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = kCrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

bool github_checksum_ok(std::string_view token) {
  if (token.size() != 40 || token[3] != '_') return false;
  uint64_t value = 0;
  for (char c : token.substr(34)) {
    int v = base62_value(c);
    if (v < 0) return false;
    value = value * 62 + uint64_t(v);
  }
  return value == crc32(token.substr(4, 30));
}

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<uint32_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0, n = double(s.size());
  for (uint32_t c : counts)
    if (c) {
      double p = c / n;
      h -= p * std::log2(p);
    }
  return h;
}

int char_classes(std::string_view s) {
  bool lo = false, up = false, dig = false, other = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z')
      lo = true;
    else if (c >= 'A' && c <= 'Z')
      up = true;
    else if (c >= '0' && c <= '9')
      dig = true;
    else
      other = true;
  }
  return lo + up + dig + other;
}

bool is_documented_example(std::string_view s) {
  // Exact case variants only (example, EXAMPLE, Example): long random keys contain every
  // mixed-case spelling of a short word now and then, and must not be dropped for it.
  static constexpr std::string_view kMarkers[] = {"example", "sample",      "dummy",
                                                  "fake",    "placeholder", "redacted",
                                                  "notreal", "not_real",    "not-real"};
  for (auto m : kMarkers) {
    std::string lower(m), upper(m), title(m);
    for (auto& c : upper) c = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    title[0] = upper[0];
    for (const auto& v : {lower, upper, title})
      if (s.find(v) != std::string_view::npos) return true;
  }
  return false;
}

bool is_placeholder(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == '<' && s.back() == '>') return true;
  if (s.front() == '[' && s.back() == ']') return true;
  static constexpr std::string_view kWords[] = {
      "changeme",   "change_me", "change-me", "password", "passwd",   "secret",    "token",
      "todo",       "tbd",       "none",      "null",     "nil",      "undefined", "empty",
      "default",    "xxx",       "***",       "...",      "your_",    "your-",     "yourpassword",
      "yoursecret", "insert",    "replace",   "fixme",    "test1234", "12345",     "qwerty",
      "letmein",    "admin",     "root",      "guest",    "s3cr3t",   "hunter2",   "enter_",
      "enter-",     "put_your"};
  // Short words and markers anywhere; exact-word placeholders only when they are the whole value.
  for (auto w : kWords) {
    if (w.size() <= 4 ? equals_ci(s, w) : contains_ci(s, w)) return true;
  }
  if (contains_ci(s, "xxxx") || contains_ci(s, "****") || contains_ci(s, "____") ||
      contains_ci(s, "....") || contains_ci(s, "0000000"))
    return true;
  // One character repeated, or a run of sequential characters (abcdef, 123456).
  size_t same = 1, seq = 1, best_same = 1, best_seq = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    same = s[i] == s[i - 1] ? same + 1 : 1;
    seq = s[i] == s[i - 1] + 1 ? seq + 1 : 1;
    best_same = std::max(best_same, same);
    best_seq = std::max(best_seq, seq);
  }
  return best_same * 2 > s.size() || best_seq * 2 > s.size();
}

bool is_variable_reference(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '$' || s.front() == '@')
    return true;  // $VAR, ${..}, $(..), @Microsoft.KeyVault(..)
  if (s.size() > 2 && s.front() == '%' && s.back() == '%') return true;  // %VAR%
  static constexpr std::string_view kMarkers[] = {"${",
                                                  "$(",
                                                  "{{",
                                                  "}}",
                                                  "%(",
                                                  "#{",
                                                  "os.environ",
                                                  "getenv",
                                                  "process.env",
                                                  "env[",
                                                  "env(",
                                                  "environ[",
                                                  "secretsmanager",
                                                  "ssm:",
                                                  "vault:",
                                                  "arn:aws:",
                                                  "secretref",
                                                  "valuefrom",
                                                  "keyvault",
                                                  "secrets.",
                                                  "vars.",
                                                  "var.",
                                                  "local.",
                                                  "module.",
                                                  "data.",
                                                  "config.",
                                                  "settings.",
                                                  "import.meta"};
  for (auto m : kMarkers)
    if (contains_ci(s, m)) return true;
  return false;
}

bool is_cognito_user_pool_id(std::string_view s) {
  // Region: two lower-case letters, optional "-gov" / "-iso..." partition words, a direction
  // word, a digit (us-east-1, ap-south-1, us-gov-west-1, eu-central-2).
  static const RE2 kRe(R"re([a-z]{2}(?:-[a-z]+){1,2}-[0-9]_[A-Za-z0-9]{9})re");
  return s.size() <= 40 && RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kRe);
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  return true;
}

bool is_hex_digest(std::string_view s) {
  switch (s.size()) {
    case 32:
    case 40:
    case 56:
    case 64:
    case 96:
    case 128: break;
    default: return false;
  }
  for (char c : s)
    if (!is_hex(c)) return false;
  return true;
}

bool is_sri_hash(std::string_view s) {
  return starts_with_ci(s, "sha256-") || starts_with_ci(s, "sha384-") ||
         starts_with_ci(s, "sha512-") || starts_with_ci(s, "sha1-") || starts_with_ci(s, "md5-");
}

bool is_data_uri(std::string_view s) {
  return starts_with_ci(s, "data:");
}

bool is_lock_file(std::string_view path) {
  auto slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  static constexpr std::string_view kNames[] = {"package-lock.json",
                                                "npm-shrinkwrap.json",
                                                "yarn.lock",
                                                "pnpm-lock.yaml",
                                                "go.sum",
                                                "cargo.lock",
                                                "poetry.lock",
                                                "pipfile.lock",
                                                "composer.lock",
                                                "gemfile.lock",
                                                "packages.lock.json",
                                                "mix.lock",
                                                "pubspec.lock",
                                                "podfile.lock",
                                                "flake.lock",
                                                ".terraform.lock.hcl",
                                                "bun.lockb",
                                                "uv.lock",
                                                "gradle.lockfile",
                                                "requirements.txt"};
  for (auto n : kNames)
    if (equals_ci(name, n)) return true;
  return name.size() > 5 && equals_ci(name.substr(name.size() - 5), ".lock");
}

}  // namespace clearance::secrets
