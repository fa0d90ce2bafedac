// The rule engine: YAML loading, three-valued conditions, related resources, messages.
#include "engine/engine.h"

#include <catch2/catch.hpp>

#include "engine/rule_set.h"

using namespace clearance;

namespace {

Range at_line(uint32_t line) { return {{line, 1}, {line, 40}}; }

Node resource(std::string type, std::string name, uint32_t line, std::vector<Attribute> attrs = {},
              std::vector<Node> children = {}) {
  Node n;
  n.kind = "resource";
  n.type = std::move(type);
  n.name = std::move(name);
  n.labels = {n.type, n.name};
  n.range = {{line, 1}, {line + 5, 2}};
  n.attributes = std::move(attrs);
  n.children = std::move(children);
  return n;
}

Attribute attr(std::string name, Value v, uint32_t line) {
  v.set_range({{line, 15}, {line, 30}});
  return {std::move(name), std::move(v), at_line(line)};
}

Node block(std::string type, uint32_t line, std::vector<Attribute> attrs) {
  Node n;
  n.kind = "block";
  n.type = std::move(type);
  n.range = {{line, 3}, {line + 2, 4}};
  n.attributes = std::move(attrs);
  return n;
}

Workspace one_file(std::vector<Node> nodes, std::string path = "main.tf") {
  Workspace ws;
  ws.root = "/tmp/x";
  Document d;
  d.path = std::move(path);
  d.format = Format::Terraform;
  d.root.kind = "file";
  d.root.children = std::move(nodes);
  ws.documents.push_back(std::move(d));
  return ws;
}

Rule load(const std::string& yaml) {
  Rule r;
  std::vector<RuleError> errors;
  bool ok = RuleSet::parse(yaml, "", r, errors);
  INFO((errors.empty() ? std::string() : errors.front().message));
  REQUIRE(ok);
  return r;
}

EngineResult run(const std::string& yaml, const Workspace& ws) {
  RuleSet set;
  std::vector<RuleError> errors;
  set.add(load(yaml), errors);
  return run_rules(set, ws);
}

const char* kHeader = R"(
id: t
title: T
severity: high
tags: [aws]
description: d
remediation: r
)";

}  // namespace

TEST_CASE("attribute default decides a missing attribute", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
target: {format: terraform, kind: resource, type: aws_db_instance}
condition: {attribute: publicly_accessible, default: false, equals: false}
message: "{address} is public"
)";
  auto ws = one_file({resource("aws_db_instance", "ok", 1),
                      resource("aws_db_instance", "bad", 10, {attr("publicly_accessible", Value::boolean(true), 12)})});
  auto res = run(yaml, ws);
  REQUIRE(res.findings.size() == 1);
  CHECK(res.findings[0].location.range.begin.line == 12);
  CHECK(res.findings[0].message == "aws_db_instance.bad is public");
  CHECK(res.findings[0].verdict == Verdict::Fail);
  CHECK(res.checks.size() == 2);
}

TEST_CASE("missing attribute without default fails at the block header", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
target: {format: terraform, kind: resource, type: aws_db_instance}
condition: {attribute: storage_encrypted, equals: true}
message: "{address}: {detail}"
)";
  auto res = run(yaml, one_file({resource("aws_db_instance", "db", 7)}));
  REQUIRE(res.findings.size() == 1);
  CHECK(res.findings[0].location.range.begin.line == 7);
  CHECK(res.findings[0].message == "aws_db_instance.db: storage_encrypted is not set");
}

TEST_CASE("an Unknown value is undetermined with its expression, never pass or fail", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
params: {min_days: 30}
target: {format: terraform, kind: resource, type: aws_db_instance}
condition: {attribute: backup_retention_period, default: 0, gte: $min_days}
message: "{address} keeps backups for {value} days, below {params.min_days}"
)";
  auto ws = one_file({resource("aws_db_instance", "u", 1, {attr("backup_retention_period", Value::unknown("var.days"), 2)}),
                      resource("aws_db_instance", "low", 10, {attr("backup_retention_period", Value::number(7), 11)}),
                      resource("aws_db_instance", "good", 20, {attr("backup_retention_period", Value::number(35), 21)})});
  auto res = run(yaml, ws);
  REQUIRE(res.findings.size() == 2);
  CHECK(res.findings[0].verdict == Verdict::Undetermined);
  CHECK(res.findings[0].expression == "var.days");
  CHECK(res.findings[0].message.find("undetermined") != std::string::npos);
  CHECK(res.findings[1].verdict == Verdict::Fail);
  CHECK(res.findings[1].message == "aws_db_instance.low keeps backups for 7 days, below 30");
}

TEST_CASE("all/any/not and nested blocks", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
target: {format: terraform, kind: resource, type: aws_lb_listener}
condition:
  any:
    - {attribute: protocol, not_equals: HTTP}
    - block: default_action
      some:
        all:
          - {attribute: type, equals: redirect}
          - {attribute: redirect.protocol, equals: HTTPS}
message: "{address} does not redirect"
)";
  Node redirect = block("redirect", 5, {attr("protocol", Value::string("HTTPS"), 5)});
  Node action = block("default_action", 3, {attr("type", Value::string("redirect"), 4)});
  action.children.push_back(redirect);
  Node fwd = block("default_action", 13, {attr("type", Value::string("forward"), 14)});
  auto ws = one_file({resource("aws_lb_listener", "ok", 1, {attr("protocol", Value::string("HTTP"), 2)}, {action}),
                      resource("aws_lb_listener", "bad", 11, {attr("protocol", Value::string("HTTP"), 12)}, {fwd}),
                      resource("aws_lb_listener", "tls", 21, {attr("protocol", Value::string("HTTPS"), 22)})});
  auto res = run(yaml, ws);
  REQUIRE(res.findings.size() >= 1);
  for (const auto& f : res.findings) CHECK(f.subject == "aws_lb_listener.bad");
}

