// The secret rules end to end: every detector's rule through the engine, redaction in every
// output format, fingerprints that follow the secret, and the per-document scan memo.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/pipeline.h"
#include "engine/engine.h"
#include "engine/rule_set.h"
#include "fake_secrets.h"
#include "report/format.h"

using namespace clearance;
namespace t = clearance::testing;

namespace {

RuleSet secret_rules() {
  std::vector<RuleError> errors;
  RuleSet all = RuleSet::embedded(errors);
  REQUIRE(errors.empty());
  RuleSet out;
  for (const auto& r : all.rules())
    if (r.id.rfind("secret-", 0) == 0) out.add(r, errors);
  return out;
}

const std::vector<std::string>& all_secrets() {
  static const std::vector<std::string> kSecrets = {
      t::kAwsId,   t::kAwsSecret, t::kStripe,    t::kSendgrid, t::kOpenai,
      t::github(), t::kSlackBot,  t::kSlackHook, t::kJwt,      t::kPassword};
  return kSecrets;
}

std::string leaky_file() {
  return "aws_access_key_id = " + t::kAwsId + "\naws_secret_access_key = " + t::kAwsSecret + "\n" +
         "stripe: " + t::kStripe + "\nsendgrid: " + t::kSendgrid + "\nopenai: " + t::kOpenai +
         "\n" + "gh: " + t::github() + "\nslack: " + t::kSlackBot + "\nhook: " + t::kSlackHook +
         "\n" + "Authorization: Bearer " + t::kJwt +
         "\nDATABASE_URL=postgres://app:" + t::kPassword + "@db/app\n" + "JWT_SECRET=\"" +
         t::kPassword + "x1\"\n" + t::rsa_key();
}

}  // namespace

TEST_CASE("every secret rule fires once on its own secret", "[secrets]") {
  RuleSet rules = secret_rules();
  REQUIRE(rules.rules().size() == 10);
  Workspace ws = workspace_from_sources("/tmp/x", {{"notes.txt", leaky_file()}}, 1);
  EngineResult res = run_rules(rules, ws);
  std::map<std::string, int> per_rule;
  for (const auto& f : res.findings) per_rule[f.rule_id]++;
  CHECK(per_rule["secret-aws-access-key"] == 2);
  for (const char* id :
       {"secret-private-key", "secret-stripe", "secret-sendgrid", "secret-openai",
        "secret-github-token", "secret-jwt", "secret-connection-string", "secret-generic"}) {
    INFO(id);
    CHECK(per_rule[id] == 1);
  }
  CHECK(per_rule["secret-slack"] == 2);
  for (const auto& f : res.findings) {
    CHECK_FALSE(f.fingerprint_seed.empty());
    CHECK_FALSE(f.snippet.empty());
  }
}

TEST_CASE("no secret appears in any output format", "[secrets]") {
  RuleSet rules = secret_rules();
  Workspace ws = workspace_from_sources("/tmp/x", {{"notes.txt", leaky_file()}}, 1);
  EngineResult res = run_rules(rules, ws);
  REQUIRE(res.findings.size() >= 12);
  Report report;
  report.tool_version = "test";
  report.root = ws.root;
  for (const auto& r : rules.rules()) report.rules.push_back(&r);
  report.findings = res.findings;
  report.checks = res.checks;
  for (OutputFormat format : output_formats()) {
    std::ostringstream out;
    write_report(format, report, out, {});
    std::string text = out.str();
    INFO(output_format_name(format));
    CHECK(text.find("notes.txt") != std::string::npos);
    for (const auto& secret : all_secrets()) {
      INFO(secret.substr(0, 6));
      CHECK(text.find(secret) == std::string::npos);
      // Not even a long piece of its random part (previews keep the last 2 characters).
      CHECK(text.find(secret.substr(secret.size() - 12)) == std::string::npos);
    }
    CHECK(text.find("MIIEowIBAAKCAQEA") == std::string::npos);
  }
}

TEST_CASE("a secret's fingerprint follows it between lines and files", "[secrets]") {
  RuleSet rules = secret_rules();
  auto fingerprint = [&](const std::string& text) {
    Workspace ws = workspace_from_sources("/tmp/x", {{"a.txt", text}}, 1);
    EngineResult res = run_rules(rules, ws);
    REQUIRE(res.findings.size() == 1);
    return res.findings[0].fingerprint;
  };
  std::string a = fingerprint("key: " + t::kStripe + "\n");
  CHECK(fingerprint("\n\n# moved down\nother: " + t::kStripe + "\n") == a);
  CHECK(fingerprint("key: sk_live_AAzdmenCkhvMdgaKjIg8xNbe\n") != a);
}

TEST_CASE("the scan memo never serves one workspace's hits to another", "[secrets]") {
  RuleSet rules = secret_rules();
  // Same paths, same sizes, one after another: a memo keyed by address alone would be wrong.
  for (int round = 0; round < 3; ++round) {
    std::string stripe = "k: " + t::kStripe + "\n";
    std::string clean = "k: " + std::string(t::kStripe.size(), 'z') + "\n";
    Workspace ws1 = workspace_from_sources("/tmp/x", {{"a.txt", stripe}}, 1);
    CHECK(run_rules(rules, ws1).findings.size() == 1);
    Workspace ws2 = workspace_from_sources("/tmp/x", {{"a.txt", clean}}, 1);
    CHECK(run_rules(rules, ws2).findings.empty());
  }
}
