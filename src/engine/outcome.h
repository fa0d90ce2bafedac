// Outcome: the three-valued result of a condition, with where and why it did not pass.
#pragma once

#include <string>
#include <vector>

#include "engine/finding.h"
#include "model/location.h"

namespace clearance {

/// One reason a subject failed or could not be decided; each becomes one finding.
struct Blame {
  Location location;            ///< where the finding points (path may be another file)
  std::string detail;           ///< fills {detail} in the rule's message
  std::string attribute;        ///< fills {attribute}: the path that decided
  std::string value;            ///< fills {value}: display form of the value that decided
  std::string expression;       ///< Undetermined: the unresolved expression text
  std::string fingerprint_seed; ///< stable identity beyond the subject (e.g. secret hash)
  std::string subject;          ///< overrides the subject name (e.g. a location block)
  std::string snippet;          ///< overrides the snippet (set it, redacted, for secrets)
  std::vector<Location> related;
};

/// Pass, or Fail/Undetermined with one blame per finding to report.
struct Outcome {
  Verdict verdict = Verdict::Pass;
  std::vector<Blame> blames;

  static Outcome pass() { return {}; }
  static Outcome fail(Blame b) { return {Verdict::Fail, {std::move(b)}}; }
  static Outcome undetermined(Blame b) { return {Verdict::Undetermined, {std::move(b)}}; }
  bool passed() const { return verdict == Verdict::Pass; }
};

}  // namespace clearance
