// Verdicts answer the item as written: the team-style checklist in tests/checklist/checklists
// against examples/ (and a small project of its own), one test per item that used to be judged
// wrong, and non-empty evidence for every decided item.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

nlohmann::json run_json(const std::string& args, int& rc) {
  std::string cmd = std::string("cd '") + CLEARANCE_SOURCE_DIR + "' && '" + CLEARANCE_BINARY +
                    "' checklist " + args + " --format json";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return nlohmann::json::parse(out);
}

const nlohmann::json& examples() {
  static nlohmann::json j = [] {
    int rc = 0;
    auto out = run_json("tests/checklist/checklists/seed-style.md examples", rc);
    CHECK(rc == 1);
    return out;
  }();
  return j;
}

const nlohmann::json& own_project() {
  static nlohmann::json j = [] {
    int rc = 0;
    return run_json("tests/checklist/checklists/seed-style.md tests/checklist/projects/py38", rc);
  }();
  return j;
}

nlohmann::json item(const nlohmann::json& report, const std::string& text) {
  for (const auto& it : report["items"])
    if (it["text"].get<std::string>().starts_with(text)) return it;
  FAIL("no item " << text);
  return {};
}

std::string evidence(const nlohmann::json& it) {
  std::string all;
  for (const auto& e : it["evidence"]) all += e["text"].get<std::string>() + "\n";
  return all;
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("CORS is checked in .env as well as nginx: a * origin fails", "[checklist][verdict]") {
  auto it = item(examples(), "CORS properly restricted");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "CORS_ALLOWED_ORIGINS"));
  CHECK(it["conflict"] == true);  // the author ticked it
}

TEST_CASE("a key of .env.example missing from .env.production fails 'created with all values'",
          "[checklist][verdict]") {
  auto it = item(examples(), "`.env.production` created with all values");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "AWS_COGNITO_CLIENT_SECRET"));
  CHECK_FALSE(has(evidence(it), " passes"));  // only what decided it
}

TEST_CASE("'Bucket policies configured' needs a policy for each bucket", "[checklist][verdict]") {
  auto it = item(examples(), "Bucket policies configured");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "aws_s3_bucket.pdf has no aws_s3_bucket_policy"));
}

TEST_CASE("a named base image is compared with FROM", "[checklist][verdict]") {
  CHECK(item(examples(), "Base image selected")["status"] == "verified");
  auto it = item(own_project(), "Base image selected");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "FROM python:3.8-slim is not python:3.9-slim"));
}

TEST_CASE("semantic versioning of image tags: :prod fails", "[checklist][verdict]") {
  auto it = item(own_project(), "Image tags use semantic versioning");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "tag `prod` is not a semantic version"));
}

TEST_CASE("security groups named in the item are each checked", "[checklist][verdict]") {
  auto it = item(examples(), "Security groups created (ALB, ECS, RDS, ElastiCache)");
  CHECK(it["status"] == "failed");
  std::string ev = evidence(it);
  CHECK(has(ev, "\"ECS\""));
  CHECK(has(ev, "\"RDS\""));
  CHECK(has(ev, "\"ElastiCache\""));
  CHECK_FALSE(has(ev, "\"ALB\""));  // the ALB group exists
}

TEST_CASE("backups enabled means retention above 0; a stated 30 days means at least 30",
          "[checklist][verdict]") {
  CHECK(item(examples(), "Automated backups enabled")["status"] == "verified");
  CHECK(item(examples(), "Point-in-time recovery enabled")["status"] == "verified");
  auto it = item(examples(), "Backup retention set to 30 days");
  CHECK(it["status"] == "failed");
  CHECK(has(evidence(it), "7 days"));
}

TEST_CASE("an ACM certificate ARN on the listener answers 'ACM certificate requested'",
          "[checklist][verdict]") {
  auto it = item(examples(), "ACM SSL certificate requested/validated");
  CHECK(it["status"] == "declared");
  CHECK(has(evidence(it), "aws_lb_listener.https"));
}

TEST_CASE("'Application code copied' holds with ADD as well as COPY", "[checklist][verdict]") {
  auto it = item(examples(), "Application code copied");
  CHECK(it["status"] == "verified");
  CHECK(has(evidence(it), "ADD copies files"));
}

TEST_CASE("FLASK_ENV=production is judged on FLASK_ENV only, not on LOG_LEVEL",
          "[checklist][verdict]") {
  auto it = item(examples(), "FLASK_ENV=production");
  CHECK(it["status"] == "failed");  // the task definition sets development
  CHECK(has(evidence(it), "FLASK_ENV=development"));
  CHECK_FALSE(has(evidence(it), "LOG_LEVEL"));
}

TEST_CASE("every decided item has evidence", "[checklist][verdict]") {
  for (const auto* report : {&examples(), &own_project()})
    for (const auto& it : (*report)["items"]) {
      INFO(it["text"].get<std::string>());
      if (it["status"] != "manual") CHECK_FALSE(it["evidence"].empty());
    }
  CHECK_FALSE(item(examples(), "Rate limiting configured")["evidence"].empty());
}

TEST_CASE("the JSON record names the checklist, its sha256, paths, commit, date, version and rules",
          "[checklist][record]") {
  const auto& r = examples()["record"];
  CHECK(r["checklist"] == "tests/checklist/checklists/seed-style.md");
  CHECK(r["checklist_sha256"].get<std::string>().size() == 64);
  CHECK(r["paths"] == nlohmann::json::array({"examples"}));
  CHECK(r["date"].get<std::string>().ends_with("Z"));
  CHECK_FALSE(r["clearance_version"].get<std::string>().empty());
  CHECK(r["rules"]["count"].get<size_t>() > 50);
  CHECK(r["rules"]["sha256"].get<std::string>().size() == 64);
  // Inside a git checkout the commit is a 40-hex id and dirty is a boolean; outside, both null.
  if (!r["git_commit"].is_null()) {
    CHECK(r["git_commit"].get<std::string>().size() == 40);
    CHECK(r["git_dirty"].is_boolean());
  }
}
