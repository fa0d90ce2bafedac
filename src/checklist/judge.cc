// Judging one item: an explicit override first, then rule phrases, the existence table and
// value lists; their verdicts combine with the worst one winning (failed > undetermined >
// verified > declared). An item nothing matches is manual.
#include "checklist/judge.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "checklist/item_values.h"
#include "checklist/normalise.h"
#include "checklist/value_checks.h"
#include "engine/embedded_rules.h"
#include "engine/engine.h"
#include "engine/rule_set.h"

namespace clearance {

namespace {

int rank(ItemStatus s) {
  switch (s) {
    case ItemStatus::Failed: return 4;
    case ItemStatus::Undetermined: return 3;
    case ItemStatus::Verified: return 2;
    case ItemStatus::Declared: return 1;
    case ItemStatus::Manual: return 0;
  }
  return 0;
}

void merge(ItemResult& into, ItemResult from) {
  // "Nothing was subject to the rule" says nothing when another check did judge the item.
  if (from.status == ItemStatus::Manual && !into.rules.empty()) return;
  if (into.status == ItemStatus::Manual && !into.rules.empty()) {
    into = std::move(from);
    return;
  }
  for (auto& r : from.rules) into.rules.push_back(std::move(r));
  // Evidence lists only what decided the item: the worst verdict's.
  if (rank(from.status) > rank(into.status)) {
    bool bad = from.status == ItemStatus::Failed || from.status == ItemStatus::Undetermined;
    if (bad) into.evidence.clear();
    into.status = from.status;
  } else if (rank(from.status) < rank(into.status) &&
             (into.status == ItemStatus::Failed || into.status == ItemStatus::Undetermined)) {
    return;
  }
  for (auto& e : from.evidence) into.evidence.push_back(std::move(e));
}

/// `KEY` of an item written `KEY=value` ("FLASK_ENV=production"), else "".
std::string assigned_key(std::string_view text) {
  std::string bare = bare_item_text(text);
  size_t eq = bare.find('=');
  if (eq == std::string::npos || eq == 0) return {};
  std::string key = bare.substr(0, eq);
  for (char c : key)
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return {};
  return key;
}

/// The verdict of rules `ids`; with `key` set only findings about that key count.
ItemResult judge_rules(const std::vector<std::string>& ids, const Report& report,
                       const std::string& key = {}) {
  ItemResult r;
  r.rules = ids;
  bool fail = false, undetermined = false, pass = false;
  std::vector<Evidence> passes;
  for (const auto& id : ids) {
    for (const auto& f : report.findings) {
      if (f.rule_id != id) continue;
      if (!key.empty() && f.message.find(key) == std::string::npos) continue;
      if (!f.suppressions.empty()) {
        pass = true;
        r.evidence.push_back(
            {id + ": suppressed (" + f.suppressions.front().justification + "): " + f.message,
             f.location});
      } else if (f.verdict == Verdict::Fail) {
        fail = true;
        r.evidence.push_back({id + ": " + f.message, f.location});
      } else {
        undetermined = true;
        r.evidence.push_back(
            {id + ": cannot resolve `" + f.expression + "` (" + f.subject + ")", f.location});
      }
    }
    for (const auto& c : report.checks)
      if (c.rule_id == id && c.verdict == Verdict::Pass) {
        pass = true;
        passes.push_back({id + ": " + c.subject + " passes", c.location});
      }
  }
  if (!fail && !undetermined)
    for (auto& e : passes) r.evidence.push_back(std::move(e));
  if (fail) {
    r.status = ItemStatus::Failed;
  } else if (undetermined) {
    r.status = ItemStatus::Undetermined;
  } else if (pass) {
    r.status = ItemStatus::Verified;
  } else {
    r.status = ItemStatus::Manual;
    r.evidence.push_back(
        {"nothing in the scan is subject to " + ids.front() + (ids.size() > 1 ? " and others" : ""),
         {}});
  }
  return r;
}

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string id;
  while (std::getline(in, id, ','))
    if (!id.empty()) out.push_back(id);
  return out;
}

/// The findings and checks of rule `id` run again over `ws` with `params` in its YAML.
Report rerun_with_params(const Report& report, const std::string& id,
                         const std::map<std::string, std::string>& params, const Workspace& ws) {
  Report out;
  const Rule* rule = nullptr;
  for (const Rule* r : report.rules)
    if (r->id == id) rule = r;
  if (!rule) return out;
  std::string text;
  for (const auto& e : embedded_rules())
    if (e.path == rule->source) text = std::string(e.yaml);
  if (text.empty()) {
    std::ifstream in(rule->source, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
  }
  RuleSet one;
  std::vector<RuleError> errors;
  Rule fresh;
  try {
    YAML::Node root = YAML::Load(text);
    for (const auto& [name, value] : params) root["params"][name] = YAML::Load(value);
    YAML::Emitter emit;
    emit << root;
    if (!RuleSet::parse(emit.c_str(), rule->source, fresh, errors)) return out;
  } catch (const YAML::Exception&) {
    return out;
  }
  fresh.severity = rule->severity;
  one.add(std::move(fresh), errors);
  EngineResult r = run_rules(one, ws);
  out.findings = std::move(r.findings);
  out.checks = std::move(r.checks);
  // Suppressions of the full scan still apply to the same subject.
  for (auto& f : out.findings)
    for (const auto& g : report.findings)
      if (g.rule_id == f.rule_id && g.location.path == f.location.path &&
          g.location.range.begin.line == f.location.range.begin.line)
        f.suppressions = g.suppressions;
  return out;
}

}  // namespace

std::vector<ItemMatch> match_checklist(const ChecklistDocument& doc,
                                       const std::vector<const Rule*>& rules,
                                       const MatchContext& ctx) {
  std::map<std::string, std::vector<std::string>> by_phrase;
  for (const Rule* rule : rules) {
    for (const auto& phrase : rule->checklist)
      by_phrase[normalise_phrase(phrase)].push_back(rule->id);
    auto& title = by_phrase[normalise_phrase(rule->title)];
    if (std::find(title.begin(), title.end(), rule->id) == title.end()) title.push_back(rule->id);
  }
  std::vector<ItemMatch> out(doc.items.size());
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const ChecklistItem& item = doc.items[i];
    ItemMatch& m = out[i];
    std::string text = strip_override_comment(item.text);
    std::string key = normalise_phrase(text);
    if (!item.override_rules.empty()) {
      m.how = ItemMatch::How::Pinned;
      if (item.override_rules != "manual") m.rules = split_ids(item.override_rules);
      m.notes.push_back("pinned by the <!-- clearance: --> marker on the item");
      if (m.rules.empty()) m.reason = "pinned to manual";
      continue;
    }
    bool pinned = false;
    for (const auto& pin : ctx.pins) {
      bool hit = !pin.item.empty() && normalise_phrase(pin.item) == key;
      if (!hit && !pin.pattern.empty()) {
        try {
          hit = std::regex_search(text, std::regex(pin.pattern, std::regex::icase));
        } catch (const std::regex_error&) {
        }
      }
      if (!hit) continue;
      m.how = ItemMatch::How::Pinned;
      m.rules = pin.rules;
      m.notes.push_back(
          "pinned by .clearance.yml checklist: " +
          (pin.item.empty() ? "pattern " + pin.pattern : "item \"" + pin.item + "\""));
      if (m.rules.empty()) m.reason = "pinned to manual";
      pinned = true;
      break;
    }
    if (pinned) continue;
    for (const Rule* rule : rules)
      if (text.find(rule->id) != std::string::npos) m.rules.push_back(rule->id);
    if (!m.rules.empty()) {
      m.how = ItemMatch::How::RuleId;
    } else if (auto it = by_phrase.find(key); it != by_phrase.end()) {
      m.how = ItemMatch::How::Phrase;
      m.rules = it->second;
    } else if (ctx.table && ctx.table->find(key)) {
      m.notes.push_back("existence item of checklist/declared.yaml");
    } else if (!item.children.empty()) {
      m.reason = "a parent item: its sub-items say what to check";
    } else if (looks_like_env_var(text) || looks_like_iam_action(text)) {
      m.reason = "a value of the list above (checked with it when the parent names one)";
    } else if (ctx.vocabulary) {
      std::vector<std::string> around;
      if (item.parent >= 0) around.push_back(doc.items[static_cast<size_t>(item.parent)].text);
      if (!item.group.empty()) around.push_back(item.group);
      for (const auto& h : item.headings) around.push_back(h);
      m = match_concepts(text, around, rules, *ctx.vocabulary);
    }
    if (!m.rules.empty()) read_parameters(text, rules, m);
  }
  return out;
}

