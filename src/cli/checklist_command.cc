// The checklist command: the scan pipeline up to the check step, then the checklist layer.
#include "cli/checklist_command.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checklist/checklist_document.h"
#include "checklist/declared_table.h"
#include "checklist/judge.h"
#include "checklist/markdown_writer.h"
#include "cli/checklist_explain.h"
#include "cli/checklist_record.h"
#include "cli/pipeline.h"
#include "cli/rule_loading.h"
#include "engine/engine.h"
#include "engine/scrub.h"
#include "report/html_writer.h"

namespace clearance {

namespace {

void write_json(const ChecklistDocument& doc, const std::vector<ItemResult>& results,
                const ChecklistRecord& record, std::ostream& out) {
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < doc.items.size(); ++i) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : results[i].evidence)
      evidence.push_back(
          {{"text", e.text}, {"path", e.location.path}, {"line", e.location.range.begin.line}});
    items.push_back({{"line", doc.items[i].line + 1},
                     {"section", doc.items[i].section},
                     {"text", doc.items[i].text},
                     {"checked", doc.items[i].checked},
                     {"conflict", doc.items[i].checked && results[i].status == ItemStatus::Failed},
                     {"status", item_status_name(results[i].status)},
                     {"rules", results[i].rules},
                     {"evidence", evidence}});
  }
  ChecklistSummary s = summarise(results);
  nlohmann::json j = {{"summary",
                       {{"verified", s.verified},
                        {"failed", s.failed},
                        {"undetermined", s.undetermined},
                        {"declared", s.declared},
                        {"manual", s.manual}}},
                      {"record", record_json(record)},
                      {"items", items}};
  out << j.dump(2) << "\n";
}

/// The checklist as one self-contained page: counts by status and by section, the judged
/// items with their evidence, and the manual items apart (they are never ticked).
void write_html(const ChecklistDocument& doc, const std::vector<ItemResult>& results,
                const ChecklistRecord& record, std::ostream& out) {
  constexpr ItemStatus kStatuses[] = {ItemStatus::Verified, ItemStatus::Failed,
                                      ItemStatus::Undetermined, ItemStatus::Declared,
                                      ItemStatus::Manual};
  auto css = [](ItemStatus st) { return "st-" + std::string(item_status_name(st)); };
  std::vector<std::string> sections;  // in the order the checklist has them
  std::map<std::string, std::array<size_t, 5>> per_section;
  std::array<size_t, 5> totals{};
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const std::string& sec = doc.items[i].section;
    if (!per_section.count(sec)) sections.push_back(sec);
    ++per_section[sec][static_cast<size_t>(results[i].status)];
    ++totals[static_cast<size_t>(results[i].status)];
  }
  write_html_page_start(out, "clearance checklist");
  out << "<h1>clearance checklist</h1>\n<section id=\"summary\">\n<h2>Summary</h2>\n";
  std::vector<HtmlBar> bars;
  for (ItemStatus st : kStatuses)
    bars.push_back({std::string(item_status_name(st)), totals[static_cast<size_t>(st)], css(st)});
  write_html_bar_chart(out, bars, "Checklist items by status");
  out << "<table class=\"counts\">\n<tr><th>Section</th>";
  for (ItemStatus st : kStatuses) out << "<th>" << item_status_name(st) << "</th>";
  out << "</tr>\n";
  for (const auto& sec : sections) {
    out << "<tr><td>" << html_escape(sec.empty() ? "(no heading)" : sec) << "</td>";
    for (size_t n : per_section[sec]) out << "<td class=\"n\">" << n << "</td>";
    out << "</tr>\n";
  }
  out << "</table>\n</section>\n";
  for (bool manual : {false, true}) {
    out << "<section id=\"" << (manual ? "manual" : "automated") << "\">\n<h2>"
        << (manual ? "Manual: a person must check these" : "Checked by clearance") << "</h2>\n";
    std::string current = "\x01";
    for (size_t i = 0; i < doc.items.size(); ++i) {
      const ItemResult& r = results[i];
      if ((r.status == ItemStatus::Manual) != manual) continue;
      if (doc.items[i].section != current) {
        current = doc.items[i].section;
        out << "<h3>" << html_escape(current.empty() ? "(no heading)" : current) << "</h3>\n";
      }
      out << "<div class=\"item " << css(r.status) << "\"><span class=\"badge " << css(r.status)
          << "\">" << item_status_name(r.status) << "</span> "
          << html_escape(strip_override_comment(doc.items[i].text));
      if (!r.rules.empty()) {
        out << "<div>";
        for (const auto& id : r.rules)
          out << "<span class=\"rule\">" << html_escape(id) << "</span> ";
        out << "</div>";
      }
      if (!r.evidence.empty()) {
        out << "<details><summary>evidence (" << r.evidence.size()
            << ")</summary><ul class=\"plain\">\n";
        for (const auto& e : r.evidence) {
          out << "<li>";
          if (!e.location.path.empty())
            out << "<code>" << html_escape(e.location.path) << ':' << e.location.range.begin.line
                << "</code> ";
          out << html_escape(e.text) << "</li>\n";
        }
        out << "</ul></details>";
      }
      out << "</div>\n";
    }
    out << "</section>\n";
  }
  write_record_html(record, out);
  write_html_page_end(out);
}

}  // namespace

