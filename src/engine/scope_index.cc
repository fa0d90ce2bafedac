// Candidates are kept in walk order; lookups merge position lists and sort them, so results
// come out in the order a walk would produce.
#include "engine/scope_index.h"

#include <algorithm>
#include <set>

namespace clearance {

namespace {

bool ident_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_' || ch == '-';
}

bool is_identifier(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ident_char);
}

void walk(const Document* doc, const Node& n, std::vector<ScopeIndex::Entry>& out) {
  for (const auto& c : n.children) {
    out.push_back({doc, &c});
    walk(doc, c, out);
  }
}

bool in(const std::vector<std::string>& list, const std::string& s) {
  return list.empty() || std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

ScopeIndex::ScopeIndex(const std::vector<const Document*>& docs) : docs_(docs) {
  for (const Document* d : docs) walk(d, d->root, all_);
}

const std::vector<ScopeIndex::Entry>& ScopeIndex::top_level(const std::string& kind,
                                                            const std::string& type) {
  if (top_level_.empty()) {
    for (const Document* d : docs_)
      for (const auto& n : d->root.children) top_level_[n.kind + '\0' + n.type].push_back({d, &n});
    top_level_[std::string(1, '\0')];  // never empty once built
  }
  static const std::vector<Entry> kNone;
  auto it = top_level_.find(kind + '\0' + type);
  return it == top_level_.end() ? kNone : it->second;
}

const std::vector<ScopeIndex::Entry>& ScopeIndex::matching(const Condition& c) {
  auto it = matching_.find(&c);
  if (it != matching_.end()) return it->second;
  std::vector<Entry> out;
  for (const Entry& e : all_)
    if (in(c.kinds, e.node->kind) && in(c.types, e.node->type) && in(c.names, e.node->name))
      out.push_back(e);
  return matching_.emplace(&c, std::move(out)).first->second;
}

ScopeIndex::Related& ScopeIndex::related(const Condition& c) {
  auto it = related_.find(&c);
  if (it != related_.end()) return it->second;
  Related r;
  const auto& cands = matching(c);
  for (size_t i = 0; i < cands.size(); ++i) {
    const Attribute* via = cands[i].node->attribute(c.via);
    if (!via) continue;
    if (via->value.is_string()) {
      r.by_string[via->value.as_string()].push_back(i);
    } else if (via->value.is_unknown()) {
      const std::string& text = via->value.as_string();
      std::set<std::string> words;
      for (size_t p = 0; p < text.size();) {
        if (!ident_char(text[p])) {
          ++p;
          continue;
        }
        size_t e = p;
        while (e < text.size() && ident_char(text[e])) ++e;
        words.insert(text.substr(p, e - p));
        p = e;
      }
      for (const auto& w : words) r.by_word[w].push_back(i);
    }
  }
  return related_.emplace(&c, std::move(r)).first->second;
}

std::optional<std::vector<size_t>> ScopeIndex::related_candidates(
    const Condition& c, const std::string& name, const std::vector<std::string>& values) {
  if (!is_identifier(name)) return std::nullopt;
  Related& r = related(c);
  std::vector<size_t> out;
  if (auto it = r.by_word.find(name); it != r.by_word.end())
    out.insert(out.end(), it->second.begin(), it->second.end());
  for (const auto& v : values)
    if (auto it = r.by_string.find(v); it != r.by_string.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<size_t>& ScopeIndex::unknowable(const Condition& c, const std::string& type) {
  Related& r = related(c);
  auto it = r.unknowable.find(type);
  if (it != r.unknowable.end()) return it->second;
  std::vector<size_t> out;
  const auto& cands = matching(c);
  std::string mention = type + ".";
  for (size_t i = 0; i < cands.size(); ++i) {
    const Attribute* via = cands[i].node->attribute(c.via);
    if (via && via->value.is_unknown() && via->value.as_string().find(mention) == std::string::npos)
      out.push_back(i);
  }
  return r.unknowable.emplace(type, std::move(out)).first->second;
}

std::vector<ScopeIndex::Entry> top_level_nodes(const EvalContext& ctx, const std::string& kind,
                                               const std::string& type) {
  if (ctx.scope) return ctx.scope->top_level(kind, type);
  std::vector<ScopeIndex::Entry> out;
  for (const Document* d : ctx.module_documents)
    for (const auto& n : d->root.children)
      if (n.kind == kind && n.type == type) out.push_back({d, &n});
  return out;
}

}  // namespace clearance
