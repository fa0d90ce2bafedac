// Report: everything an output format needs, gathered once after the scan.
// Each output format is one file in report/ and reads only this struct.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/rule.h"
#include "model/document.h"

namespace clearance {

struct ScanStats {
  size_t files_scanned = 0;
  size_t files_skipped = 0;
  size_t bytes_scanned = 0;
  double seconds = 0;
};

struct Report {
  std::string tool_version;
  std::string tool_information_uri;  ///< the project's home page (SARIF informationUri)
  std::string root;                  ///< absolute scan root (SARIF %SRCROOT%)
  std::vector<const Rule*> rules;    ///< every rule that ran, sorted by id
  std::vector<Finding> findings;     ///< sorted: path, line, column, rule id
  std::vector<Check> checks;
  std::vector<Diagnostic> notifications;  ///< parse failures, skipped files
  ScanStats stats;
};

}  // namespace clearance