int run_checklist(const ChecklistSettings& s) {
  if (s.format != "markdown" && s.format != "json" && s.format != "html") {
    std::cerr << "clearance: unknown checklist format '" << s.format
              << "' (valid: markdown, html, json)\n";
    return 2;
  }
  std::ifstream in(s.checklist, std::ios::binary);
  if (!in) {
    std::cerr << "clearance: cannot read " << s.checklist << "\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  ChecklistDocument doc = read_checklist(buffer.str());
  if (doc.items.empty()) {
    std::cerr << "clearance: no checklist items found in " << s.checklist
              << " (recognised: '- [ ] text', '1. [ ] text', table rows with a status cell such"
                 " as '| text | [ ] |' or '| text | \u2610 |', and lines starting with a status"
                 " emoji such as '\u2705 text')\n";
    return 2;
  }

  DeclaredTable table;
  std::string error;
  if (!load_declared_table(declared_table_yaml(), table, error)) {
    std::cerr << "clearance: " << error << "\n";
    return 2;
  }
  Vocabulary vocabulary;
  MatchContext match;
  match.table = &table;
  match.vocabulary = &vocabulary;
  if (!load_vocabulary(vocabulary_yaml(), vocabulary, error) ||
      !load_checklist_pins(s.paths.empty() ? "." : s.paths.front(), match.pins, error)) {
    std::cerr << "clearance: " << error << "\n";
    return 2;
  }
  RuleSet rules;
  if (!load_rules(s.rule_dirs, rules)) return 2;
  if (s.explain) {
    std::vector<const Rule*> all;
    for (const auto& r : rules.rules()) all.push_back(&r);
    std::sort(all.begin(), all.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
    write_explain(doc, match_checklist(doc, all, match), std::cout);
    return 0;
  }
  ScanStats stats;
  DiscoverResult found = discover(s.paths.empty() ? std::vector<std::string>{"."} : s.paths, {});
  LoadSettings load;
  load.jobs = s.jobs;
  Workspace ws = load_workspace(found, load, stats);
  EngineResult result = run_rules(rules, ws);
  Report report;
  report.root = ws.root;
  for (const auto& r : rules.rules()) report.rules.push_back(&r);
  std::sort(report.rules.begin(), report.rules.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  report.findings = std::move(result.findings);
  report.checks = std::move(result.checks);
  report.stats = stats;

  std::vector<ItemResult> results = judge_checklist(doc, report, ws, match);
  SecretScrubber scrubber(ws);
  for (auto& r : results)
    for (auto& e : r.evidence) e.text = scrubber.scrub(e.text, e.location);
  ChecklistRecord record = make_checklist_record(s.checklist, buffer.str(), s.paths, rules);
  std::ostringstream rendered;
  if (s.format == "json") {
    write_json(doc, results, record, rendered);
  } else if (s.format == "html") {
    write_html(doc, results, record, rendered);
  } else {
    write_checklist_markdown(doc, results, rendered);
    write_record_markdown(record, rendered);
  }
  if (s.output.empty()) {
    std::cout << rendered.str();
    std::cout.flush();
  } else {
    std::ofstream out(s.output, std::ios::binary);
    out << rendered.str();
    if (!out.good()) {
      std::cerr << "clearance: cannot write " << s.output << "\n";
      return 2;
    }
  }
  return summarise(results).failed > 0 ? 1 : 0;
}

}  // namespace clearance
