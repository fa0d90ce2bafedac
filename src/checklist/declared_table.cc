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
    if (path == "@name") {
      const Attribute* n = resource.find_attribute("name");
      std::string names = resource.name + " " + (n ? n->value.to_display() : std::string());
      if (lower(names).find(lower(want)) == std::string::npos) return false;
      continue;
    }
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
    out += path == "@name" ? "a name containing \"" + want + "\""
           : want == "*"   ? path + " set"
                           : path + " containing \"" + want + "\"";
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

std::vector<const DeclaredEntry*> DeclaredTable::find_all(std::string_view normalised) const {
  std::vector<const DeclaredEntry*> out;
  for (const auto& e : entries)
    if (std::find(e.phrases.begin(), e.phrases.end(), normalised) != e.phrases.end())
      out.push_back(&e);
  return out;
}

/// The names in the item's first parenthesised remark: "(ALB, ECS and RDS)" -> ALB, ECS, RDS.
std::vector<std::string> remark_names(std::string_view text) {
  std::vector<std::string> out;
  size_t open = text.find('(');
  size_t close = text.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return out;
  std::string inner(text.substr(open + 1, close - open - 1));
  for (std::string sep : {" and ", " & ", "/"})
    for (size_t at; (at = inner.find(sep)) != std::string::npos;)
      inner.replace(at, sep.size(), ",");
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    std::string part =
        inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
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
      e.each_named = item["each_named"] && item["each_named"].as<bool>();
      if (item["covers"]) e.covers = item["covers"].as<std::string>();
      if (item["via"]) e.via = item["via"].as<std::string>();
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
  if (entry.each_named) {
    auto names = remark_names(item_text);
    if (!names.empty()) {
      std::vector<std::map<std::string, std::string>> each;
      for (const auto& t : tests)
        for (const auto& n : names) {
          auto copy = t;
          copy["@name"] = n;
          each.push_back(std::move(copy));
        }
      tests = std::move(each);
    }
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
  if (!entry.covers.empty()) {
    // Each covered resource needs one of `resources` pointing at it through `via`.
    for (const auto& doc : ws.documents) {
      if (doc.format != Format::Terraform || !doc.checked) continue;
      for (const auto& target : doc.root.children) {
        if (target.kind != "resource" || target.type != entry.covers) continue;
        std::string address = target.type + "." + target.name;
        const Attribute* own = target.find_attribute(entry.via);
        bool covered = false;
        for (const auto& d2 : ws.documents) {
          if (d2.format != Format::Terraform || !d2.checked ||
              d2.module_address != doc.module_address)
            continue;
          for (const auto& n : d2.root.children) {
            if (n.kind != "resource" || std::find(entry.resources.begin(), entry.resources.end(),
                                                  n.type) == entry.resources.end())
              continue;
            const Attribute* a = n.find_attribute(entry.via);
            if (!a) continue;
            std::string v = a->value.to_display();
            if (v.find(address + ".") != std::string::npos ||
                (own && !own->value.is_unknown() && v == own->value.to_display()))
              covered = true;
          }
        }
        if (!covered) {
          all_met = false;
          result.evidence.push_back(
              {address + " has no " + entry.resources.front(), Location{doc.path, target.range}});
        }
      }
    }
  }
  result.status = all_met ? ItemStatus::Declared : ItemStatus::Failed;
  if (!all_met)  // only what decided the item: the missing pieces
    std::erase_if(result.evidence, [](const Evidence& e) {
      return e.text.ends_with(" declared") && !e.text.starts_with("no ");
    });
  return result;
}

}  // namespace clearance
