// Finding and Check: what the engine concludes about one subject under one rule.
#pragma once

#include <string>
#include <vector>

#include "engine/severity.h"
#include "model/location.h"

namespace clearance {

enum class Verdict { Pass, Fail, Undetermined };

/// A suppression applied to a finding (inline comment, config, or baseline).
struct Suppression {
  enum class Kind { InSource, External };
  Kind kind = Kind::InSource;
  std::string justification;
};

/// A failed or undetermined check, ready to report. Never holds a secret in clear:
/// `message`, `snippet` and `evidence` are redacted by whoever produces them.
struct Finding {
  std::string rule_id;
  Severity severity = Severity::Medium;
  Verdict verdict = Verdict::Fail;  ///< Fail or Undetermined
  Location location;
  std::string message;
  std::string subject;     ///< what was checked: "aws_s3_bucket.logs", "server example.com:443"
  std::string expression;  ///< for Undetermined: the expression that could not be resolved
  std::string snippet;     ///< the source line(s) at `location`, secrets already redacted
  std::string fingerprint_seed;  ///< stable content identity (e.g. a secret's hash); may be empty
  std::string fingerprint;       ///< filled by the engine from rule, path, subject and seed
  std::vector<Location> related;  ///< e.g. the module call chain, the include chain
  std::vector<Suppression> suppressions;
};

/// One rule applied to one subject, whatever the verdict: the checklist needs the passes too.
struct Check {
  std::string rule_id;
  std::string subject;
  Location location;
  Verdict verdict = Verdict::Pass;
};

}  // namespace clearance
