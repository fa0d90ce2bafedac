// Loading and applying the existence table. Resources are searched at the top level of every
// checked Terraform document; attribute tests are plain case-insensitive containment, which is
// all the table needs and keeps it readable.
#include "checklist/declared_table.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "checklist/normalise.h"

namespace clearance {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> string_list(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& v : n) out.push_back(v.as<std::string>());
  return out;
}

bool meets(const Node& resource, const std::map<std::string, std::string>& test) {
  for (const auto& [path, want] : test) {
    const Attribute* a = resource.find_attribute(path);
    if (want == "*") {
      if (!a && !resource.find_child(path)) return false;
      continue;
    }
    if (!a || a->value.is_unknown()) return false;
    if (lower(a->value.to_display()).find(lower(want)) == std::string::npos) return false;
  }
  return true;
}

std::string describe(const std::map<std::string, std::string>& test) {
  std::string out;
  for (const auto& [path, want] : test) {
    if (!out.empty()) out += ", ";
    out += want == "*" ? path + " set" : path + " containing \"" + want + "\"";
  }
  return out;
}

}  // namespace

std::string_view item_status_name(ItemStatus s) {
  switch (s) {
    case ItemStatus::Verified: return "verified";
    case ItemStatus::Failed: return "failed";
    case ItemStatus::Undetermined: return "undetermined";
    case ItemStatus::Declared: return "declared";
    case ItemStatus::Manual: return "manual";
  }
  return "manual";
}

const DeclaredEntry* DeclaredTable::find(std::string_view normalised) const {
  for (const auto& e : entries)
    if (std::find(e.phrases.begin(), e.phrases.end(), normalised) != e.phrases.end()) return &e;
  return nullptr;
}

bool load_declared_table(std::string_view yaml, DeclaredTable& out, std::string& error) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    for (const auto& item : root["items"]) {
      DeclaredEntry e;
      for (const auto& p : string_list(item["phrases"])) e.phrases.push_back(normalise_phrase(p));
      e.resources = string_list(item["resources"]);
      if (item["require"])
        for (const auto& r : item["require"]) {
          std::map<std::string, std::string> test;
          for (const auto& kv : r) test[kv.first.as<std::string>()] = kv.second.as<std::string>();
          e.require.push_back(std::move(test));
        }
      if (item["code_span"]) e.code_span = item["code_span"].as<std::string>();
      if (e.phrases.empty() || e.resources.empty()) {
        error = "declared table: an item needs phrases and resources";
        return false;
      }
      out.entries.push_back(std::move(e));
    }
    return true;
  } catch (const YAML::Exception& ex) {
    error = std::string("declared table: ") + ex.what();
    return false;
  }
}

ItemResult judge_declared(const DeclaredEntry& entry, std::string_view item_text,
                          const Workspace& ws) {
  ItemResult result;
  result.rules = {"declared"};
  std::vector<std::map<std::string, std::string>> tests = entry.require;
  if (tests.empty()) tests.emplace_back();
  if (!entry.code_span.empty()) {
    auto spans = code_spans(item_text);
    if (!spans.empty())
      for (auto& t : tests) t[entry.code_span] = spans.front();
  }
  bool all_met = true;
  for (const auto& test : tests) {
    bool met = false;
    for (const auto& doc : ws.documents) {
      if (doc.format != Format::Terraform || !doc.checked) continue;
      for (const auto& n : doc.root.children) {
        if (n.kind != "resource") continue;
        if (std::find(entry.resources.begin(), entry.resources.end(), n.type) ==
            entry.resources.end())
          continue;
        if (!meets(n, test)) continue;
        // code_span names must match exactly, not just contain.
        if (!entry.code_span.empty() && test.count(entry.code_span)) {
          const Attribute* a = n.find_attribute(entry.code_span);
          if (!a || a->value.to_display() != test.at(entry.code_span)) continue;
        }
        met = true;
        std::string address = n.type + "." + n.name;
        if (!doc.module_address.empty()) address = doc.module_address + "." + address;
        result.evidence.push_back({address + " declared", Location{doc.path, n.range}});
      }
    }
    if (!met) {
      all_met = false;
      std::string what;
      for (const auto& r : entry.resources) what += (what.empty() ? "" : " or ") + r;
      if (!test.empty()) what += " with " + describe(test);
      result.evidence.push_back({"no " + what + " is declared", {}});
    }
  }
  result.status = all_met ? ItemStatus::Declared : ItemStatus::Failed;
  return result;
}

}  // namespace clearance
