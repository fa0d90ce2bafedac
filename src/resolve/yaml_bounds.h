// A bound on what a YAML document expands to. yaml-cpp shares the node an alias names, so a
// small document of nested anchors ("billion laughs") is cheap to load but expands to billions
// of nodes when walked or converted. Every YAML that comes from the scanned tree or its
// configuration (.clearance.yml, custom rules, yamldecode) is measured before it is used.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <vector>

namespace clearance {

/// The most nodes, aliases expanded, that a YAML document from the tree may hold.
inline constexpr size_t kMaxYamlNodes = 200000;

/// Whether `root`, aliases expanded, has at most `max_nodes` nodes. Counting stops at the
/// bound, so the check itself costs at most that much.
inline bool yaml_within_bounds(const YAML::Node& root, size_t max_nodes = kMaxYamlNodes) {
  std::vector<YAML::Node> stack{root};
  size_t seen = 0;
  while (!stack.empty()) {
    YAML::Node n = stack.back();
    stack.pop_back();
    if (++seen > max_nodes) return false;
    if (n.IsSequence()) {
      for (const auto& item : n) stack.push_back(item);
    } else if (n.IsMap()) {
      for (const auto& kv : n) {
        stack.push_back(kv.first);
        stack.push_back(kv.second);
      }
    }
  }
  return true;
}

}  // namespace clearance
