// The specific detectors. Patterns are written from the published key formats; each starts
// and ends with a boundary class instead of \b, because several formats contain `-` or `_`,
// where \b would cut a token short. Validators reject documented example keys, placeholders
// and, where the format has one, a wrong checksum.
#include "secrets/detectors.h"

#include <string>

#include "secrets/validators.h"

namespace clearance::secrets {

namespace {

std::unique_ptr<RE2> compile(std::string_view pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(8 << 20);
  auto re = std::make_unique<RE2>(pattern, opt);
  return re;
}

// Common rejection for token-shaped secrets: examples, placeholders, low entropy.
bool plausible(std::string_view s, double min_entropy) {
  return !is_documented_example(s) && !is_placeholder(s) && shannon_entropy(s) >= min_entropy;
}

bool accept_aws_id(std::string_view s, std::string_view) {
  return plausible(s.substr(4), 2.5);
}

bool accept_aws_secret(std::string_view s, std::string_view) {
  return plausible(s, 3.5) && char_classes(s) >= 3;
}

// A key block counts when its body holds real key material: enough base64, no ellipsis.
bool accept_private_key(std::string_view body, std::string_view) {
  size_t b64 = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size() && body[i + 1] == 'n') {
      ++i;
      continue;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
        c == '/' || c == '=')
      ++b64;
  }
  if (b64 < 64) return false;
  if (body.find("...") != std::string_view::npos || body.find("…") != std::string_view::npos)
    return false;
  return shannon_entropy(body) >= 4.0;
}

// Key blocks are hashed without line breaks or escapes, so re-wrapping does not change them.
std::string normalize_key_body(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size() && (body[i + 1] == 'n' || body[i + 1] == 'r')) {
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == ',')
      continue;
    out += c;
  }
  return out;
}

bool accept_stripe(std::string_view s, std::string_view) {
  return s.size() >= 28 && s.size() <= 255 && plausible(s.substr(s.find('_', 3) + 1), 3.0);
}

bool accept_sendgrid(std::string_view s, std::string_view) {
  return plausible(s.substr(3), 3.5);
}

bool accept_openai(std::string_view s, std::string_view) {
  bool marked = s.find("T3BlbkFJ") != std::string_view::npos;
  return s.size() >= (marked ? 48u : 50u) && s.size() <= 300 && plausible(s.substr(3), 3.5);
}

bool accept_github(std::string_view s, std::string_view) {
  if (s.rfind("github_pat_", 0) == 0) return plausible(s.substr(11), 3.5);
  return github_checksum_ok(s) && !is_documented_example(s);
}

bool accept_slack_token(std::string_view s, std::string_view) {
  if (s.size() < 20 || s.size() > 255) return false;
  return plausible(s.substr(5), 3.0);
}

bool accept_slack_webhook(std::string_view s, std::string_view) {
  auto path = s.substr(s.find(".com/") + 5);
  auto slash = path.find('/');
  return s.size() <= 300 && path.size() >= 20 && slash != std::string_view::npos &&
         plausible(path.substr(slash + 1), 3.0);
}

// base64url decoding of a JWT header, enough to read its `alg`.
std::string b64url_decode(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;
    if (c == '_' || c == '/') return 63;
    return -1;
  };
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) break;
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// A signed JWT: the header decodes to JSON naming an algorithm other than "none".
bool accept_jwt(std::string_view s, std::string_view) {
  size_t d1 = s.find('.'), d2 = s.rfind('.');
  if (d1 < 10 || d2 - d1 < 10 || s.size() - d2 < 17 || s.size() > 8192) return false;
  std::string header = b64url_decode(s.substr(0, s.find('.')));
  if (header.find("\"alg\"") == std::string::npos) return false;
  std::string compact;
  for (char c : header)
    if (c != ' ') compact += c;
  if (compact.find("\"alg\":\"none\"") != std::string::npos) return false;
  return !is_documented_example(s);
}

// The password of a URL: not a placeholder, a reference, the user name repeated, or empty.
bool accept_connection_password(std::string_view password, std::string_view match) {
  if (password.size() > 256) return false;
  // Template syntax: {password}, ${X}, <password>, %s and %(password)s.
  if (password.find_first_of("{}$<>") != std::string_view::npos) return false;
  if (password.find("%s") != std::string_view::npos ||
      password.find("%(") != std::string_view::npos)
    return false;
  if (is_placeholder(password) || is_variable_reference(password) ||
      is_documented_example(password))
    return false;
  auto scheme_end = match.find("://");
  auto colon = match.find(':', scheme_end + 3);
  if (scheme_end != std::string_view::npos && colon != std::string_view::npos) {
    std::string_view user = match.substr(scheme_end + 3, colon - scheme_end - 3);
    if (user == password) return false;
  }
  return true;
}

