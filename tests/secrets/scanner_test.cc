// Each detector on true positives and false positives, positions, overlap handling, and the
// generic detector's precision list (what must never fire).
#include "secrets/scanner.h"

#include <catch2/catch.hpp>

#include "fake_secrets.h"

using clearance::secrets::Scanner;
using clearance::secrets::SecretHit;
namespace t = clearance::testing;

namespace {

std::vector<SecretHit> scan(const std::string& text, const std::string& path = "file.txt") {
  return Scanner::instance().scan(text, path);
}

std::vector<std::string> rules_of(const std::string& text, const std::string& path = "file.txt") {
  std::vector<std::string> out;
  for (const auto& h : scan(text, path)) out.emplace_back(h.rule_id);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("each specific detector finds its format", "[secrets]") {
  CHECK(rules_of("key = " + t::kAwsId + "\n") == V{"secret-aws-access-key"});
  CHECK(rules_of("aws_secret_access_key: " + t::kAwsSecret + "\n") == V{"secret-aws-access-key"});
  CHECK(rules_of(t::rsa_key()) == V{"secret-private-key"});
  CHECK(rules_of("s = '" + t::kStripe + "'") == V{"secret-stripe"});
  CHECK(rules_of("key: " + t::kSendgrid) == V{"secret-sendgrid"});
  CHECK(rules_of("OPENAI=" + t::kOpenai) == V{"secret-openai"});
  CHECK(rules_of("token " + t::github()) == V{"secret-github-token"});
  CHECK(rules_of("export T=" + t::kSlackBot) == V{"secret-slack"});
  CHECK(rules_of("curl " + t::kSlackHook) == V{"secret-slack"});
  CHECK(rules_of("Authorization: Bearer " + t::kJwt) == V{"secret-jwt"});
  CHECK(rules_of("url = \"postgres://app:" + t::kPassword + "@db:5432/x\"") ==
        V{"secret-connection-string"});
  CHECK(rules_of("JWT_SECRET=" + t::kPassword) == V{"secret-generic"});
}

TEST_CASE("each specific detector ignores lookalikes", "[secrets]") {
  CHECK(scan("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n").empty());
  CHECK(scan("id = AKIAXXXXXXXXXXXXXXXX").empty());
  CHECK(scan("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n").empty());
  CHECK(scan("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").empty());
  CHECK(scan("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx").empty());
  CHECK(scan("pk_live_EOzdmenCkhvMdgaKjIg8xNbe").empty());
  CHECK(scan("msg.send(payload); SG.x").empty());
  std::string gh = t::github();
  gh.back() = gh.back() == 'A' ? 'B' : 'A';
  CHECK(scan("token " + gh).empty());
  CHECK(scan("xoxb-your-bot-token").empty());
  CHECK(scan("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")
            .empty());
  CHECK(scan("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ").empty());
  CHECK(scan("postgres://postgres:postgres@localhost/dev").empty());
  CHECK(scan("postgres://app:${DB_PASSWORD}@db/app").empty());
  CHECK(scan("mysql://user:password@localhost/db").empty());
}

TEST_CASE("hits carry exact ranges and a hash of the secret", "[secrets]") {
  std::string text = "first line\n  token: " + t::kStripe + " # trailing\n";
  auto hits = scan(text);
  REQUIRE(hits.size() == 1);
  const SecretHit& h = hits[0];
  CHECK(text.substr(h.begin, h.end - h.begin) == t::kStripe);
  CHECK(h.range.begin.line == 2);
  CHECK(h.range.begin.column == 10);
  CHECK(h.range.end.line == 2);
  CHECK(h.range.end.column == 10 + t::kStripe.size());
  CHECK(h.sha256.size() == 64);
  // The same secret elsewhere hashes the same; another secret does not.
  auto moved = scan("\n\n\nx=" + t::kStripe + "\n");
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].sha256 == h.sha256);
  CHECK(scan("x=sk_live_AAzdmenCkhvMdgaKjIg8xNbe")[0].sha256 != h.sha256);
}

TEST_CASE("AWS secret keys are paired with a nearby access key id", "[secrets]") {
  std::string paired = "[prod]\nid = " + t::kAwsId + "\nkey = " + t::kAwsSecret + "\n";
  CHECK(scan(paired).size() == 2);
  std::string alone = "checksum = " + t::kAwsSecret + "\n";
  CHECK(scan(alone).empty());
}

TEST_CASE("private key blocks span their lines and hash without line breaks", "[secrets]") {
  std::string key = t::rsa_key();
  auto hits = scan("x\n" + key);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].range.begin.line == 2);
  CHECK(hits[0].range.end.line == 9);
  std::string escaped = key;
  for (size_t p = escaped.find('\n'); p != std::string::npos; p = escaped.find('\n', p + 2))
    escaped.replace(p, 1, "\\n");
  auto json = scan("{\"private_key\": \"" + escaped + "\"}");
  REQUIRE(json.size() == 1);
  CHECK(json[0].sha256 == hits[0].sha256);
}

