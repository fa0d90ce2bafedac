// `checklist:` in .clearance.yml is a list of {item: "text" | pattern: "regex", rules: [ids]
// | manual: true}; the first entry that fits an item decides it.
#include "cli/checklist_explain.h"

#include <yaml-cpp/yaml.h>

#include "cli/config_file.h"

namespace clearance {

bool load_checklist_pins(const std::string& root, std::vector<ChecklistPin>& pins,
                         std::string& error) {
  auto path = find_config(root);
  if (!path) return true;
  try {
    YAML::Node doc = YAML::LoadFile(*path);
    YAML::Node list = doc.IsMap() ? doc["checklist"] : YAML::Node();
    if (!list) return true;
    if (!list.IsSequence()) {
      error = *path + ": checklist must be a list of {item|pattern, rules|manual}";
      return false;
    }
    for (const auto& e : list) {
      ChecklistPin pin;
      if (!e.IsMap()) {
        error = *path + ":" + std::to_string(e.Mark().line + 1) +
                ": a checklist entry must be a map with item or pattern, and rules or manual";
        return false;
      }
      if (e["item"]) pin.item = e["item"].as<std::string>();
      if (e["pattern"]) pin.pattern = e["pattern"].as<std::string>();
      bool manual = e["manual"] && e["manual"].as<bool>();
      if (e["rules"]) {
        if (e["rules"].IsSequence())
          for (const auto& r : e["rules"]) pin.rules.push_back(r.as<std::string>());
        else
          pin.rules.push_back(e["rules"].as<std::string>());
      }
      if ((pin.item.empty() && pin.pattern.empty()) || (pin.rules.empty() && !manual)) {
        error = *path + ":" + std::to_string(e.Mark().line + 1) +
                ": a checklist entry needs item or pattern, and rules or manual: true";
        return false;
      }
      pins.push_back(std::move(pin));
    }
  } catch (const YAML::Exception& e) {
    error = *path + ": " + e.what();
    return false;
  }
  return true;
}

void write_explain(const ChecklistDocument& doc, const std::vector<ItemMatch>& matches,
                   std::ostream& out) {
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const ItemMatch& m = matches[i];
    out << doc.items[i].line + 1 << ": " << strip_override_comment(doc.items[i].text) << "\n";
    if (!m.subjects.empty()) {
      out << "    subject:";
      for (const auto& s : m.subjects) out << " " << s;
      out << "\n";
    }
    if (!m.properties.empty()) {
      out << "    property:";
      for (const auto& p : m.properties) out << " " << p;
      out << "\n";
    }
    for (const auto& n : m.notes) out << "    note: " << n << "\n";
    if (!m.rules.empty()) {
      out << "    check (" << match_how_name(m.how) << "):";
      for (const auto& r : m.rules) {
        out << " " << r;
        if (auto p = m.params.find(r); p != m.params.end()) {
          out << " {";
          bool first = true;
          for (const auto& [k, v] : p->second) {
            out << (first ? "" : ", ") << k << ": " << v;
            first = false;
          }
          out << "}";
        }
      }
      out << "\n";
    } else {
      out << "    manual: " << (m.reason.empty() ? "no rule matched" : m.reason) << "\n";
    }
  }
}

}  // namespace clearance
