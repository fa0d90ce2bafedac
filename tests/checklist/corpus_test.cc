// The labelled checklist corpus (tests/checklist/corpus): each NAME.md comes with NAME.labels,
// one line per item in document order, written by hand before running clearance: the rule
// ids the item must map to (comma list), "declared" for an existence item, or "manual".
// Reports per checklist items parsed, mapped right, mapped wrong, left manual, and manual
// items mapped to a rule; fails on any wrong mapping or manual item mapped, and below 90%
// right for items a rule covers.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "checklist/checklist_document.h"
#include "checklist/declared_table.h"
#include "checklist/judge.h"
#include "checklist/normalise.h"
#include "engine/rule_set.h"

namespace fs = std::filesystem;
using namespace clearance;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> split(const std::string& line) {
  std::set<std::string> out;
  std::stringstream in(line);
  std::string id;
  while (std::getline(in, id, ','))
    if (!id.empty()) out.insert(id);
  return out;
}

}  // namespace

TEST_CASE("labelled checklist corpus maps items to the right checks", "[checklist][corpus]") {
  std::vector<RuleError> errors;
  RuleSet rules = RuleSet::embedded(errors);
  REQUIRE(errors.empty());
  std::vector<const Rule*> all;
  for (const auto& r : rules.rules()) all.push_back(&r);
  DeclaredTable table;
  Vocabulary vocab;
  std::string error;
  REQUIRE(load_declared_table(declared_table_yaml(), table, error));
  REQUIRE(load_vocabulary(vocabulary_yaml(), vocab, error));
  MatchContext ctx;
  ctx.table = &table;
  ctx.vocabulary = &vocab;

  fs::path dir = fs::path(CLEARANCE_SOURCE_DIR) / "tests" / "checklist" / "corpus";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  size_t covered = 0, right_total = 0;
  for (const auto& md : files) {
    ChecklistDocument doc = read_checklist(slurp(md));
    std::vector<std::string> labels;
    std::stringstream in(slurp(fs::path(md).replace_extension(".labels")));
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') labels.push_back(line);
    INFO(md.filename().string());
    REQUIRE(doc.items.size() == labels.size());  // every item of every style parsed
    auto matches = match_checklist(doc, all, ctx);
    size_t right = 0, wrong = 0, left_manual = 0, manual_mapped = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
      std::set<std::string> want = split(labels[i]);
      std::set<std::string> got(matches[i].rules.begin(), matches[i].rules.end());
      if (got.empty() && table.find(normalise_phrase(doc.items[i].text))) got = {"declared"};
      bool manual = want == std::set<std::string>{"manual"};
      INFO("item " << doc.items[i].text);
      if (manual) {
        CHECK(got.empty());
        if (!got.empty()) ++manual_mapped;
        continue;
      }
      ++covered;
      if (got == want) {
        ++right;
      } else if (got.empty()) {
        ++left_manual;
        WARN("left manual: " << doc.items[i].text << " (" << matches[i].reason << ")");
      } else {
        ++wrong;
        CHECK(got == want);
      }
    }
    right_total += right;
    std::cout << md.filename().string() << ": " << doc.items.size() << " parsed, " << right
              << " mapped right, " << wrong << " mapped wrong, " << left_manual << " left manual, "
              << manual_mapped << " manual items mapped to a rule\n";
  }
  std::cout << "corpus: " << right_total << " of " << covered
            << " rule-covered items mapped right\n";
  CHECK(right_total * 10 >= covered * 9);
}

TEST_CASE("every rule's about: names are in the checklist vocabulary", "[checklist][corpus]") {
  std::vector<RuleError> errors;
  RuleSet rules = RuleSet::embedded(errors);
  Vocabulary vocab;
  std::string error;
  REQUIRE(load_vocabulary(vocabulary_yaml(), vocab, error));
  for (const auto& r : rules.rules()) {
    INFO(r.id);
    for (const auto& s : r.about.subjects) CHECK(vocab.subjects.count(s) == 1);
    for (const auto& p : r.about.properties) CHECK(vocab.properties.count(p) == 1);
    for (const auto& [param, value] : r.about.unstated) CHECK(r.params.count(param) == 1);
    for (const auto& [unit, param] : r.about.params) {
      CHECK((unit == "days" || unit == "characters"));
      CHECK(r.params.count(param) == 1);
    }
  }
}
