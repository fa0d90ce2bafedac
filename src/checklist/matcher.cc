// Concept matching. Phrases of the vocabulary are found in the item's words; where phrases
// overlap the longest wins (so "HTTP to HTTPS" is a redirect, not HTTPS). A rule matches when
// the item names one of its subjects and one of its properties. With no subject in the item,
// the surrounding headers supply one; with none there either, the property must belong to
// one subject only. Anything else is manual, with the reason.
#include "checklist/matcher.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace clearance {

namespace {

struct Hit {
  std::string name;
  std::string phrase;
  size_t begin = 0, end = 0;
};

std::string stem(std::string w) {
  if (w == "https" || w == "wss" || w.size() <= 3) return w;
  if (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) return w;
  if (w.back() == 's') w.pop_back();
  return w;
}

std::vector<std::vector<std::string>> phrases(const YAML::Node& n) {
  std::vector<std::vector<std::string>> out;
  if (!n || !n.IsSequence()) return out;
  for (const auto& p : n) out.push_back(item_words(p.as<std::string>()));
  return out;
}

/// Every phrase of `table` in `words`, overlaps resolved longest first (equal spans all kept).
std::vector<Hit> find_hits(
    const std::vector<std::string>& words,
    const std::map<std::string, std::vector<std::vector<std::string>>>& table) {
  std::vector<Hit> all;
  for (const auto& [name, list] : table)
    for (const auto& p : list) {
      if (p.empty() || p.size() > words.size()) continue;
      for (size_t i = 0; i + p.size() <= words.size(); ++i)
        if (std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(i))) {
          std::string text;
          for (const auto& w : p) text += (text.empty() ? "" : " ") + w;
          all.push_back({name, text, i, i + p.size()});
        }
    }
  std::stable_sort(all.begin(), all.end(),
                   [](const Hit& a, const Hit& b) { return a.end - a.begin > b.end - b.begin; });
  std::vector<Hit> kept, spans;  // spans: every accepted place, repeats of a name included
  for (const auto& h : all) {
    // Overlapping a longer phrase of another name loses; of the same name, it still takes
    // its words ("in transit encryption" is one property, not also "encryption").
    bool overlaps = false;
    for (const auto& k : spans)
      if (h.begin < k.end && k.begin < h.end && !(h.begin == k.begin && h.end == k.end) &&
          k.name != h.name)
        overlaps = true;
    if (overlaps) continue;
    spans.push_back(h);
    bool duplicate = false;
    for (const auto& k : kept) duplicate = duplicate || (k.name == h.name);
    if (!duplicate) kept.push_back(h);
  }
  return kept;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string describe(const std::vector<Hit>& hits, std::vector<std::string>& names) {
  std::string out;
  for (const auto& h : hits) {
    names.push_back(h.name + " (\"" + h.phrase + "\")");
    out += (out.empty() ? "" : ", ") + h.name;
  }
  return out;
}

}  // namespace

std::vector<std::string> item_words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) out.push_back(stem(std::move(w)));
    w.clear();
  };
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      w += static_cast<char>(std::tolower(c));
    } else if (ch == '\'' && !w.empty()) {
      flush();
      out.emplace_back("'");  // "bucket's" -> bucket, ' , s: the lone "s" is dropped below
    } else {
      flush();
    }
  }
  flush();
  std::vector<std::string> clean;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == "'") {
      if (i + 1 < out.size() && out[i + 1] == "s") ++i;
      continue;
    }
    clean.push_back(out[i]);
  }
  return clean;
}

bool load_vocabulary(std::string_view yaml, Vocabulary& out, std::string& error) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    for (const auto& kv : root["subjects"])
      out.subjects[kv.first.as<std::string>()] = phrases(kv.second);
    for (const auto& kv : root["properties"]) {
      std::string name = kv.first.as<std::string>();
      out.properties[name] = phrases(kv.second["words"]);
      out.negated[name] = kv.second["negated"] && kv.second["negated"].as<bool>();
      out.everywhere[name] = kv.second["everywhere"] && kv.second["everywhere"].as<bool>();
      out.standalone[name] = kv.second["standalone"] && kv.second["standalone"].as<bool>();
    }
    for (const auto& n : root["negations"]) out.negations.push_back(stem(n.as<std::string>()));
    out.process = phrases(root["process"]);
  } catch (const YAML::Exception& e) {
    error = std::string("checklist/vocabulary.yaml: ") + e.what();
    return false;
  }
  if (out.subjects.empty() || out.properties.empty()) {
    error = "checklist/vocabulary.yaml: subjects and properties are required";
    return false;
  }
  return true;
}

