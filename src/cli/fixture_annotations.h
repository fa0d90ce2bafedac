// Inline fixture expectations: `# expect: <rule-id>` / `# ok: <rule-id>` /
// `# expect-undetermined: <rule-id>` alone on a line (or `//` for JSON), applying to the next
// line that is not an annotation.
#pragma once

#include <string>
#include <vector>

namespace clearance {

struct Expectation {
  enum class Kind { Fire, NoFire, Undetermined };
  Kind kind = Kind::Fire;
  std::string rule_id;
  std::string path;
  uint32_t line = 0;             ///< the line the finding must (not) point at
  uint32_t annotation_line = 0;  ///< where the annotation itself is
};

/// Collects the annotations of `source` (file `path`) and blanks their lines in place, so
/// that line numbers stay true and the parser never sees them.
std::vector<Expectation> take_annotations(const std::string& path, std::string& source);

}  // namespace clearance
