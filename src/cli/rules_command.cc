// Rule listing and explanation, generated from the rule YAML itself.
#include "cli/rules_command.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/rule_loading.h"

namespace clearance {

namespace {

std::string formats_of(const Rule& r) {
  std::string out;
  for (Format f : r.target.formats) {
    if (!out.empty()) out += ',';
    out += format_name(f);
  }
  return out;
}

}  // namespace

int run_rules_list(const RulesSettings& s) {
  RuleSet rules;
  if (!load_rules(s.rule_dirs, rules)) return 2;
  std::vector<const Rule*> sorted;
  for (const auto& r : rules.rules()) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
  if (s.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Rule* r : sorted) {
      out.push_back({{"id", r->id},
                     {"title", r->title},
                     {"severity", severity_name(r->severity)},
                     {"format", formats_of(*r)},
                     {"checklist", r->checklist},
                     {"tags", r->tags}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const Rule* r : sorted) {
    std::cout << std::left << std::setw(38) << r->id << std::setw(10) << severity_name(r->severity)
              << std::setw(12) << formats_of(*r) << r->title << "\n";
  }
  std::cout << sorted.size() << " rules\n";
  return 0;
}

int run_explain(const RulesSettings& s, const std::string& id) {
  RuleSet rules;
  if (!load_rules(s.rule_dirs, rules)) return 2;
  const Rule* r = rules.find(id);
  if (!r) {
    std::cerr << "clearance: no rule '" << id << "' (see `clearance rules`)\n";
    return 2;
  }
  std::cout << r->id << ": " << r->title << "\n\n"
            << "Severity:  " << severity_name(r->severity) << "\n"
            << "Format:    " << formats_of(*r) << "\n";
  if (!r->tags.empty()) {
    std::cout << "Tags:      ";
    for (size_t i = 0; i < r->tags.size(); ++i) std::cout << (i ? ", " : "") << r->tags[i];
    std::cout << "\n";
  }
  if (!r->checklist.empty()) {
    std::cout << "Checklist:\n";
    for (const auto& c : r->checklist) std::cout << "  - " << c << "\n";
  }
  if (!r->params.empty()) {
    std::cout << "Parameters:\n";
    for (const auto& [k, v] : r->params) std::cout << "  " << k << " = " << v.to_display() << "\n";
  }
  std::cout << "\n" << r->description << "\n\nRemediation:\n" << r->remediation << "\n";
  if (!r->references.empty()) {
    std::cout << "\nReferences:\n";
    for (const auto& ref : r->references) std::cout << "  " << ref << "\n";
  }
  return 0;
}

}  // namespace clearance