ItemMatch match_concepts(std::string_view text, const std::vector<std::string>& context,
                         const std::vector<const Rule*>& rules, const Vocabulary& vocab) {
  ItemMatch m;
  std::vector<std::string> words = item_words(text);
  std::vector<Hit> props = find_hits(words, vocab.properties);
  std::vector<Hit> subs = find_hits(words, vocab.subjects);
  // A process word outside the property and subject names ("health check" is a property).
  for (const auto& p : vocab.process)
    for (size_t i = 0; !p.empty() && i + p.size() <= words.size(); ++i) {
      if (!std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(i))) continue;
      bool inside = false;
      for (const auto* list : {&props, &subs})
        for (const auto& h : *list) inside = inside || (h.begin <= i && i + p.size() <= h.end);
      if (inside) continue;
      std::string w;
      for (const auto& s : p) w += (w.empty() ? "" : " ") + s;
      m.reason = "\"" + w + "\" says a person does this; pin a rule to check it from the files";
      return m;
    }
  // A property word inside a subject's name is part of the name ("Secrets Manager").
  std::erase_if(props, [&](const Hit& p) {
    for (const auto& s : subs)
      if (s.begin <= p.begin && p.end <= s.end && s.end - s.begin > p.end - p.begin) return true;
    return false;
  });
  if (props.empty()) {
    m.reason = subs.empty()
                   ? "no subject or property word known to the vocabulary"
                   : "names " + describe(subs, m.subjects) + " but no property a rule checks";
    return m;
  }
  bool negated = false;
  for (const auto& w : words) negated = negated || has(vocab.negations, w);
  // A subject after "to"/"into" is where something goes ("logs shipped to S3"), not what
  // is checked; it counts only when nothing else names a subject.
  std::vector<Hit> destinations;
  std::erase_if(subs, [&](const Hit& h) {
    bool dest = h.begin > 0 && (words[h.begin - 1] == "to" || words[h.begin - 1] == "into");
    if (dest) destinations.push_back(h);
    return dest;
  });
  if (!destinations.empty())
    m.notes.push_back("not the subject: " + destinations.front().phrase + " (where it goes)");
  std::string from_context;
  if (subs.empty())
    for (const auto& c : context) {
      subs = find_hits(item_words(c), vocab.subjects);
      if (!subs.empty()) {
        from_context = c;
        break;
      }
    }
  if (subs.empty()) subs = destinations;
  std::string prop_list = describe(props, m.properties);
  std::string sub_list = describe(subs, m.subjects);
  if (!from_context.empty()) m.notes.push_back("subject taken from \"" + from_context + "\"");
  std::set<std::string> skipped_negation;
  for (const Rule* r : rules) {
    bool subject = subs.empty();
    for (const auto& h : subs) subject = subject || has(r->about.subjects, h.name);
    bool property = false;
    for (const auto& h : props) {
      if (!has(r->about.properties, h.name)) continue;
      if (vocab.negated.count(h.name) && vocab.negated.at(h.name) && !negated) {
        skipped_negation.insert(h.name);
        continue;
      }
      property = true;
    }
    if (subject && property) m.rules.push_back(r->id);
  }
  if (subs.empty() && !m.rules.empty()) {
    // No subject anywhere: the property must be specific enough to stand alone, or be checked
    // everywhere it is set; otherwise it must belong to rules of one subject only.
    bool alone = false, every = false;
    for (const auto& h : props) {
      alone = alone || (vocab.standalone.count(h.name) && vocab.standalone.at(h.name));
      every = every || (vocab.everywhere.count(h.name) && vocab.everywhere.at(h.name));
    }
    if (!alone && !every) {
      m.reason = "property " + prop_list + " named without a subject (which service?)";
      m.rules.clear();
      return m;
    }
    std::set<std::string> owners;
    for (const auto& id : m.rules)
      for (const Rule* r : rules)
        if (r->id == id) owners.insert(r->about.subjects.empty() ? "" : r->about.subjects.front());
    bool everywhere = true;
    for (const auto& h : props)
      everywhere = everywhere && vocab.everywhere.count(h.name) && vocab.everywhere.at(h.name);
    if (everywhere && owners.size() > 1)
      m.notes.push_back("the item names no subject: checked wherever " + prop_list + " is set");
    if (owners.size() > 1 && !everywhere) {
      std::string list;
      for (const auto& o : owners) list += (list.empty() ? "" : ", ") + o;
      m.reason = "property " + prop_list + " is checked for several subjects (" + list +
                 ") and the item names none";
      m.rules.clear();
      return m;
    }
  }
  if (m.rules.empty()) {
    if (!skipped_negation.empty())
      m.reason = "the item mentions " + *skipped_negation.begin() +
                 " without saying \"not\"/\"no\"/\"block\"; unsure which way it asks";
    else
      m.reason = "no rule checks " + prop_list + (sub_list.empty() ? "" : " of " + sub_list);
    return m;
  }
  m.how = ItemMatch::How::Concept;
  return m;
}

void read_parameters(std::string_view text, const std::vector<const Rule*>& rules, ItemMatch& m) {
  static const std::regex kNumber(R"((\d+)\s*\+?\s*(days?|d|characters?|chars?)\b)",
                                  std::regex::icase);
  std::map<std::string, std::string> found;  // unit -> number
  std::string s(text);
  for (std::sregex_iterator it(s.begin(), s.end(), kNumber), end; it != end; ++it) {
    std::string unit = (*it)[2].str();
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = unit.starts_with("d") ? "days" : "characters";
    if (!found.count(key)) found[key] = (*it)[1].str();
  }
  for (const auto& id : m.rules)
    for (const Rule* r : rules) {
      if (r->id != id) continue;
      for (const auto& [unit, param] : r->about.params)
        if (auto f = found.find(unit); f != found.end()) {
          m.params[id][param] = f->second;
          m.notes.push_back(id + "." + param + " = " + f->second + " (from \"" + f->second + " " +
                            unit + "\" in the item)");
        }
      for (const auto& [param, value] : r->about.unstated)
        if (!m.params[id].count(param)) {
          m.params[id][param] = value;
          m.notes.push_back(id + "." + param + " = " + value +
                            " (the item states no threshold, so enabled is enough)");
        }
      if (m.params[id].empty()) m.params.erase(id);
    }
}

std::string_view match_how_name(ItemMatch::How how) {
  switch (how) {
    case ItemMatch::How::Pinned: return "pinned";
    case ItemMatch::How::RuleId: return "rule id";
    case ItemMatch::How::Phrase: return "phrase";
    case ItemMatch::How::Concept: return "concept";
    case ItemMatch::How::Manual: return "manual";
  }
  return "";
}

}  // namespace clearance
