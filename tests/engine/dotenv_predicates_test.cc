// Tests of the .env rules through the engine: what fires, where it points, and that no
// message or snippet ever shows a secret value. Plus the heuristics on their own.
#include <catch2/catch.hpp>
#include <map>

#include "engine/engine.h"
#include "engine/predicates/dotenv_util.h"
#include "engine/rule_set.h"
#include "parse/dotenv/dotenv_parser.h"
#include "resolve/dotenv/dotenv_groups.h"

using namespace clearance;

namespace {

const RuleSet& dotenv_rules() {
  static const RuleSet rules = [] {
    RuleSet r;
    std::vector<RuleError> errors;
    r.load_directory(std::string(CLEARANCE_SOURCE_DIR) + "/rules/dotenv", errors);
    for (const auto& e : errors) FAIL(e.source << ": " << e.message);
    return r;
  }();
  return rules;
}

EngineResult run(std::vector<std::pair<std::string, std::string>> files, const char* only) {
  Workspace ws;
  ws.root = "/nonexistent-clearance-root";  // outside git: env-file-not-committed stays quiet
  for (auto& [path, src] : files) {
    Document d;
    d.path = path;
    d.format = Format::Dotenv;
    d.source = src;
    parse_dotenv(d);
    ws.documents.push_back(std::move(d));
  }
  resolve_dotenv(ws);
  RuleSet one;
  std::vector<RuleError> errors;
  const Rule* r = dotenv_rules().find(only);
  REQUIRE(r != nullptr);
  one.add(*r, errors);
  return run_rules(one, ws);
}

std::vector<uint32_t> lines(const EngineResult& r) {
  std::vector<uint32_t> out;
  for (const auto& f : r.findings) out.push_back(f.location.range.begin.line);
  return out;
}

}  // namespace

TEST_CASE("dotenv rules: every rule of RULES.md loads", "[dotenv]") {
  for (const char* id :
       {"env-secret-length", "env-secret-strength", "env-secret-unique",
        "env-db-password-complexity", "env-no-placeholders", "env-required-keys", "env-cors-origin",
        "env-production-mode", "env-live-api-keys", "env-file-not-committed"})
    CHECK(dotenv_rules().find(id) != nullptr);
}

TEST_CASE("dotenv rules: no secret value in messages or snippets", "[dotenv]") {
  const std::string jwt = "tooShortSecret9";
  const std::string db = "weakpass";
  const std::string stripe = "sk_test_fixture-not-a-real-key";
  std::string src = "JWT_SECRET=" + jwt + "\nREFRESH_TOKEN_SECRET=\"" + jwt +
                    "\"\nDATABASE_URL=postgres://app:" + db +
                    "@db:5432/app\nSTRIPE_SECRET_KEY=" + stripe + "\nNODE_ENV=production\n";
  size_t total = 0;
  for (const char* id : {"env-secret-length", "env-secret-strength", "env-secret-unique",
                         "env-db-password-complexity", "env-live-api-keys"}) {
    auto r = run({{".env.production", src}}, id);
    CHECK_FALSE(r.findings.empty());
    for (const auto& f : r.findings) {
      ++total;
      INFO(id << ": " << f.message << " | " << f.snippet);
      for (const std::string& secret : {jwt, db, stripe}) {
        CHECK(f.message.find(secret) == std::string::npos);
        CHECK(f.snippet.find(secret) == std::string::npos);
      }
    }
  }
  CHECK(total >= 6);

  // Findings about the whole file point at its first assignment: its snippet is redacted too.
  auto keys = run({{".env.example", "JWT_SECRET=\nMISSING=\n"}, {".env.production", src}},
                  "env-required-keys");
  auto mode = run({{"prod.env", "JWT_SECRET=" + jwt + "\n"}}, "env-production-mode");
  for (const auto* r : {&keys, &mode}) {
    REQUIRE(r->findings.size() == 1);
    CHECK(r->findings[0].location.range.begin.line == 1);
    CHECK(r->findings[0].snippet.rfind("JWT_SECRET=", 0) == 0);
    CHECK(r->findings[0].snippet.find(jwt) == std::string::npos);
  }
}

TEST_CASE("env-secret-length: thresholds per key", "[dotenv]") {
  auto r =
      run({{".env", "JWT_SECRET=" + std::string(31, 'a') + "\nAPI_SECRET=" + std::string(32, 'b') +
                        "\nREDIS_PASSWORD=" + std::string(19, 'c') + "\nOTHER=x\n"}},
          "env-secret-length");
  CHECK(lines(r) == std::vector<uint32_t>{1, 3});
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].message == "JWT_SECRET has 31 characters; at least 32 are needed");
  CHECK(r.findings[1].message.find("at least 20") != std::string::npos);
  CHECK(r.findings[0].location.range.begin.column == 12);
}

TEST_CASE("env-secret-unique: points at the second and names the first", "[dotenv]") {
  std::string v = "Xq8vN2pL7rT4wK9mZ3bF6hJ1cD5sG0aYeUiOpQ4n";
  auto r =
      run({{".env.production", "# c\nJWT_SECRET=" + v + "\nA=1\nREFRESH_TOKEN_SECRET=" + v + "\n"}},
          "env-secret-unique");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].location.range.begin.line == 4);
  CHECK(r.findings[0].message == "REFRESH_TOKEN_SECRET has the same value as JWT_SECRET (line 2)");
  REQUIRE(r.findings[0].related.size() == 1);
  CHECK(r.findings[0].related[0].range.begin.line == 2);
}

