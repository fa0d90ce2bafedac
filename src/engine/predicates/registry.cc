// The one list of named predicates that rule YAML may call. Add a line per predicate.
#include "engine/predicate.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {
constexpr PredicateEntry kPredicates[] = {
    {"always_pass", &predicate_always_pass},
};
}  // namespace

PredicateFn find_predicate(std::string_view name) {
  for (const auto& p : kPredicates)
    if (p.name == name) return p.fn;
  return nullptr;
}

std::vector<PredicateEntry> all_predicates() {
  return std::vector<PredicateEntry>(std::begin(kPredicates), std::end(kPredicates));
}

}  // namespace clearance
