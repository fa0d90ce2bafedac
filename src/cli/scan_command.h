// `clearance scan`: the whole pipeline, from paths to a report.
#pragma once

#include <string>
#include <vector>

#include "engine/severity.h"

namespace clearance {

struct ScanSettings {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;  ///< file to write; empty = standard output
  Severity threshold = Severity::Low;
  std::vector<std::string> rule_dirs;
  bool color = true;   ///< colour text output when writing to a terminal
  uintmax_t max_file_size = 10u << 20;
  unsigned jobs = 0;
};

/// Runs a scan; returns the exit code (0 clean, 1 findings at/above threshold, 2 error).
int run_scan(const ScanSettings& settings);

}  // namespace clearance