TEST_CASE("env-db-password-complexity: points at the password inside a URL", "[dotenv]") {
  auto r = run({{".env", "DATABASE_URL=postgres://app:weakpass@db/app\n"}},
               "env-db-password-complexity");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].location.range == Range{{1, 29}, {1, 37}});
  CHECK(r.findings[0].message.find("the password in DATABASE_URL has 8 characters") == 0);
  auto ok =
      run({{".env", "DB_PASSWORD=Str0ng-Passw0rd!x\nDATABASE_URL=mysql://u:Ab1%21cdefghij@h/d\n"}},
          "env-db-password-complexity");
  CHECK(ok.findings.empty());
}

TEST_CASE("dotenv rules: values from the environment are undetermined", "[dotenv]") {
  auto r = run({{".env.production", "JWT_SECRET=${VAULT_JWT}\n"}}, "env-secret-length");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].verdict == Verdict::Undetermined);
  CHECK(r.findings[0].expression == "$VAULT_JWT");
}

TEST_CASE("env-required-keys: one finding per missing key, template exempt", "[dotenv]") {
  auto r = run({{".env.example", "A=\nB=\nC=\n"}, {".env.production", "# x\nA=1\n"}},
               "env-required-keys");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].location.path == ".env.production");
  CHECK(r.findings[0].location.range.begin.line == 2);
  CHECK(r.findings[0].message == "B (listed in .env.example) is missing");
  CHECK(r.findings[1].message == "C (listed in .env.example) is missing");
  REQUIRE(r.findings[0].related.size() == 1);
  CHECK(r.findings[0].related[0].path == ".env.example");
  CHECK(r.findings[0].related[0].range.begin.line == 2);
  CHECK(r.findings[0].fingerprint != r.findings[1].fingerprint);
}

TEST_CASE("env-production-mode and env-cors-origin by environment", "[dotenv]") {
  auto prod = run({{".env.production", "NODE_ENV=development\nDEBUG=1\nLOG_LEVEL=TRACE\n"}},
                  "env-production-mode");
  CHECK(lines(prod) == std::vector<uint32_t>{1, 2, 3});
  auto missing = run({{"prod.env", "# x\nA=1\n"}}, "env-production-mode");
  CHECK(lines(missing) == std::vector<uint32_t>{2});
  auto dev = run({{".env.development", "NODE_ENV=development\nDEBUG=1\n"}}, "env-production-mode");
  CHECK(dev.findings.empty());

  auto cors = run({{".env.production", "CORS_ORIGIN=https://a.io, http://b.io\n"},
                   {".env.local", "CORS_ORIGIN=http://localhost:3000\n"},
                   {".env", "CORS_ORIGIN=http://127.0.0.1:8080\n"}},
                  "env-cors-origin");
  REQUIRE(cors.findings.size() == 2);
  CHECK(cors.findings[0].location.path == ".env");
  CHECK(cors.findings[1].message == "CORS_ORIGIN allows http://b.io, which is not https");
}

TEST_CASE("dotenv heuristics: placeholders", "[dotenv]") {
  for (const char* p :
       {"changeme", "CHANGE_ME", "change-me", "TODO", "xxx", "sk_live_xxxxxxxx", "<your key>",
        "your-api-key-here", "YOUR_API_KEY", "REPLACE_ME", "...", "placeholder"})
    CHECK_FALSE(dotenv_placeholder_kind(p).empty());
  for (const char* v : {"production", "https://api.example.com", "beta,xmas", "yourself.io",
                        "Xq8vN2pL7rT4wK9mZ3bF", "todolist-service", ""})
    CHECK(dotenv_placeholder_kind(v).empty());
}

TEST_CASE("dotenv heuristics: weak secrets", "[dotenv]") {
  CHECK(dotenv_weakness("abcabcabcabcabcabcabcabcabcabcab", 3.0, 5) == "is a repeated pattern");
  CHECK(dotenv_weakness("k1abcdefZ9qW3eR5tY7uI9oP1aS3dF5g", 3.0, 5).find("sequential") !=
        std::string::npos);
  CHECK(dotenv_weakness("Q9w7E5r3T1y0U8i6O4p2A0s8D6f4G2hJ", 3.0, 5).empty());
  CHECK(dotenv_weakness("k9-My-Password-Is-Long-Enough-2x", 3.0, 5) == "contains a common word");
  CHECK(dotenv_weakness("aaaabbbbaaaabbbbaaaabbbbaaaabbbbzz", 3.0, 5).find("low entropy") !=
        std::string::npos);
  CHECK(dotenv_weakness("Xq8vN2pL7rT4wK9mZ3bF6hJ1cD5sG0aYeUiOpQ4n", 3.0, 5).empty());
  CHECK(dotenv_entropy("aaaa") == 0);
  CHECK(dotenv_entropy("abcd") == Approx(2.0));
}