TEST_CASE("a generic match inside a specific secret is not reported twice", "[secrets]") {
  auto hits = scan("STRIPE_SECRET_KEY=" + t::kStripe + "\nGITHUB_TOKEN=" + t::github() + "\n");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].rule_id == "secret-stripe");
  CHECK(hits[1].rule_id == "secret-github-token");
}

TEST_CASE("generic detection fires on secrets in every assignment syntax", "[secrets]") {
  const std::string v = t::kPassword;
  for (std::string line :
       {"DB_PASSWORD=" + v, "export API_TOKEN=" + v, "client_secret: \"" + v + "\"",
        "\"api_key\": \"" + v + "\"", "password = \"" + v + "\"", "secretKey := \"" + v + "\"",
        "'auth_token' => '" + v + "',", "const apiKey = `" + v + "`;",
        "\"HF_TOKEN = \\\"" + v + "\\\"\\n\","}) {
    INFO(line);
    auto hits = scan(line + "\n");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rule_id == "secret-generic");
    CHECK(line.substr(hits[0].begin, hits[0].end - hits[0].begin) == v);
  }
}

TEST_CASE("generic detection stays quiet on what is not a secret", "[secrets]") {
  for (std::string line :
       {"DB_PASSWORD=${DB_PASSWORD}",
        "password: \"{{ .Values.password }}\"",
        "password = var.db_password",
        "SECRET_KEY = os.environ[\"SECRET_KEY\"]",
        "token = process.env.TOKEN",
        "JWT_SECRET=changeme",
        "API_KEY=your-api-key-here",
        "secret_id: 3f2b9c1e-7d4a-4f6b-9e2c-8a1d5b7c9e0f",
        "token: 3f2b9c1e-7d4a-4f6b-9e2c-8a1d5b7c9e0f",
        "token_sha: 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "commit_token: 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "password_hash = \"$2b$12$KIXQJv3v1p0yK4c3a1b2cO7lq6nQ9h8j3s2d1f0g9h8j7k6l5m4n\"",
        "secret_integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/"
        "uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"",
        "secret_icon: "
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
        "password_file: /run/secrets/db_password",
        "token_url: https://auth.example.org/oauth/token",
        "auth_token = request.headers.get(\"Authorization\")",
        "password = getPasswordFromVault(name)",
        "max_tokens = 4096",
        "PASSWORD_MIN_LENGTH=12",
        "SESSION_TOKEN_TTL=3600",
        "password: SuperSecretPassword",
        "[aux_sym_arg_token2] = \"unquoted_string\",",
        "auth_token_mode = \"CROSS_BUILD_2\"",
        "secret: \"this is a sentence with spaces 123\""}) {
    INFO(line);
    CHECK(scan(line + "\n").empty());
  }
}

TEST_CASE("values with leading percent signs and passwords with '#' are still secrets",
          "[secrets]") {
  CHECK(rules_of("JWT_SECRET = \"%TgZ0O8dpQ56nHrBa4ajqdgai6!XT1czvdrkAz30\"") ==
        V{"secret-generic"});
  CHECK(rules_of("DATABASE_URL = \"postgres://svc:Nsqiu1Iqjyu1BY!wi#33@db.internal:5432/app\"") ==
        V{"secret-connection-string"});
  CHECK(scan("PATH_SECRET=%APPDATA_SECRET_VALUE%").empty());
}

TEST_CASE("lock files never yield generic findings", "[secrets]") {
  std::string line = "\"secret_token\": \"" + t::kPassword + "\"\n";
  CHECK(scan(line, "app/config.json").size() == 1);
  CHECK(scan(line, "app/package-lock.json").empty());
  CHECK(scan(line, "go.sum").empty());
}

TEST_CASE("the scanner survives hostile input", "[secrets]") {
  std::string many_begins;
  for (int i = 0; i < 20000; ++i) many_begins += "-----BEGIN ";
  CHECK(scan(many_begins).empty());
  std::string long_line(2'000'000, 'A');
  long_line.replace(1'000'000, t::kAwsId.size() + 2, " " + t::kAwsId + " ");
  CHECK(scan(long_line).size() == 1);
  std::string invalid = "\xff\xfe token=\xc3\x28" + t::kPassword + "\x80\n";
  CHECK_NOTHROW(scan(invalid));
  std::string keywords;
  for (int i = 0; i < 50000; ++i) keywords += "token=x ";
  CHECK(scan(keywords).empty());
}
