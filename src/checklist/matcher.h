// Matching a checklist item to rules by what it is about: the subject words and property words
// of checklist/vocabulary.yaml against each rule's `about:` data, with thresholds read from
// the item's text. Deterministic, and it explains itself; when unsure it leaves the item manual.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace clearance {

/// The embedded checklist/vocabulary.yaml.
std::string_view vocabulary_yaml();

struct Vocabulary {
  std::map<std::string, std::vector<std::vector<std::string>>> subjects;  ///< name -> phrases
  std::map<std::string, std::vector<std::vector<std::string>>> properties;
  std::map<std::string, bool> negated;  ///< property -> needs a negation word
  std::map<std::string, bool> everywhere;
  std::map<std::string, bool> standalone;  ///< property -> may match with no subject named  ///<
                                           ///< property -> with no subject, check every subject
  std::vector<std::string> negations;
  std::vector<std::vector<std::string>> process;
};

/// Parses the vocabulary; false with `error` on malformed data.
bool load_vocabulary(std::string_view yaml, Vocabulary& out, std::string& error);

/// Lower-case words of `text` (code spans and remarks kept), plural "s" dropped.
std::vector<std::string> item_words(std::string_view text);

/// How an item was matched, with everything `--explain` prints.
struct ItemMatch {
  enum class How { Pinned, RuleId, Phrase, Concept, Manual };
  How how = How::Manual;
  std::vector<std::string> rules;
  std::map<std::string, std::map<std::string, std::string>> params;  ///< rule -> param -> value
  std::vector<std::string> subjects;                                 ///< "rds (database)"
  std::vector<std::string> properties;                               ///< "backups (backup)"
  std::vector<std::string> notes;  ///< parameter sources, where the subject came from
  std::string reason;              ///< why it stayed manual
};

/// Matches by concept; `context` holds the texts around the item (parent item, group header,
/// section heading), nearest first, used only when the item names no subject itself.
ItemMatch match_concepts(std::string_view text, const std::vector<std::string>& context,
                         const std::vector<const Rule*>& rules, const Vocabulary& vocab);

/// Fills `m.params` for each rule of `m.rules` that declares `about.params` or `unstated`.
void read_parameters(std::string_view text, const std::vector<const Rule*>& rules, ItemMatch& m);

/// "pinned", "rule id", "phrase", "concept", "manual".
std::string_view match_how_name(ItemMatch::How how);

}  // namespace clearance
