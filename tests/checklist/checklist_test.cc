// The checklist layer: reading teams' Markdown checklists, normalising phrases, and the whole
// `clearance checklist` command on both seed checklists against the bundled example project.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "checklist/checklist_document.h"
#include "checklist/declared_table.h"
#include "checklist/normalise.h"
#include "checklist/value_checks.h"

namespace fs = std::filesystem;
using namespace clearance;

namespace {

const std::string kSeed000 = "000_04b93ff87a908df6.txt";
const std::string kSeed001 = "001_6c3b75a3c6f39822.txt";

std::string seed_path(const std::string& name) {
  const char* shared = std::getenv("CLEARANCE_SHARED");
  fs::path p = (shared ? fs::path(shared) : fs::path(CLEARANCE_SOURCE_DIR) / ".." / "shared") /
               "seeds" / name;
  INFO("seed checklist missing: " << p.string() << " (expected at ../shared/seeds)");
  REQUIRE(fs::exists(p));
  return p.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Runs the binary; returns stdout and sets `rc` to the exit code.
std::string run(const std::string& args, int& rc) {
  std::string cmd =
      std::string("cd '") + CLEARANCE_SOURCE_DIR + "' && '" + CLEARANCE_BINARY + "' " + args;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

/// The output line of the item whose text starts with `text`, or "".
std::string item_line(const std::string& out, const std::string& text) {
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.find("] " + text);
    if (at != std::string::npos && line.find("- [") != std::string::npos) return line;
  }
  return "";
}

/// The evidence line that follows the item line.
std::string evidence_after(const std::string& out, const std::string& text) {
  std::string line = item_line(out, text);
  size_t at = out.find(line);
  if (line.empty() || at == std::string::npos) return "";
  size_t start = out.find('\n', at) + 1;
  return out.substr(start, out.find('\n', start) - start);
}

}  // namespace

TEST_CASE("normalise_phrase ignores case, emphasis, code, remarks and emoji", "[checklist]") {
  CHECK(normalise_phrase("**ECS Task Role Created** with permissions for:") ==
        "ecs task role created with permissions for");
  CHECK(normalise_phrase("Database credentials secret created (`seva-arogya/db-credentials`)") ==
        "database credentials secret created");
  CHECK(normalise_phrase("Multi-AZ deployment (optional)") == "multi az deployment");
  CHECK(normalise_phrase("\xF0\x9F\x94\xA7 Pre-Deployment") == "pre deployment");
  CHECK(normalise_phrase("\xff\xfe bad utf8 (((") == "bad utf8");
  CHECK(code_spans("Database `seva_arogya` created") == std::vector<std::string>{"seva_arogya"});
}

TEST_CASE("value list items are recognised", "[checklist]") {
  CHECK(looks_like_env_var("AWS_COGNITO_CLIENT_SECRET (if using)"));
  CHECK(looks_like_env_var("FLASK_ENV=production"));
  CHECK_FALSE(looks_like_env_var("Container image URI set"));
  CHECK(looks_like_iam_action("s3:PutObject (audio and PDF buckets)"));
  CHECK(looks_like_iam_action("cognito-idp:InitiateAuth"));
  CHECK_FALSE(looks_like_iam_action("**Technical Lead**: ____ Date: ___"));
}

TEST_CASE("reads the SEVA seed: bold parents, nested items, sections", "[checklist][shared]") {
  ChecklistDocument doc = read_checklist(read_file(seed_path(kSeed001)));
  const ChecklistItem* role = nullptr;
  for (const auto& it : doc.items)
    if (it.text.starts_with("**ECS Task Role Created**")) role = &it;
  REQUIRE(role != nullptr);
  CHECK(role->parent == -1);
  CHECK(role->section == "2. IAM Permissions");
  REQUIRE(role->children.size() == 11);
  CHECK(doc.items[role->children.front()].text == "cognito-idp:InitiateAuth");
  CHECK(doc.items[role->children.back()].text == "secretsmanager:GetSecretValue");
}

TEST_CASE("reads the SwasthAI seed: emoji headings and numbered lists", "[checklist][shared]") {
  std::string text = read_file(seed_path(kSeed000));
  ChecklistDocument doc = read_checklist(text);
  size_t items = 0;
  for (size_t at = text.find("- [ ]"); at != std::string::npos; at = text.find("- [ ]", at + 1))
    ++items;
  CHECK(doc.items.size() == items);
  bool found = false;
  for (const auto& it : doc.items)
    if (it.text == "Stop traffic to new version") {
      found = true;
      CHECK(it.indent == 3);
      CHECK(it.parent == -1);
      CHECK(it.section == "Rollback Plan");
    }
  CHECK(found);
}

TEST_CASE("the embedded declared table loads and matches normalised phrases", "[checklist]") {
  DeclaredTable table;
  std::string error;
  REQUIRE(load_declared_table(declared_table_yaml(), table, error));
  CHECK(table.find(normalise_phrase("RDS PostgreSQL instance created")) != nullptr);
  CHECK(table.find(normalise_phrase("Capacity provider configured (Fargate or EC2)")) != nullptr);
  CHECK(table.find(normalise_phrase("Homepage loads successfully")) == nullptr);
  DeclaredTable bad;
  CHECK_FALSE(load_declared_table("items: [{phrases: [x]}]", bad, error));
}

TEST_CASE("clearance checklist fills in the SEVA seed against examples/", "[checklist][shared]") {
  int rc = 0;
  std::string out = run("checklist '" + seed_path(kSeed001) + "' examples", rc);
  CHECK(rc == 1);
  // Non-item lines are kept; the summary follows the title.
  CHECK(out.starts_with("# Deployment Checklist - SEVA Arogya AWS Integration\n"));
  CHECK(out.find("clearance sign-off summary:") != std::string::npos);
  CHECK(out.find("| Role |") == std::string::npos);  // this seed has no table
  // Existence: declared with the resource as evidence.
  // The author's tick stays as written ("[ ]" here); the verdict goes beside the item.
  CHECK(item_line(out, "RDS PostgreSQL instance created").find("- [ ]") != std::string::npos);
  CHECK(item_line(out, "RDS PostgreSQL instance created").find("declared") != std::string::npos);
  CHECK(evidence_after(out, "RDS PostgreSQL instance created").find("aws_db_instance.main") !=
        std::string::npos);
  CHECK(evidence_after(out, "Database credentials secret created")
            .find("aws_secretsmanager_secret.db_credentials") != std::string::npos);
  CHECK(item_line(out, "Capacity provider configured").find("declared") != std::string::npos);
  CHECK(item_line(out, "SNS topic for notifications").find("verified") != std::string::npos);
  CHECK(evidence_after(out, "SNS topic for notifications").find("aws_sns_topic.alerts declared") !=
        std::string::npos);
  // Rules: failed with the finding's location; verified with the subjects checked.
  CHECK(item_line(out, "Encryption at rest enabled").find("failed") != std::string::npos);
  CHECK(evidence_after(out, "Encryption at rest enabled").find("examples/infra/rds.tf:") !=
        std::string::npos);
  CHECK(item_line(out, "Email verification enabled").find("verified") != std::string::npos);
  // IAM actions: each listed action is granted, and the extra s3:* fails the parent.
  CHECK(item_line(out, "cognito-idp:InitiateAuth").find("verified") != std::string::npos);
  CHECK(item_line(out, "**ECS Task Role Created**").find("failed") != std::string::npos);
  CHECK(evidence_after(out, "**ECS Task Role Created**").find("extra permission `s3:*`") !=
        std::string::npos);
  // Environment variables: present, and FLASK_ENV=production contradicted by the task definition.
  CHECK(item_line(out, "AWS_COGNITO_CLIENT_SECRET").find("verified") != std::string::npos);
  CHECK(item_line(out, "FLASK_ENV=production").find("failed") != std::string::npos);
  CHECK(evidence_after(out, "FLASK_ENV=production").find("FLASK_ENV=development") !=
        std::string::npos);
  // Manual items are never ticked.
  CHECK(item_line(out, "User registration works").find("- [ ]") != std::string::npos);
  CHECK(item_line(out, "User registration works").find("manual") != std::string::npos);
}

TEST_CASE("clearance checklist fills in the SwasthAI seed against examples/", "[checklist][shared]") {
  int rc = 0;
  std::string out = run("checklist '" + seed_path(kSeed000) + "' examples", rc);
  CHECK(rc == 1);
  CHECK(out.find("| DevOps Engineer | | | |") != std::string::npos);  // table kept
  // Every line that is not an item comes back unchanged, in order (emoji bytes included).
  ChecklistDocument doc = read_checklist(read_file(seed_path(kSeed000)));
  std::vector<bool> is_item(doc.lines.size(), false);
  for (const auto& it : doc.items) is_item[it.line] = true;
  size_t at = 0;
  for (size_t n = 0; n < doc.lines.size(); ++n) {
    if (is_item[n]) continue;
    size_t found = out.find(doc.lines[n] + "\n", at);
    INFO("line " << n + 1 << ": " << doc.lines[n]);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  CHECK(item_line(out, "ECR repositories created").find("declared") != std::string::npos);
  CHECK(item_line(out, "Backup retention set to 30 days").find("failed") != std::string::npos);
  CHECK(item_line(out, "HSTS header enabled").find("failed") != std::string::npos);
  CHECK(evidence_after(out, "HSTS header enabled").find("examples/nginx/nginx.conf") !=
        std::string::npos);
  // .env.production sets CORS_ALLOWED_ORIGINS=*: CORS is checked in every place it is set.
  CHECK(item_line(out, "CORS properly restricted").find("failed") != std::string::npos);
  CHECK(item_line(out, "Stop traffic to new version").find("manual") != std::string::npos);
  int json_rc = 0;
  std::string json = run("checklist '" + seed_path(kSeed000) + "' examples --format json", json_rc);
  CHECK(json_rc == 1);
  CHECK(json.find("\"summary\"") != std::string::npos);
}