std::vector<ItemResult> judge_checklist(const ChecklistDocument& doc, const Report& report,
                                        const Workspace& ws, const MatchContext& ctx) {
  std::vector<ItemMatch> matches = match_checklist(doc, report.rules, ctx);
  std::map<std::string, Report> reruns;  // rule id + parameters -> findings and checks
  std::vector<ItemResult> results(doc.items.size());
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const ChecklistItem& item = doc.items[i];
    const ItemMatch& m = matches[i];
    ItemResult& result = results[i];
    std::string text = strip_override_comment(item.text);
    std::string key = normalise_phrase(text);
    bool overridden = m.how == ItemMatch::How::Pinned;
    for (const auto& id : m.rules) {
      auto p = m.params.find(id);
      const Report* source = &report;
      if (p != m.params.end()) {
        std::string cache = id;
        for (const auto& [k, v] : p->second) cache.append("|").append(k).append("=").append(v);
        if (!reruns.count(cache)) reruns[cache] = rerun_with_params(report, id, p->second, ws);
        source = &reruns[cache];
      }
      merge(result, judge_rules({id}, *source, assigned_key(text)));
    }
    if (!overridden && ctx.table) {
      // Alternatives: the first entry the code declares decides, else the first entry fails.
      ItemResult best;
      bool any = false;
      for (const DeclaredEntry* e : ctx.table->find_all(key)) {
        ItemResult d = judge_declared(*e, text, ws);
        if (!any || (best.status == ItemStatus::Failed && d.status != ItemStatus::Failed)) best = d;
        any = true;
      }
      if (any) merge(result, std::move(best));
    }
    if (!overridden) {
      ItemResult named = judge_named_values(text, ws);
      if (!named.rules.empty()) merge(result, std::move(named));
    }

    // Value lists: every child names an environment variable, or every child is an IAM action.
    if (item.children.size() < 2 || overridden) continue;
    std::vector<std::string> child_texts;
    bool env = true, iam = true;
    for (size_t c : item.children) {
      child_texts.push_back(doc.items[c].text);
      env = env && looks_like_env_var(doc.items[c].text);
      iam = iam && looks_like_iam_action(doc.items[c].text);
    }
    ListResult list;
    if (env) {
      list = judge_env_vars(child_texts, ws);
    } else if (iam && key.find("role") != std::string::npos) {
      list = judge_iam_actions(child_texts, key.find("execution role") != std::string::npos, ws);
    } else {
      continue;
    }
    merge(result, std::move(list.parent));
    for (size_t k = 0; k < item.children.size(); ++k)
      results[item.children[k]] = std::move(list.children[k]);
  }
  // A decided item always says what decided it.
  for (auto& r : results)
    if (r.status != ItemStatus::Manual && r.evidence.empty()) {
      std::string ids;
      for (const auto& id : r.rules) ids += (ids.empty() ? "" : ", ") + id;
      r.evidence.push_back(
          {ids + ": " + std::string(item_status_name(r.status)) + " with no single place to show",
           {}});
    }
  return results;
}

ChecklistSummary summarise(const std::vector<ItemResult>& results) {
  ChecklistSummary s;
  for (const auto& r : results) {
    switch (r.status) {
      case ItemStatus::Verified: ++s.verified; break;
      case ItemStatus::Failed: ++s.failed; break;
      case ItemStatus::Undetermined: ++s.undetermined; break;
      case ItemStatus::Declared: ++s.declared; break;
      case ItemStatus::Manual: ++s.manual; break;
    }
  }
  return s;
}

}  // namespace clearance
