// ScopeIndex: the nodes of one scope's documents (a Terraform module, a directory of files)
// indexed once, so that `related` and `exists` conditions find their candidates without
// walking every node of the scope for every subject. Built by the engine per scope and
// filled lazily per condition; each answer is the one a full walk would give, in the same
// (document, then depth-first) order.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/condition.h"
#include "engine/outcome.h"
#include "engine/predicate.h"
#include "model/document.h"

namespace clearance {

class ScopeIndex {
 public:
  explicit ScopeIndex(const std::vector<const Document*>& docs);

  struct Entry {
    const Document* doc;
    const Node* node;
  };

  /// The nodes matching the selector (kinds, types, names) of `c`, in walk order.
  const std::vector<Entry>& matching(const Condition& c);

  /// For a `related` condition: the positions (into `matching(c)`) of candidates whose `via`
  /// may name a node called `name` (an identifier), in walk order. nullopt when `name` is not
  /// an identifier, so that the caller walks every candidate.
  std::optional<std::vector<size_t>> related_candidates(const Condition& c, const std::string& name,
                                                        const std::vector<std::string>& values);

  /// Positions of candidates whose `via` is unknown and does not mention `type` + "." (so it
  /// cannot be told whether they refer to a node of that type), in walk order.
  const std::vector<size_t>& unknowable(const Condition& c, const std::string& type);

  /// The top-level blocks (direct children of a document root) of `kind` and `type`, in
  /// document order: the resources a predicate looks up by type.
  const std::vector<Entry>& top_level(const std::string& kind, const std::string& type);

  /// The outcome of an `exists` condition over the scope, which does not depend on the
  /// subject when some node matched; empty until set.
  std::optional<Outcome>& exists_memo(const Condition& c) { return exists_[&c]; }
  /// For an `exists` that matched nothing: the remote module call that may hold the missing
  /// node (or a pair of nullptrs), which does not depend on the subject either.
  using ModuleCall = std::pair<const Document*, const Node*>;
  std::optional<ModuleCall>& remote_memo(const Condition& c) { return remote_[&c]; }

 private:
  struct Related {
    std::unordered_map<std::string, std::vector<size_t>> by_word;    ///< words of unknown `via` texts
    std::unordered_map<std::string, std::vector<size_t>> by_string;  ///< known string `via` values
    std::map<std::string, std::vector<size_t>> unknowable;           ///< per subject type
  };
  Related& related(const Condition& c);

  std::vector<Entry> all_;  ///< every node of the scope, in walk order
  std::unordered_map<const Condition*, std::vector<Entry>> matching_;
  std::unordered_map<const Condition*, Related> related_;
  std::unordered_map<const Condition*, std::optional<Outcome>> exists_;
  std::unordered_map<const Condition*, std::optional<ModuleCall>> remote_;
  std::vector<const Document*> docs_;
  std::unordered_map<std::string, std::vector<Entry>> top_level_;  ///< by kind + '\0' + type, filled at once
};

/// `ctx.scope->top_level(kind, type)`, or the same found by a walk when there is no index.
std::vector<ScopeIndex::Entry> top_level_nodes(const EvalContext& ctx, const std::string& kind,
                                               const std::string& type);

}  // namespace clearance