TEST_CASE("not points at the attribute it negates", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
target: {format: terraform, kind: resource, type: aws_s3_bucket}
condition: {not: {attribute: acl, one_of: [public-read, public-read-write]}}
message: "{address} has ACL {value}"
)";
  auto res = run(yaml, one_file({resource("aws_s3_bucket", "b", 1, {attr("acl", Value::string("public-read"), 3)}),
                                  resource("aws_s3_bucket", "p", 10, {attr("acl", Value::string("private"), 11)})}));
  REQUIRE(res.findings.size() == 1);
  CHECK(res.findings[0].location.range.begin.line == 3);
  CHECK(res.findings[0].message == "aws_s3_bucket.b has ACL public-read");
}

TEST_CASE("related resources match by reference, literal name, or stay undetermined", "[engine]") {
  std::string yaml = std::string(kHeader) + R"(
target: {format: terraform, kind: resource, type: aws_s3_bucket}
condition:
  related:
    type: aws_s3_bucket_public_access_block
    via: bucket
    where: {attribute: block_public_acls, equals: true}
message: "{address} has no public access block"
)";
  auto pab = [](std::string name, Value via, bool flag, uint32_t line) {
    return resource("aws_s3_bucket_public_access_block", std::move(name), line,
                    {attr("bucket", std::move(via), line + 1), attr("block_public_acls", Value::boolean(flag), line + 2)});
  };
  Workspace ws = one_file({resource("aws_s3_bucket", "a", 1),
                           resource("aws_s3_bucket", "b", 10, {attr("bucket", Value::string("logs-bucket"), 11)}),
                           resource("aws_s3_bucket", "c", 20), resource("aws_s3_bucket", "d", 30)});
  Document other;
  other.path = "pab.tf";
  other.format = Format::Terraform;
  other.root.children = {pab("a", Value::unknown("aws_s3_bucket.a.id"), true, 1),
                         pab("b", Value::string("logs-bucket"), true, 10),
                         pab("d", Value::unknown("aws_s3_bucket.d.bucket"), false, 20)};
  ws.documents.push_back(std::move(other));
  auto res = run(yaml, ws);
  std::vector<std::string> subjects;
  for (const auto& f : res.findings) subjects.push_back(f.subject + (f.verdict == Verdict::Fail ? ":fail" : ":undet"));
  std::sort(subjects.begin(), subjects.end());
  CHECK(subjects == std::vector<std::string>{"aws_s3_bucket.c:fail", "aws_s3_bucket.d:fail"});

  // A block whose bucket is a variable could be anyone's: undetermined, not a failure.
  ws.documents[1].root.children.push_back(pab("v", Value::unknown("var.bucket_id"), true, 40));
  res = run(yaml, ws);
  bool c_undetermined = false;
  for (const auto& f : res.findings)
    if (f.subject == "aws_s3_bucket.c") c_undetermined = f.verdict == Verdict::Undetermined && f.expression == "var.bucket_id";
  CHECK(c_undetermined);
}

TEST_CASE("rule loading rejects unknown keys, bad severities and unknown predicates", "[engine]") {
  auto errors_of = [](const std::string& yaml) {
    Rule r;
    std::vector<RuleError> errors;
    RuleSet::parse(yaml, "", r, errors);
    return errors.empty() ? std::string() : errors.front().message;
  };
  std::string base = std::string(kHeader) + "target: {format: terraform}\nmessage: m\n";
  CHECK(errors_of(base + "condition: {attribute: x, equal: 1}").find("unknown key 'equal'") != std::string::npos);
  CHECK(errors_of(base + "condition: {predicate: nope}").find("unknown predicate") != std::string::npos);
  CHECK(errors_of(base + "condition: {attribute: x, gte: $missing}").find("unknown parameter") != std::string::npos);
  CHECK(errors_of(base + "condition: {attribute: x, matches: '('}").find("bad regex") != std::string::npos);
  CHECK(errors_of(base + "condition: {attribute: x}\nbogus: 1").find("unknown field 'bogus'") != std::string::npos);
  std::string no_title = "id: t\nseverity: high\ntags: [a]\ndescription: d\nremediation: r\n"
                         "target: {format: terraform}\ncondition: {attribute: x}\nmessage: m\n";
  CHECK(errors_of(no_title).find("missing required field 'title'") != std::string::npos);
  Rule r;
  std::vector<RuleError> errors;
  CHECK_FALSE(RuleSet::parse(base + "condition: {attribute: x}", "rules/terraform/other.yaml", r, errors));
  CHECK(errors.front().message.find("does not match id") != std::string::npos);
}

TEST_CASE("secret rules never show the value", "[engine]") {
  std::string header = kHeader;
  header.replace(header.find("tags: [aws]"), 11, "tags: [secret]");
  std::string yaml = header + R"(
target: {format: terraform, kind: resource, type: aws_db_instance}
condition: {attribute: password, present: false}
message: "{address} has a literal password {value}"
)";
  Attribute pw{"password", Value::string("hunter2hunter2hunter2", {{2, 18}, {2, 41}}), at_line(2)};
  Workspace ws = one_file({resource("aws_db_instance", "db", 1, {pw})});
  ws.documents[0].source = "resource \"aws_db_instance\" \"db\" {\n  password     = \"hunter2hunter2hunter2\"\n}\n";
  auto res = run(yaml, ws);
  REQUIRE(res.findings.size() == 1);
  CHECK(res.findings[0].message.find("hunter2hunter2") == std::string::npos);
  CHECK(res.findings[0].snippet.find("hunter2hunter2") == std::string::npos);
}
