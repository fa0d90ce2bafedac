// `clearance test [RULES_DIR] [FIXTURES_DIR]`: runs every rule's fixtures and compares the
// findings with the inline expectations. A product feature: users run it on their own rules.
#pragma once

#include <string>

namespace clearance {

struct TestSettings {
  std::string rules_dir;     ///< empty = the embedded rules
  std::string fixtures_dir;  ///< default "fixtures"
  std::string only;          ///< run only this rule id
  bool verbose = false;
};

/// Returns 0 when every rule's fixtures pass, 1 otherwise, 2 on a usage error.
int run_fixture_tests(const TestSettings& settings);

}  // namespace clearance
