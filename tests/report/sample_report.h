// A synthetic Report exercising every corner the output formats must handle: all rule
// fields, failed, undetermined and suppressed findings, a rule missing from the report,
// paths with spaces and non-ASCII names, an absolute path, line 0, duplicate source lines,
// invalid UTF-8, and notifications of every level.
#pragma once

#include <deque>

#include "report/report.h"

namespace clearance::testing {

inline Location loc(std::string path, uint32_t line, uint32_t col, uint32_t end_line,
                    uint32_t end_col) {
  return {std::move(path), {{line, col}, {end_line, end_col}}};
}

/// Owns the rules the report points at.
struct SampleReport {
  std::deque<Rule> rules;
  Report report;
};

inline Rule make_rule(std::string id, Severity sev, std::string title) {
  Rule r;
  r.id = std::move(id);
  r.severity = sev;
  r.title = std::move(title);
  r.description = "Checks that " + r.title + ".";
  r.remediation = "Fix " + r.id + ".";
  r.tags = {"iac"};
  return r;
}

inline Finding make_finding(std::string rule, Severity sev, Location l, std::string message,
                            std::string snippet, std::string fingerprint) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = sev;
  f.location = std::move(l);
  f.message = std::move(message);
  f.snippet = std::move(snippet);
  f.fingerprint = std::move(fingerprint);
  return f;
}

inline SampleReport sample_report() {
  SampleReport s;
  Rule s3 = make_rule("aws-s3-encryption", Severity::Critical, "S3 buckets are encrypted at rest");
  s3.description = "Unencrypted buckets expose data at rest.";
  s3.remediation = "Add a `server_side_encryption_configuration` block.";
  s3.references = {"CIS AWS 2.1.1", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/"};
  s3.tags = {"aws", "s3", "security"};
  s3.checklist = {"S3 encrypted at rest"};
  s3.precision = "very-high";
  s.rules.push_back(s3);
  Rule user = make_rule("docker-user", Severity::Medium, "Containers do not run as root");
  user.precision = "bogus";
  s.rules.push_back(user);
  s.rules.push_back(make_rule("info-note", Severity::Info, "Informational check"));
  s.rules.push_back(make_rule("low-rule", Severity::Low, "A low-severity check"));
  for (const auto& r : s.rules) s.report.rules.push_back(&r);

  Report& rep = s.report;
  rep.tool_version = "0.1.0";
  rep.tool_information_uri = "https://example.org/clearance";
  rep.root = "/repo/root";
  rep.stats = {12, 1, 4096, 0.25};

  Finding bucket = make_finding(
      "aws-s3-encryption", Severity::Critical, loc("infra/main.tf", 3, 1, 3, 30),
      "aws_s3_bucket.logs is not encrypted", "resource \"aws_s3_bucket\" \"logs\" {", "fp-bucket");
  bucket.subject = "aws_s3_bucket.logs";
  bucket.related = {loc("modules/store/main.tf", 10, 3, 10, 20)};
  Finding undetermined =
      make_finding("docker-user", Severity::Medium, loc("infra/main.tf", 7, 5, 7, 9),
                   "USER may be root", "  user = var.user", "fp-undet");
  undetermined.verdict = Verdict::Undetermined;
  undetermined.expression = "var.user";
  Finding suppressed = make_finding("docker-user", Severity::Medium, loc("Dockerfile", 0, 0, 0, 0),
                                    "container runs as root", "FROM alpine", "fp-supp");
  suppressed.suppressions = {{Suppression::Kind::InSource, "build image only"},
                             {Suppression::Kind::External, ""}};
  Finding unicode =
      make_finding("low-rule", Severity::Low, loc("dir with space/naïve ü.tf", 2, 1, 2, 5),
                   "odd path", "x = 1", "fp-unicode");
  Finding secret =
      make_finding("secret-generic", Severity::High, loc("/repo/root/app/.env", 1, 1, 1, 12),
                   "secret in \xff clear", "TOKEN=ab…yz (40 chars)", "fp-secret");
  // Two identical lines (modulo indentation) and a second finding on the first of them.
  Finding dup1 = make_finding("info-note", Severity::Info, loc("infra/dup.tf", 10, 1, 10, 5),
                              "first", "  enabled = false", "fp-d1");
  Finding dup1b = make_finding("low-rule", Severity::Low, loc("infra/dup.tf", 10, 1, 10, 5),
                               "same line", "  enabled = false", "fp-d1b");
  Finding dup2 = make_finding("info-note", Severity::Info, loc("infra/dup.tf", 12, 1, 12, 5),
                              "second", "\tenabled   =   false", "fp-d2");
  // Deliberately out of order: writers must sort.
  rep.findings = {unicode, dup2, secret, bucket, suppressed, dup1b, undetermined, dup1};

  rep.notifications = {
      {Diagnostic::Level::Warning, "skipped: larger than 10 MiB", loc("huge.tf", 1, 1, 1, 1)},
      {Diagnostic::Level::Error, "syntax error: unexpected '}'", loc("broken.tf", 4, 2, 4, 3)},
      {Diagnostic::Level::Note, "no files matched in vendor/", {}},
  };
  return s;
}

}  // namespace clearance::testing