// Builds the table once: pattern texts are kept next to the format facts they encode.
std::vector<Detector> build() {
  std::vector<Detector> d;
  auto add = [&](std::string_view rule, std::string_view label, std::vector<std::string> kws,
                 std::string_view re, bool (*accept)(std::string_view, std::string_view),
                 int group = 1, WindowKind window = WindowKind::Line,
                 std::string(*normalize)(std::string_view) = nullptr) {
    d.push_back({rule, label, std::move(kws), compile(re), group, window, accept, normalize});
  };
  // AWS: access key ids are 20 chars, a 4-letter type prefix then base32.
  add("secret-aws-access-key", "AWS access key id", {"akia", "asia", "abia", "acca"},
      R"re((?:^|[^A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?:[^A-Za-z0-9]|$))re",
      accept_aws_id);
  add("secret-aws-access-key", "AWS secret access key",
      {"secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "awssecret",
       "aws-secret"},
      R"re((?i:aws[_-]?secret(?:[_-]?access)?[_-]?key|secret[_-]?access[_-]?key)["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))re",
      accept_aws_secret);
  // PEM (PKCS#1, PKCS#8, SEC1, encrypted), OpenSSH and PGP private keys.
  add("secret-private-key", "private key", {"-----begin"},
      R"re(-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----((?s:.*?))-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)re",
      accept_private_key, 2, WindowKind::Block, normalize_key_body);
  // Stripe secret (sk_) and restricted (rk_) keys, live and test.
  add("secret-stripe", "Stripe secret key", {"sk_live_", "sk_test_", "rk_live_", "rk_test_"},
      R"re((?:^|[^A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9A-Za-z]+)(?:[^0-9A-Za-z_]|$))re",
      accept_stripe);
  // SendGrid: "SG." + 22-char id + "." + 43-char secret, base64url.
  add("secret-sendgrid", "SendGrid API key", {"sg."},
      R"re((?:^|[^A-Za-z0-9_])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$))re",
      accept_sendgrid);
  // OpenAI: legacy and user keys carry "T3BlbkFJ" (base64 of "openai"); project, service
  // account and admin keys carry their own prefix.
  add("secret-openai", "OpenAI API key", {"t3blbkfj", "sk-proj-", "sk-svcacct-", "sk-admin-"},
      R"re((?:^|[^A-Za-z0-9_-])(sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]+|[A-Za-z0-9_-]+T3BlbkFJ[A-Za-z0-9_-]+))(?:[^A-Za-z0-9_-]|$))re",
      accept_openai);
  // GitHub: 3-letter type prefix + "_" + 30 random + 6 checksum; fine-grained PATs.
  add("secret-github-token", "GitHub token",
      {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
      R"re((?:^|[^A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?:[^A-Za-z0-9_]|$))re",
      accept_github);
  // Slack bot/user/app/config tokens and incoming webhooks.
  add("secret-slack", "Slack token",
      {"xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxo-", "xoxr-", "xoxs-", "xapp-"},
      R"re((?:^|[^A-Za-z0-9_-])(xox[abeoprs]-[0-9]+-[0-9A-Za-z-]+|xapp-[0-9]+-[A-Za-z0-9]+-[0-9]+-[A-Za-z0-9]+)(?:[^A-Za-z0-9_-]|$))re",
      accept_slack_token);
  add("secret-slack", "Slack webhook URL", {"hooks.slack.com/"},
      R"re((https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]+))re",
      accept_slack_webhook);
  // JWTs: header and payload are base64url JSON objects ("eyJ" = '{"'), plus a signature.
  add("secret-jwt", "JSON Web Token", {"eyj"},
      R"re((?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?:[^A-Za-z0-9_.-]|$))re",
      accept_jwt);
  // Credentials in database, cache and broker URLs: scheme://user:password@host.
  add("secret-connection-string", "password in connection string",
      {"postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "oracle",
       "cockroachdb", "clickhouse", "couchdb", "neo4j", "nats://", "kafka://", "memcache",
       "rabbitmq", "ldap"},
      R"re(((?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|neo4j(?:\+s)?|nats|kafka|memcached?|rabbitmq|ldaps?)(?:\+[a-z0-9]+)?://)([^\s:/?#@"'<>]*):([^\s@/?"'<>]+)@[^\s/?#"'<>:@]+)re",
      accept_connection_password, 3);
  return d;
}

}  // namespace

const std::vector<Detector>& specific_detectors() {
  static const std::vector<Detector> kTable = build();
  return kTable;
}

const RE2& aws_secret_near_id_pattern() {
  static const auto kRe =
      compile(R"re((?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))re");
  return *kRe;
}

bool accept_aws_secret_near_id(std::string_view s) {
  return plausible(s, 4.0) && char_classes(s) >= 3 && !is_hex_digest(s);
}

}  // namespace clearance::secrets
