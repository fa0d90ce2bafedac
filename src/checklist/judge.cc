// Judging one item: an explicit override first, then rule phrases, the existence table and
// value lists; their verdicts combine with the worst one winning (failed > undetermined >
// verified > declared). An item nothing matches is manual.
#include "checklist/judge.h"

#include <map>
#include <sstream>

#include "checklist/normalise.h"
#include "checklist/value_checks.h"

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
  if (rank(from.status) > rank(into.status)) into.status = from.status;
  for (auto& r : from.rules) into.rules.push_back(std::move(r));
  for (auto& e : from.evidence) into.evidence.push_back(std::move(e));
}

ItemResult judge_rules(const std::vector<std::string>& ids, const Report& report) {
  ItemResult r;
  r.rules = ids;
  bool fail = false, undetermined = false, pass = false;
  for (const auto& id : ids) {
    for (const auto& f : report.findings) {
      if (f.rule_id != id) continue;
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
        if (!fail && !undetermined)
          r.evidence.push_back({id + ": " + c.subject + " passes", c.location});
      }
  }
  if (fail) {
    r.status = ItemStatus::Failed;
    std::erase_if(r.evidence,
                  [](const Evidence& e) { return e.text.find(" passes") != std::string::npos; });
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

}  // namespace

std::vector<ItemResult> judge_checklist(const ChecklistDocument& doc, const Report& report,
                                        const Workspace& ws, const DeclaredTable& table) {
  std::map<std::string, std::vector<std::string>> by_phrase;
  for (const Rule* rule : report.rules)
    for (const auto& phrase : rule->checklist)
      by_phrase[normalise_phrase(phrase)].push_back(rule->id);

  std::vector<ItemResult> results(doc.items.size());
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const ChecklistItem& item = doc.items[i];
    ItemResult& result = results[i];
    std::string text = strip_override_comment(item.text);
    std::string key = normalise_phrase(text);
    bool overridden = !item.override_rules.empty();
    std::vector<std::string> ids =
        overridden ? split_ids(item.override_rules) : std::vector<std::string>{};
    if (!overridden)
      if (auto it = by_phrase.find(key); it != by_phrase.end()) ids = it->second;
    if (!ids.empty()) merge(result, judge_rules(ids, report));
    if (!overridden)
      if (const DeclaredEntry* e = table.find(key)) merge(result, judge_declared(*e, text, ws));

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
